package dev.hearth.comment;

import dev.hearth.page.Page;
import dev.hearth.site.Site;
import dev.hearth.web.JsonTime;
import io.vertx.core.json.JsonArray;
import io.vertx.core.json.JsonObject;
import java.util.HashMap;
import java.util.Map;

/**
 * Comments as API JSON. Threads nest up to the site's display depth; replies deeper than that
 * are listed flat, in display order, under their ancestor on the last nested level, each with
 * {@code replyTo} naming whom it answers. This also keeps the JSON nesting bounded whatever
 * the depth of the chain.
 */
public final class CommentJson {
  private final int displayDepth;
  private final Badges badges;

  public CommentJson(int displayDepth, Badges badges) {
    this.displayDepth = displayDepth;
    this.badges = badges;
  }

  /** The shape a page's comments take: the site's display depth, the page author's and staff's badges. */
  public static CommentJson forPage(Site site, Page page, Map<Long, String> staffBadges) {
    return new CommentJson(site.settings().displayDepth(), new Badges(page.authorUserId(), staffBadges));
  }

  public JsonArray threads(Iterable<CommentTree.Node> roots) {
    JsonArray out = new JsonArray();
    for (CommentTree.Node root : roots) {
      out.add(nested(root));
    }
    return out;
  }

  JsonObject nested(CommentTree.Node node) {
    JsonObject json = comment(node.comment());
    JsonArray children = new JsonArray();
    if (node.comment().depth() + 1 >= displayDepth) {
      Map<Long, Comment> byId = new HashMap<>();
      byId.put(node.comment().id(), node.comment());
      for (CommentTree.Node descendant : CommentTree.descendants(node)) {
        Comment comment = descendant.comment();
        byId.put(comment.id(), comment);
        JsonObject flat = comment(comment).put("children", new JsonArray())
            .put("moreReplies", moreReplies(descendant));
        Comment parent = byId.get(comment.parentId());
        if (comment.parentId() != node.comment().id() && parent != null) {
          flat.put("replyTo", new JsonObject().put("id", parent.id()).put("name", parent.isVisible() ? parent.authorName() : null));
        }
        children.add(flat);
      }
    } else {
      for (CommentTree.Node child : node.children()) {
        children.add(nested(child));
      }
    }
    return json.put("children", children).put("moreReplies", moreReplies(node));
  }

  /** Whether visible replies exist beyond those included (fetch them from /comments/{id}/replies). */
  static boolean moreReplies(CommentTree.Node node) {
    long shown = node.children().stream().filter(child -> child.comment().isVisible()).count();
    return node.comment().replyCount() > shown;
  }

  /** One comment without its replies. A comment that is not visible shows no author nor text. */
  public JsonObject comment(Comment comment) {
    boolean visible = comment.isVisible();
    JsonObject author = visible
        ? new JsonObject().put("id", comment.authorId()).put("name", comment.authorName()).put("badge", badges.of(comment.authorId(), comment.authorBadge()))
        : null;
    return new JsonObject()
        .put("id", comment.id())
        .put("parentId", comment.parentId())
        .put("depth", comment.depth())
        .put("author", author)
        .put("body", visible ? comment.body() : "")
        .put("html", visible ? comment.html() : "")
        .put("status", comment.status().json())
        .put("createdAt", JsonTime.of(comment.createdAt()))
        .put("editedAt", visible ? JsonTime.of(comment.editedAt()) : null)
        .put("replyCount", comment.replyCount())
        .put("score", comment.score());
  }

  /** One comment as its author and moderators see it: author and text whatever its status. */
  public JsonObject withContent(Comment comment) {
    return comment(comment)
        .put("author", new JsonObject().put("id", comment.authorId()).put("name", comment.authorName())
            .put("badge", badges.of(comment.authorId(), comment.authorBadge())))
        .put("body", comment.body())
        .put("html", comment.html())
        .put("editedAt", JsonTime.of(comment.editedAt()));
  }

}
