package dev.hearth.comment;

import dev.hearth.page.Page;
import dev.hearth.site.Site;
import io.vertx.core.json.JsonObject;
import java.util.List;
import java.util.Optional;

/** One page of a thread listing, ready to be shown as JSON or HTML. */
public record ThreadPage(Site site, String pageKey, Optional<Page> page, List<CommentTree.Node> threads,
                         Optional<String> nextCursor) {

  public int displayDepth() {
    return site.settings().displayDepth();
  }

  public JsonObject toJson() {
    return new JsonObject()
        .put("page", page.map(Page::toJson).orElseGet(() -> Page.emptyJson(pageKey)))
        .put("comments", CommentJson.threads(threads, displayDepth()))
        .put("nextCursor", nextCursor.orElse(null))
        .put("displayDepth", displayDepth());
  }
}
