package dev.hearth.comment;

import static org.junit.jupiter.api.Assertions.assertEquals;

import dev.hearth.support.Api;
import dev.hearth.support.TestHearth;
import io.vertx.core.json.JsonObject;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.Set;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;

/** Comment counts stay exact under concurrent writers and follow deletes. */
class CountsTest {
  @RegisterExtension
  static TestHearth hearth = new TestHearth();

  static final String SITE = "counting";
  static final String[] PAGES = {"left", "right"};
  static final int WRITERS = 8;
  static final int PER_WRITER = 10;

  /** Ids of comments posted, per page, and one owner token per comment. */
  static final ConcurrentHashMap<String, Set<Long>> posted = new ConcurrentHashMap<>();
  static final ConcurrentHashMap<Long, String> tokens = new ConcurrentHashMap<>();

  @BeforeAll
  static void postConcurrently() throws Exception {
    hearth.api().createSite(SITE, "https://counting.example");
    for (String page : PAGES) {
      posted.put(page, ConcurrentHashMap.newKeySet());
    }
    ExecutorService pool = Executors.newFixedThreadPool(WRITERS);
    try {
      List<Future<?>> writers = new ArrayList<>();
      for (int w = 0; w < WRITERS; w++) {
        int writer = w;
        writers.add(pool.submit(() -> {
          Api api = new Api(hearth.api().base(), TestHearth.ADMIN_TOKEN);
          Long[] lastOnPage = new Long[PAGES.length];
          for (int i = 0; i < PER_WRITER; i++) {
            int p = (writer + i) % PAGES.length;
            // Every other comment answers this writer's previous one on that page.
            Long parent = i % 4 >= 2 ? lastOnPage[p] : null;
            JsonObject created = api.comment(SITE, PAGES[p], parent, "Writer " + writer, "Comment " + i + " of " + writer);
            lastOnPage[p] = created.getLong("id");
            posted.get(PAGES[p]).add(created.getLong("id"));
            tokens.put(created.getLong("id"), created.getString("ownerToken"));
          }
        }));
      }
      for (Future<?> writer : writers) {
        writer.get(60, TimeUnit.SECONDS);
      }
    } finally {
      pool.shutdownNow();
    }
  }

  static JsonObject counts(String query) {
    Api.Response response = hearth.api().get("/api/v1/counts?site=" + SITE + query);
    assertEquals(200, response.status(), response.body());
    return response.json();
  }

  static Set<Long> readBack(String page) {
    ThreadWalk walk = ThreadWalk.page(hearth.api(), SITE, page, 100, 100);
    assertEquals(List.of(), walk.duplicates());
    Set<Long> visible = new HashSet<>();
    walk.comments().forEach((id, c) -> {
      if ("visible".equals(c.getString("status"))) {
        visible.add(id);
      }
    });
    return visible;
  }

  @Test
  void concurrentWritersAreCountedExactly() {
    assertEquals(40, posted.get("left").size());
    assertEquals(40, posted.get("right").size());
    JsonObject json = counts("&page=left&page=right");
    assertEquals(SITE, json.getString("site"));
    assertEquals(40, json.getJsonObject("counts").getInteger("left"));
    assertEquals(40, json.getJsonObject("counts").getInteger("right"));
    for (String page : PAGES) {
      assertEquals(posted.get(page), readBack(page), "every comment of " + page + " reads back");
      assertEquals(40, hearth.api().thread(SITE, page, null).getJsonObject("page").getInteger("commentCount"));
    }
  }

  @Test
  void unknownPagesCountZero() {
    JsonObject json = counts("&page=never-commented&page=left");
    assertEquals(0, json.getJsonObject("counts").getInteger("never-commented"));
    assertEquals(2, json.getJsonObject("counts").size());
    Api.Response unknownSite = hearth.api().get("/api/v1/counts?site=no-such-site&page=left");
    assertEquals(404, unknownSite.status());
    Api.Response noPage = hearth.api().get("/api/v1/counts?site=" + SITE);
    assertEquals(400, noPage.status());
    assertEquals("invalid_query", noPage.json().getString("error"));
  }

  @Test
  void deletesDecrementAndNewCommentsIncrement() {
    String page = "changing";
    JsonObject first = hearth.api().comment(SITE, page, null, "Ann", "One");
    JsonObject reply = hearth.api().comment(SITE, page, first.getLong("id"), "Bob", "Two");
    hearth.api().comment(SITE, page, null, "Cy", "Three");
    assertEquals(3, counts("&page=" + page).getJsonObject("counts").getInteger(page));

    Api.Response deleted = hearth.api().json("DELETE", "/api/v1/comments/" + first.getLong("id"), null,
        first.getString("ownerToken"));
    assertEquals(204, deleted.status());
    assertEquals(2, counts("&page=" + page).getJsonObject("counts").getInteger(page), "a placeholder is not counted");
    assertEquals(2, readBack(page).size());

    hearth.api().json("DELETE", "/api/v1/comments/" + reply.getLong("id"), null, reply.getString("ownerToken"));
    assertEquals(1, counts("&page=" + page).getJsonObject("counts").getInteger(page));
    assertEquals(1, readBack(page).size());
    hearth.api().comment(SITE, page, null, "Dee", "Four");
    assertEquals(2, counts("&page=" + page).getJsonObject("counts").getInteger(page));
  }

  @Test
  void concurrentDeletesCountOnce() throws Exception {
    String page = "contested";
    JsonObject victim = hearth.api().comment(SITE, page, null, "Ann", "Clicked four times");
    hearth.api().comment(SITE, page, victim.getLong("id"), "Bob", "Keeps a placeholder");
    hearth.api().comment(SITE, page, null, "Cy", "Bystander");
    ExecutorService pool = Executors.newFixedThreadPool(4);
    try {
      List<Future<Integer>> deletes = new ArrayList<>();
      for (int i = 0; i < 4; i++) {
        deletes.add(pool.submit(() -> new Api(hearth.api().base(), TestHearth.ADMIN_TOKEN)
            .json("DELETE", "/api/v1/comments/" + victim.getLong("id"), null, victim.getString("ownerToken")).status()));
      }
      for (Future<Integer> delete : deletes) {
        assertEquals(204, delete.get(30, TimeUnit.SECONDS));
      }
    } finally {
      pool.shutdownNow();
    }
    assertEquals(2, counts("&page=" + page).getJsonObject("counts").getInteger(page));
    assertEquals(2, readBack(page).size());
    assertEquals(2, hearth.api().thread(SITE, page, null).getJsonObject("page").getInteger("commentCount"));
  }
}
