package dev.hearth.comment;

import dev.hearth.page.Page;
import dev.hearth.site.Site;
import io.vertx.core.buffer.Buffer;
import io.vertx.core.json.JsonObject;
import java.util.List;
import java.time.Instant;
import java.util.Optional;

/**
 * One page of a thread listing. The comments are kept as encoded JSON (what the cache holds
 * and the API sends as is); the page part is computed fresh, since auto-closing depends on
 * the clock. {@code target} is set when the listing was opened for a permalink.
 */
public record ThreadPage(Site site, String pageKey, Optional<Page> page, Buffer commentsJson,
                         Optional<String> nextCursor, Optional<Long> target) {

  public int displayDepth() {
    return site.settings().displayDepth();
  }

  private static final Buffer TAIL = Buffer.buffer("}");

  /**
   * The API response as three pieces to write in turn: a fresh head, the encoded comments
   * (shared with the cache: Vert.x writes a buffer without copying it), and the closing brace.
   */
  public List<Buffer> encodedParts() {
    return List.of(Buffer.buffer(head()), commentsJson, TAIL);
  }

  public Buffer encode() {
    Buffer whole = Buffer.buffer(commentsJson.length() + 256);
    encodedParts().forEach(whole::appendBuffer);
    return whole;
  }

  private String head() {
    JsonObject head = new JsonObject()
        .put("page", page.map(p -> p.toJson(site.settings().autoCloseDays(), Instant.now()))
            .orElseGet(() -> Page.emptyJson(pageKey)))
        .put("nextCursor", nextCursor.orElse(null))
        .put("displayDepth", displayDepth());
    target.ifPresent(id -> head.put("target", id));
    String encodedHead = head.encode();
    return encodedHead.substring(0, encodedHead.length() - 1) + ",\"comments\":";
  }

  public JsonObject toJson() {
    return new JsonObject(encode());
  }
}
