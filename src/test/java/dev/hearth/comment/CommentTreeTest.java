package dev.hearth.comment;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.vertx.core.json.JsonArray;
import io.vertx.core.json.JsonObject;
import java.time.OffsetDateTime;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;

class CommentTreeTest {
  static Comment c(long id, Long parent, int depth, String status) {
    return new Comment(id, parent, 1, depth, 100 + id, "A" + id, null, "body " + id, "<p>body " + id + "</p>",
        CommentStatus.from(status), OffsetDateTime.now(), null, 0, 0);
  }

  @Test
  void nestsRepliesUnderTheirParentsInOrder() {
    Map<Long, CommentTree.Node> roots = CommentTree.build(List.of(
        c(1, null, 0, "visible"), c(2, 1L, 1, "visible"), c(4, 2L, 2, "visible"), c(3, 1L, 1, "visible"),
        c(5, null, 0, "visible")));
    assertEquals(List.of(1L, 5L), List.copyOf(roots.keySet()));
    CommentTree.Node first = roots.get(1L);
    assertEquals(2, first.children().size());
    assertEquals(4L, first.children().get(0).children().get(0).comment().id());
    assertEquals(List.of(2L, 4L, 3L), CommentTree.descendants(first).stream().map(n -> n.comment().id()).toList());
  }

  @Test
  void hiddenCommentsStayOnlyAsPlaceholdersAboveVisibleReplies() {
    Map<Long, CommentTree.Node> roots = CommentTree.build(List.of(
        c(1, null, 0, "deleted"), c(2, 1L, 1, "visible"),
        c(3, null, 0, "rejected"), c(4, 3L, 1, "pending"),
        c(5, null, 0, "visible"), c(6, 5L, 1, "hidden")));
    assertEquals(List.of(1L, 5L), List.copyOf(roots.keySet()));
    assertEquals(0, roots.get(5L).children().size(), "a hidden leaf disappears");
    JsonObject placeholder = new CommentJson(6, Badges.NONE).comment(roots.get(1L).comment());
    assertEquals("", placeholder.getString("body"));
    assertEquals(null, placeholder.getValue("author"));
  }

  @Test
  void deepChainsAreFlattenedBelowTheDisplayDepthWithReplyTo() {
    List<Comment> chain = new ArrayList<>();
    for (int depth = 0; depth < 3000; depth++) {
      chain.add(c(depth + 1, depth == 0 ? null : (long) depth, depth, "visible"));
    }
    Map<Long, CommentTree.Node> roots = CommentTree.build(chain);
    JsonArray json = new CommentJson(6, Badges.NONE).threads(roots.values());
    JsonObject level = json.getJsonObject(0);
    for (int depth = 0; depth < 5; depth++) {
      assertEquals(1, level.getJsonArray("children").size());
      level = level.getJsonArray("children").getJsonObject(0);
    }
    assertEquals(5, level.getInteger("depth"));
    JsonArray flat = level.getJsonArray("children");
    assertEquals(3000 - 6, flat.size(), "everything deeper is listed flat under depth 5");
    assertEquals(6, flat.getJsonObject(0).getInteger("depth"));
    assertEquals(null, flat.getJsonObject(0).getValue("replyTo"), "a direct reply needs no replyTo");
    assertEquals("A7", flat.getJsonObject(1).getJsonObject("replyTo").getString("name"));
    assertTrue(json.encode().length() > 0, "the JSON encodes without hitting nesting limits");
  }
}
