package dev.hearth.view;

import dev.hearth.comment.CommentStatus;
import dev.hearth.comment.ThreadPage;
import dev.hearth.site.SiteSettings;
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

  /**
   * What a comment offers besides its text: the reader's actions (reply, quote, report, edit
   * and delete for its author) and which votes the site takes. Only the embedded thread and
   * its live frames have them; the plain fragment for search engines and includes has none.
   */
  public record Actions(boolean shown, boolean upvotes, boolean downvotes) {
    public static final Actions NONE = new Actions(false, false, false);

    public static Actions forSite(SiteSettings settings) {
      return new Actions(true, !settings.voting().equals("off"), settings.voting().equals("updown"));
    }
  }

  public static Map<String, Object> of(ThreadPage thread, Instant now) {
    return of(thread, now, Actions.NONE);
  }

  public static Map<String, Object> of(ThreadPage thread, Instant now, Actions actions) {
    JsonObject json = thread.toJson();
    JsonObject page = json.getJsonObject("page");
    int count = page.getInteger("commentCount");
    Map<String, Object> model = new HashMap<>();
    model.put("siteId", thread.site().id());
    model.put("pageKey", thread.pageKey());
    model.put("closed", page.getBoolean("closed"));
    model.put("countLabel", count == 1 ? "1 comment" : count + " comments");
    model.put("comments", comments(json.getJsonArray("comments"), now, actions));
    String next = json.getString("nextCursor");
    model.put("nextCursor", next != null);
    model.put("moreHref", "");
    return model;
  }

  /** One comment's model; the live hub renders single comments with the same partial. */
  public static Map<String, Object> comment(JsonObject comment, Instant now) {
    return comment(comment, now, Actions.NONE);
  }

  /**
   * One comment's model with its actions. A pending comment reaches this only for its author
   * (who sees it marked as awaiting moderation); other statuses are placeholders that say who
   * took the comment away.
   */
  public static Map<String, Object> comment(JsonObject comment, Instant now, Actions actions) {
    Map<String, Object> view = new HashMap<>();
    CommentStatus status = CommentStatus.from(comment.getString("status"));
    boolean pending = status == CommentStatus.PENDING;
    boolean removed = !status.isVisible() && !pending;
    JsonObject author = comment.getJsonObject("author");
    JsonObject replyTo = comment.getJsonObject("replyTo");
    view.put("id", comment.getLong("id"));
    view.put("depth", comment.getInteger("depth"));
    view.put("removed", removed);
    view.put("removedLabel", status == CommentStatus.DELETED
        ? "This comment was deleted by its author." : "This comment was removed by a moderator.");
    view.put("held", pending);
    view.put("status", status.json());
    view.put("parentId", comment.getValue("parentId") == null ? "" : String.valueOf(comment.getLong("parentId")));
    view.put("authorId", author == null || author.getValue("id") == null ? "" : String.valueOf(author.getLong("id")));
    view.put("score", comment.getInteger("score", 0));
    view.put("actions", actions.shown() && !removed);
    view.put("upvotes", actions.upvotes() && !pending);
    view.put("downvotes", actions.downvotes() && !pending);
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
    view.put("children", children == null ? List.of() : comments(children, now, actions));
    return view;
  }

  public static List<Map<String, Object>> comments(JsonArray array, Instant now, Actions actions) {
    List<Map<String, Object>> out = new ArrayList<>(array.size());
    for (int i = 0; i < array.size(); i++) {
      out.add(comment(array.getJsonObject(i), now, actions));
    }
    return out;
  }
}
