package dev.hearth.comment;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.hearth.support.Api;
import dev.hearth.support.TestHearth;
import io.vertx.core.json.JsonArray;
import io.vertx.core.json.JsonObject;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Random;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;

/** A thread posted through the API reads back in the same shape, order and text. */
class ThreadShapeTest {
  @RegisterExtension
  static TestHearth hearth = new TestHearth();

  static final String SITE = "shapes";
  static final String[] BODIES = {
      "“Curly quotes” and ‘single ones’ — with an em dash… and ellipsis.",
      "Emoji: 👩‍👩‍👧‍👦 🔥 🇺🇦 ✊🏽 and a ZWJ family.",
      "Two paragraphs.\n\nThe second one\nhas a line break.",
      "<b>Not bold</b> & <script>alert('x')</script> stays text.",
      "中文评论，日本語のコメント，한국어 댓글.",
      "تعليق باللغة العربية مع علامات الترقيم.",
      "A long paragraph: " + "Lorem ipsum dolor sit amet, consectetur adipiscing elit. ".repeat(60),
      "Tabs\tand  double  spaces   kept.",
  };

  /** What was posted: id → parent and text, children in posting order. */
  record Posted(long id, Long parentId, int depth, String author, String body, List<Posted> children) {
  }

  static final Map<Long, Posted> posted = new LinkedHashMap<>();
  static final List<Posted> roots = new ArrayList<>();

  @BeforeAll
  static void postThread() {
    Api api = hearth.api();
    api.createSite(SITE, "https://shapes.example");
    Random random = new Random(42);
    List<Posted> all = new ArrayList<>();
    // A guaranteed chain 5 levels deep (depths 0..4), then 35 comments placed at random.
    Long parent = null;
    for (int depth = 0; depth < 5; depth++) {
      parent = post(api, parent, depth, "Chain " + depth, BODIES[depth % BODIES.length], all).id();
    }
    while (all.size() < 40) {
      List<Posted> candidates = all.stream().filter(p -> p.depth() < 4).toList();
      Posted target = random.nextInt(5) == 0 ? null : candidates.get(random.nextInt(candidates.size()));
      post(api, target == null ? null : target.id(), target == null ? 0 : target.depth() + 1,
          "Author " + all.size(), BODIES[random.nextInt(BODIES.length)] + " #" + all.size(), all);
    }
  }

  private static Posted post(Api api, Long parentId, int depth, String author, String body, List<Posted> all) {
    JsonObject created = api.comment(SITE, "article", parentId, author, body);
    Posted p = new Posted(created.getLong("id"), parentId, depth, author, body, new ArrayList<>());
    assertEquals(depth, created.getInteger("depth"));
    posted.put(p.id(), p);
    all.add(p);
    if (parentId == null) {
      roots.add(p);
    } else {
      posted.get(parentId).children().add(p);
    }
    return p;
  }

  @Test
  void threadReadsBackInTheSameShapeOrderAndText() {
    JsonObject thread = hearth.api().thread(SITE, "article", "limit=100");
    assertEquals(40, thread.getJsonObject("page").getInteger("commentCount"));
    assertNull(thread.getString("nextCursor"));
    assertSameForest(roots, thread.getJsonArray("comments"));
  }

  @Test
  void newestFirstReversesOnlyTheTopLevel() {
    JsonObject thread = hearth.api().thread(SITE, "article", "sort=newest&limit=100");
    List<Posted> reversed = new ArrayList<>(roots);
    java.util.Collections.reverse(reversed);
    assertSameForest(reversed, thread.getJsonArray("comments"));
  }

  @Test
  void cursorsWalkEveryThreadOnce() {
    List<Long> seen = new ArrayList<>();
    String cursor = null;
    int pages = 0;
    do {
      JsonObject page = hearth.api().thread(SITE, "article", "limit=2" + (cursor == null ? "" : "&cursor=" + cursor));
      page.getJsonArray("comments").forEach(c -> seen.add(((JsonObject) c).getLong("id")));
      cursor = page.getString("nextCursor");
      pages++;
    } while (cursor != null && pages < 100);
    assertEquals(roots.stream().map(Posted::id).toList(), seen);
    assertEquals((roots.size() + 1) / 2, pages);
  }

  @Test
  void fragmentRendersEveryCommentEscaped() {
    Api.Response fragment = hearth.api().get("/embed/fragment?site=" + SITE + "&page=article&limit=100");
    assertEquals(200, fragment.status());
    for (Posted p : posted.values()) {
      assertTrue(fragment.body().contains("id=\"comment-" + p.id() + "\""), "comment " + p.id() + " rendered");
    }
    assertFalse(fragment.body().contains("<script>alert"), "user text is escaped");
    assertTrue(fragment.body().contains("&lt;script&gt;alert"));
  }

  private static void assertSameForest(List<Posted> expected, JsonArray actual) {
    assertEquals(expected.size(), actual.size(), "number of comments at this level");
    for (int i = 0; i < expected.size(); i++) {
      Posted want = expected.get(i);
      JsonObject got = actual.getJsonObject(i);
      assertEquals(want.id(), got.getLong("id"));
      assertEquals(want.parentId(), got.getLong("parentId"));
      assertEquals(want.depth(), got.getInteger("depth"));
      assertEquals(want.author(), got.getJsonObject("author").getString("name"));
      assertEquals(want.body(), got.getString("body"), "text of comment " + want.id());
      assertEquals("visible", got.getString("status"));
      assertEquals(want.children().size(), got.getInteger("replyCount"));
      assertSameForest(want.children(), got.getJsonArray("children"));
    }
  }
}
