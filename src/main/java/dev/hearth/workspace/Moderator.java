package dev.hearth.workspace;

import java.util.Optional;

/**
 * Who holds the workspace cookie: the instance admin, or a user of one site (whose role is
 * checked per request, on the site the request concerns).
 */
record Moderator(String token, boolean admin, Optional<Long> userId, Optional<String> homeSite, String name) {

  String csrf() {
    return CsrfGuard.tokenFor(token);
  }
}
