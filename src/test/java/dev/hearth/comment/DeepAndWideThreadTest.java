package dev.hearth.comment;

import static org.junit.jupiter.api.Assertions.assertEquals;

import dev.hearth.support.Api;
import dev.hearth.support.TestHearth;
import io.vertx.core.json.JsonArray;
import io.vertx.core.json.JsonObject;
import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;

/** Threads at the edges of the storage design: a chain 1,000 deep and a comment with 300 replies. */
class DeepAndWideThreadTest {
  @RegisterExtension
  static TestHearth hearth = new TestHearth();

  @BeforeAll
  static void site() {
    hearth.api().createSite("edges", "https://edges.example");
  }

  @Test
  void aChainAThousandDeepIsStoredAndReadInOrder() {
    Api api = hearth.api();
    List<Long> ids = new ArrayList<>();
    Long parent = null;
    for (int depth = 0; depth < 1000; depth++) {
      JsonObject created = api.comment("edges", "deep", parent, "Level " + depth, "Reply at depth " + depth);
      assertEquals(depth, created.getInteger("depth"));
      parent = created.getLong("id");
      ids.add(parent);
    }
    JsonObject thread = api.thread("edges", "deep", null);
    int displayDepth = thread.getInteger("displayDepth");
    List<JsonObject> seen = new ArrayList<>();
    JsonObject level = thread.getJsonArray("comments").getJsonObject(0);
    for (int depth = 0; depth < displayDepth; depth++) {
      seen.add(level);
      JsonArray children = level.getJsonArray("children");
      if (depth < displayDepth - 1) {
        level = children.getJsonObject(0);
      } else {
        children.forEach(flat -> seen.add((JsonObject) flat));
      }
    }
    assertEquals(ThreadService.COMMENTS_PER_THREAD, seen.size(), "a thread shows a bounded number of comments inline");
    // The rest is fetched from the last comment shown, a bounded slice at a time.
    int requests = 0;
    while (seen.get(seen.size() - 1).getBoolean("moreReplies") && requests++ < 100) {
      long last = seen.get(seen.size() - 1).getLong("id");
      JsonObject more = api.get("/api/v1/comments/" + last + "/replies").json();
      JsonObject reply = more.getJsonArray("comments").getJsonObject(0);
      seen.add(reply);
      reply.getJsonArray("children").forEach(flat -> seen.add((JsonObject) flat));
    }
    assertEquals(ids, seen.stream().map(c -> c.getLong("id")).toList());
    assertEquals(false, seen.get(999).getBoolean("moreReplies"));
  }

  @Test
  void threeHundredRepliesKeepTheirOrderAcrossRankCodeLengths() {
    Api api = hearth.api();
    long root = api.comment("edges", "wide", null, "Root", "Ask me anything").getLong("id");
    List<Long> replies = new ArrayList<>();
    for (int i = 0; i < 300; i++) {
      replies.add(api.comment("edges", "wide", root, "R" + i, "Reply " + i).getLong("id"));
    }
    JsonObject rootJson = api.thread("edges", "wide", null).getJsonArray("comments").getJsonObject(0);
    JsonArray inline = rootJson.getJsonArray("children");
    assertEquals(ThreadService.REPLIES_PER_LEVEL, inline.size(), "replies inline up to the per-level limit");
    assertEquals(true, rootJson.getBoolean("moreReplies"));
    assertEquals(300, rootJson.getInteger("replyCount"));
    List<Long> seen = new ArrayList<>();
    inline.forEach(child -> seen.add(((JsonObject) child).getLong("id")));
    String cursor = "r" + ThreadService.REPLIES_PER_LEVEL;
    int pages = 0;
    while (cursor != null && pages++ < 100) {
      Api.Response more = api.get("/api/v1/comments/" + root + "/replies?limit=37&cursor=" + cursor);
      assertEquals(200, more.status(), more.body());
      more.json().getJsonArray("comments").forEach(child -> seen.add(((JsonObject) child).getLong("id")));
      cursor = more.json().getString("nextCursor");
    }
    assertEquals(replies, seen, "every reply exactly once, in order, across the 127/128 rank code boundary");
  }
}
