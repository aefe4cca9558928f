package dev.hearth.view;

import dev.hearth.comment.CommentStatus;
import dev.hearth.comment.ThreadPage;
import io.vertx.core.json.JsonArray;
import io.vertx.core.json.JsonObject;
import java.time.Instant;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;

/**
 * The Handlebars model of a thread, derived from the same JSON the API returns so the HTML
 * and the API can never disagree about nesting or visibility. Every key is always present
 * (false or "" rather than absent) so a template never picks up a value from an outer scope.
 */
public final class ThreadView {
  private ThreadView() {
  }

  public static Map<String, Object> of(ThreadPage thread, Instant now) {
    JsonObject json = thread.toJson();
    JsonObject page = json.getJsonObject("page");
    int count = page.getInteger("commentCount");
    Map<String, Object> model = new HashMap<>();
    model.put("siteId", thread.site().id());
    model.put("pageKey", thread.pageKey());
    model.put("closed", page.getBoolean("closed"));
    model.put("countLabel", count == 1 ? "1 comment" : count + " comments");
    model.put("comments", comments(json.getJsonArray("comments"), now));
    String next = json.getString("nextCursor");
    model.put("nextCursor", next != null);
    model.put("moreHref", "");
    return model;
  }

  /** One comment's model; the live hub renders single comments with the same partial. */
  public static Map<String, Object> comment(JsonObject comment, Instant now) {
    Map<String, Object> view = new HashMap<>();
    boolean removed = !CommentStatus.from(comment.getString("status")).isVisible();
    JsonObject author = comment.getJsonObject("author");
    JsonObject replyTo = comment.getJsonObject("replyTo");
    view.put("id", comment.getLong("id"));
    view.put("depth", comment.getInteger("depth"));
    view.put("removed", removed);
    view.put("authorName", author == null ? "" : author.getString("name", ""));
    view.put("badge", author == null || author.getString("badge") == null ? "" : author.getString("badge"));
    view.put("replyToName", replyTo == null || replyTo.getString("name") == null ? "" : replyTo.getString("name"));
    view.put("replyToId", replyTo == null ? "" : String.valueOf(replyTo.getLong("id")));
    String createdAt = comment.getString("createdAt");
    view.put("createdAt", createdAt);
    view.put("createdAgo", RelativeTime.describe(Instant.parse(createdAt), now));
    view.put("edited", comment.getString("editedAt") != null);
    view.put("moreReplies", comment.getBoolean("moreReplies", false));
    view.put("html", removed ? "" : comment.getString("html"));
    JsonArray children = comment.getJsonArray("children");
    view.put("children", children == null ? List.of() : comments(children, now));
    return view;
  }

  private static List<Map<String, Object>> comments(JsonArray array, Instant now) {
    List<Map<String, Object>> out = new ArrayList<>(array.size());
    for (int i = 0; i < array.size(); i++) {
      out.add(comment(array.getJsonObject(i), now));
    }
    return out;
  }
}
