package dev.hearth.comment;

import dev.hearth.page.Page;
import dev.hearth.site.Site;
import io.vertx.core.json.JsonObject;
import java.time.Instant;
import java.util.List;
import java.util.Optional;

/**
 * One page of a thread listing, ready to be shown as JSON or HTML. {@code target} is set when
 * the listing was opened for a permalink.
 */
public record ThreadPage(Site site, String pageKey, Optional<Page> page, List<CommentTree.Node> threads,
                         Optional<String> nextCursor, Optional<Long> target) {

  public int displayDepth() {
    return site.settings().displayDepth();
  }

  public CommentJson json() {
    return new CommentJson(displayDepth(), new Badges(page.map(Page::authorUserId).orElse(null)));
  }

  public JsonObject toJson() {
    JsonObject json = new JsonObject()
        .put("page", page.map(p -> p.toJson(site.settings().autoCloseDays(), Instant.now()))
            .orElseGet(() -> Page.emptyJson(pageKey)))
        .put("comments", json().threads(threads))
        .put("nextCursor", nextCursor.orElse(null))
        .put("displayDepth", displayDepth());
    target.ifPresent(id -> json.put("target", id));
    return json;
  }
}
