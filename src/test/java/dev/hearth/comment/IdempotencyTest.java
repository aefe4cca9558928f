package dev.hearth.comment;

import static org.junit.jupiter.api.Assertions.assertEquals;

import dev.hearth.support.Api;
import dev.hearth.support.TestHearth;
import io.vertx.core.json.JsonObject;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;

/** A retried POST with the same Idempotency-Key returns the first response and creates nothing. */
class IdempotencyTest {
  @RegisterExtension
  static TestHearth hearth = new TestHearth();

  @BeforeAll
  static void site() {
    hearth.api().createSite("retries", "https://retries.example");
  }

  static JsonObject body(String page, String text) {
    return new JsonObject().put("site", "retries").put("page", new JsonObject().put("key", page))
        .put("body", text).put("author", new JsonObject().put("name", "Retry Ruth"));
  }

  @Test
  void retryReturnsTheFirstResponseAndCreatesNothing() {
    Api api = hearth.api();
    Map<String, String> key = Map.of("Idempotency-Key", "retry-1");
    Api.Response first = api.postJson("/api/v1/comments", body("p1", "Once only"), key);
    Api.Response second = api.postJson("/api/v1/comments", body("p1", "Once only"), key);
    assertEquals(201, first.status());
    assertEquals(201, second.status());
    assertEquals(first.json(), second.json());
    assertEquals(1, api.thread("retries", "p1", null).getJsonArray("comments").size());
  }

  @Test
  void sameKeyWithAnotherBodyIsRefused() {
    Api api = hearth.api();
    Map<String, String> key = Map.of("Idempotency-Key", "retry-2");
    assertEquals(201, api.postJson("/api/v1/comments", body("p2", "First"), key).status());
    Api.Response reused = api.postJson("/api/v1/comments", body("p2", "Different"), key);
    assertEquals(422, reused.status());
    assertEquals("idempotency_key_reused", reused.json().getString("error"));
    assertEquals(1, api.thread("retries", "p2", null).getJsonArray("comments").size());
  }

  @Test
  void concurrentRetriesCreateOneComment() throws Exception {
    Api api = hearth.api();
    ExecutorService pool = Executors.newFixedThreadPool(8);
    try {
      List<Future<Api.Response>> responses = new ArrayList<>();
      for (int i = 0; i < 8; i++) {
        responses.add(pool.submit(() -> api.postJson("/api/v1/comments", body("p3", "Racing"),
            Map.of("Idempotency-Key", "retry-3"))));
      }
      long id = -1;
      for (Future<Api.Response> response : responses) {
        Api.Response r = response.get();
        assertEquals(201, r.status(), r.body());
        long got = r.json().getLong("id");
        if (id == -1) {
          id = got;
        }
        assertEquals(id, got);
      }
    } finally {
      pool.shutdown();
    }
    JsonObject thread = api.thread("retries", "p3", null);
    assertEquals(1, thread.getJsonArray("comments").size());
    assertEquals(1, thread.getJsonObject("page").getInteger("commentCount"));
  }

  @Test
  void withoutAKeyEachPostCreatesAComment() {
    Api api = hearth.api();
    api.postJson("/api/v1/comments", body("p4", "Same text"));
    api.postJson("/api/v1/comments", body("p4", "Same text"));
    assertEquals(2, api.thread("retries", "p4", null).getJsonArray("comments").size());
  }
}
