package dev.hearth.page;

import io.vertx.core.json.JsonObject;
import java.time.Duration;
import java.time.Instant;
import java.time.OffsetDateTime;

/** An article (or any page) on a site that carries a thread. */
public record Page(long id, String siteId, String key, String url, String title, boolean closed, int commentCount,
                   Long authorUserId, OffsetDateTime firstCommentAt, long version, boolean premoderated) {

  /**
   * Whether the page takes no more comments: closed by a moderator, or automatically once
   * {@code autoCloseDays} (0 = never) have passed since its first comment.
   */
  public boolean isClosed(int autoCloseDays, Instant now) {
    return closed || autoCloseDays > 0 && firstCommentAt != null
        && firstCommentAt.toInstant().plus(Duration.ofDays(autoCloseDays)).isBefore(now);
  }

  public JsonObject toJson(int autoCloseDays, Instant now) {
    return new JsonObject()
        .put("key", key)
        .put("url", url)
        .put("title", title)
        .put("closed", isClosed(autoCloseDays, now))
        .put("commentCount", commentCount);
  }

  /** The JSON of a page that has no comment yet (pages are created by their first comment). */
  public static JsonObject emptyJson(String key) {
    return new JsonObject().put("key", key).putNull("url").putNull("title").put("closed", false).put("commentCount", 0);
  }
}
