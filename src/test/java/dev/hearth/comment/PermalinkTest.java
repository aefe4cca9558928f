package dev.hearth.comment;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNotNull;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.hearth.support.Api;
import dev.hearth.support.TestHearth;
import io.vertx.core.json.JsonObject;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.function.Function;
import java.util.stream.Collectors;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;

/**
 * A permalink to a comment far beyond the inline limits opens the page of threads that holds
 * it, with the whole way down to it; and a comment's replies page by page, each exactly once.
 */
class PermalinkTest {
  @RegisterExtension
  static TestHearth hearth = new TestHearth();

  static final String SITE = "links";
  static final String PAGE = "long-read";

  /** Top-level comments #1..#45 (index 0..44). */
  static final List<Long> roots = new ArrayList<>();
  /** The 15 replies to #30, oldest first. */
  static final List<Long> replies = new ArrayList<>();
  /** The chain below the 13th reply: chain.get(i) is at depth i + 2. */
  static final List<Long> chain = new ArrayList<>();

  static long post(Long parentId, String author, String body) {
    return hearth.api().comment(SITE, PAGE, parentId, author, body).getLong("id");
  }

  @BeforeAll
  static void seed() {
    hearth.api().createSite(SITE, "https://links.example");
    for (int i = 1; i <= 45; i++) {
      roots.add(post(null, "Reader " + i, "Top-level comment #" + i));
    }
    long thirtieth = roots.get(29);
    for (int i = 1; i <= 15; i++) {
      replies.add(post(thirtieth, "Replier " + i, "Reply " + i + " to #30"));
    }
    long parent = replies.get(12);
    for (int depth = 2; depth <= 9; depth++) {
      parent = post(parent, "Chain " + depth, "Chain link at depth " + depth);
      chain.add(parent);
    }
  }

  static Map<Long, JsonObject> byId(JsonObject listing) {
    return ThreadWalk.everyComment(listing.getJsonArray("comments")).stream()
        .collect(Collectors.toMap(c -> c.getLong("id"), Function.identity()));
  }

  static List<Long> rootIds(JsonObject listing) {
    return ThreadWalk.objects(listing.getJsonArray("comments")).stream().map(c -> c.getLong("id")).toList();
  }

  static JsonObject context(long id) {
    Api.Response response = hearth.api().get("/api/v1/comments/" + id + "/context");
    assertEquals(200, response.status(), response.body());
    return response.json();
  }

  @Test
  void contextOfTheDeepestCommentOpensTheSecondPageWithEveryAncestor() {
    long deepest = chain.get(7);
    JsonObject context = context(deepest);
    assertEquals(deepest, context.getLong("target"));
    assertEquals(roots.subList(20, 40), rootIds(context), "the page of 20 threads holding #30");
    assertEquals(PAGE, context.getJsonObject("page").getString("key"));

    Map<Long, JsonObject> shown = byId(context);
    List<Long> way = new ArrayList<>(List.of(roots.get(29), replies.get(12)));
    way.addAll(chain);
    for (int i = 0; i < way.size(); i++) {
      JsonObject comment = shown.get(way.get(i));
      assertNotNull(comment, "ancestor at depth " + i + " (" + way.get(i) + ") is included");
      assertEquals(i, comment.getInteger("depth"));
      assertEquals(i == 0 ? null : way.get(i - 1), comment.getLong("parentId"));
      assertEquals("visible", comment.getString("status"));
    }
    assertEquals("Chain link at depth 9", shown.get(deepest).getString("body"));
    assertTrue(replies.subList(0, 10).stream().allMatch(shown::containsKey), "the first ten replies as usual");
    assertFalse(shown.containsKey(replies.get(13)), "replies off the way stay behind moreReplies");

    String next = context.getString("nextCursor");
    assertNotNull(next, "older threads follow");
    assertEquals(roots.subList(40, 45), rootIds(hearth.api().thread(SITE, PAGE, "cursor=" + Api.encode(next))));
  }

  @Test
  void withoutThePermalinkTheWayIsBeyondTheInlineLimits() {
    JsonObject first = hearth.api().thread(SITE, PAGE, null);
    JsonObject second = hearth.api().thread(SITE, PAGE, "cursor=" + Api.encode(first.getString("nextCursor")));
    assertEquals(roots.subList(20, 40), rootIds(second));
    Map<Long, JsonObject> shown = byId(second);
    assertFalse(shown.containsKey(replies.get(12)), "the 13th reply is not inline");
    assertFalse(shown.containsKey(chain.get(7)));
    assertTrue(shown.get(roots.get(29)).getBoolean("moreReplies"));
    assertEquals(15, shown.get(roots.get(29)).getInteger("replyCount"));
  }

  @Test
  void contextOfCommentsOnTheFirstAndLastPages() {
    JsonObject early = context(roots.get(5));
    assertEquals(roots.get(5), early.getLong("target"));
    assertEquals(roots.subList(0, 20), rootIds(early));

    JsonObject late = context(roots.get(44));
    assertEquals(roots.subList(40, 45), rootIds(late));
    assertNull(late.getString("nextCursor"));

    JsonObject reply = context(replies.get(14));
    assertEquals(roots.subList(20, 40), rootIds(reply));
    assertTrue(byId(reply).containsKey(replies.get(14)), "the 15th reply is shown for its permalink");
  }

  @Test
  void contextOfAnUnknownCommentIsNotFound() {
    Api.Response response = hearth.api().get("/api/v1/comments/99999999/context");
    assertEquals(404, response.status());
    assertEquals("comment_not_found", response.json().getString("error"));
  }

  @Test
  void repliesWalkEveryReplyOnceInOrder() {
    long thirtieth = roots.get(29);
    List<Long> seen = new ArrayList<>();
    List<Integer> pageSizes = new ArrayList<>();
    String cursor = null;
    do {
      Api.Response response = hearth.api().get("/api/v1/comments/" + thirtieth + "/replies?limit=4"
          + (cursor == null ? "" : "&cursor=" + Api.encode(cursor)));
      assertEquals(200, response.status(), response.body());
      JsonObject page = response.json();
      assertEquals(thirtieth, page.getLong("parentId"));
      List<JsonObject> comments = ThreadWalk.objects(page.getJsonArray("comments"));
      comments.forEach(c -> assertEquals(thirtieth, c.getLong("parentId")));
      comments.forEach(c -> seen.add(c.getLong("id")));
      pageSizes.add(comments.size());
      cursor = page.getString("nextCursor");
    } while (cursor != null && pageSizes.size() < 20);
    assertEquals(replies, seen, "all 15 replies, oldest first, each once");
    assertEquals(List.of(4, 4, 4, 3), pageSizes);
  }

  @Test
  void repliesUseTenByDefaultAndCarryTheirOwnReplies() {
    JsonObject first = hearth.api().get("/api/v1/comments/" + roots.get(29) + "/replies").json();
    assertEquals(replies.subList(0, 10), rootIds(first));
    assertNotNull(first.getString("nextCursor"));
    JsonObject second = hearth.api().get("/api/v1/comments/" + roots.get(29) + "/replies?cursor="
        + Api.encode(first.getString("nextCursor"))).json();
    assertEquals(replies.subList(10, 15), rootIds(second));
    assertNull(second.getString("nextCursor"));
    Map<Long, JsonObject> shown = byId(second);
    assertTrue(shown.keySet().containsAll(chain), "the chain below the 13th reply comes with it");

    JsonObject ofChain = hearth.api().get("/api/v1/comments/" + replies.get(12) + "/replies").json();
    assertEquals(List.of(chain.get(0)), rootIds(ofChain));
    assertTrue(byId(ofChain).keySet().containsAll(chain));
  }

  @Test
  void aForgedRepliesCursorIsRefused() {
    Api.Response response = hearth.api().get("/api/v1/comments/" + roots.get(29) + "/replies?cursor=zzz");
    assertEquals(400, response.status());
    assertEquals("invalid_cursor", response.json().getString("error"));
  }
}
