package dev.hearth.live;

import java.util.Optional;

/** Who a socket authenticated as: the instance admin, or a user of one site. */
record LiveIdentity(boolean admin, Optional<Long> userId, Optional<String> siteId) {
}
