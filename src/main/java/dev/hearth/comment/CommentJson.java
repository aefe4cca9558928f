package dev.hearth.comment;

import io.vertx.core.json.JsonArray;
import io.vertx.core.json.JsonObject;
import java.time.OffsetDateTime;
import java.time.temporal.ChronoUnit;
import java.util.HashMap;
import java.util.Map;

/**
 * Comments as API JSON. Threads nest up to the site's display depth; replies deeper than that
 * are listed flat, in display order, under their ancestor on the last nested level, each with
 * {@code replyTo} naming whom it answers. This also keeps the JSON nesting bounded whatever
 * the depth of the chain.
 */
public final class CommentJson {
  private CommentJson() {
  }

  public static JsonArray threads(Iterable<CommentTree.Node> roots, int displayDepth) {
    JsonArray out = new JsonArray();
    for (CommentTree.Node root : roots) {
      out.add(nested(root, displayDepth));
    }
    return out;
  }

  static JsonObject nested(CommentTree.Node node, int displayDepth) {
    JsonObject json = comment(node.comment());
    JsonArray children = new JsonArray();
    if (node.comment().depth() + 1 >= displayDepth) {
      Map<Long, Comment> byId = new HashMap<>();
      byId.put(node.comment().id(), node.comment());
      for (CommentTree.Node descendant : CommentTree.descendants(node)) {
        Comment comment = descendant.comment();
        byId.put(comment.id(), comment);
        JsonObject flat = comment(comment).put("children", new JsonArray());
        Comment parent = byId.get(comment.parentId());
        if (comment.parentId() != node.comment().id() && parent != null) {
          flat.put("replyTo", new JsonObject().put("id", parent.id()).put("name", authorName(parent)));
        }
        children.add(flat);
      }
    } else {
      for (CommentTree.Node child : node.children()) {
        children.add(nested(child, displayDepth));
      }
    }
    return json.put("children", children);
  }

  /** One comment without its replies. A comment that is not visible shows no author nor text. */
  public static JsonObject comment(Comment comment) {
    boolean visible = comment.isVisible();
    return new JsonObject()
        .put("id", comment.id())
        .put("parentId", comment.parentId())
        .put("depth", comment.depth())
        .put("author", visible ? new JsonObject().put("name", comment.authorName()).putNull("badge") : null)
        .put("body", visible ? comment.body() : "")
        .put("html", visible ? comment.html() : "")
        .put("status", comment.status())
        .put("createdAt", timestamp(comment.createdAt()))
        .put("editedAt", timestamp(comment.editedAt()))
        .put("replyCount", comment.replyCount())
        .put("score", comment.score());
  }

  private static String authorName(Comment comment) {
    return comment.isVisible() ? comment.authorName() : null;
  }

  public static String timestamp(OffsetDateTime time) {
    return time == null ? null : time.toInstant().truncatedTo(ChronoUnit.MILLIS).toString();
  }
}
