package dev.hearth.page;

import dev.hearth.web.JsonFields;
import java.util.Optional;

/**
 * A change to a page: {closed?, premoderated?, authorUserId?}. An {@code authorUserId} of null
 * takes the page's author away, so whether it was sent at all is kept apart from its value.
 */
public record PageUpdate(Optional<Boolean> closed, Optional<Boolean> premoderated, boolean setsAuthor,
                         Optional<Long> authorUserId) {

  static PageUpdate from(JsonFields body) {
    body.allowOnly("closed", "authorUserId", "premoderated");
    Optional<Boolean> closed = body.optionalBoolean("closed");
    Optional<Boolean> premoderated = body.optionalBoolean("premoderated");
    boolean setsAuthor = body.present("authorUserId");
    return new PageUpdate(closed, premoderated, setsAuthor, body.optionalLong("authorUserId"));
  }
}
