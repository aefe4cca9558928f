package dev.hearth;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.hearth.support.Api;
import dev.hearth.support.HearthProcess;
import dev.hearth.support.TestHearth;
import io.vertx.core.json.JsonObject;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import java.util.concurrent.ConcurrentLinkedQueue;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicBoolean;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * The zero-configuration start under a crash: writers post while every process of the
 * embedded PostgreSQL is killed with SIGKILL, then Hearth starts again on the same data
 * directory. Every comment that was answered 201 is there, and a client retrying with its
 * Idempotency-Key gets the same comment back, not a second one.
 */
class CrashTest {
  private static final int WRITERS = 8;

  @TempDir
  Path dataDir;

  /** A request that was answered 201: its key, its body and the comment it created. */
  record Acknowledged(String key, JsonObject body, long id) {
  }

  @Test
  void everyAcknowledgedCommentSurvivesSigkillOfThePostgresProcesses() throws Exception {
    int port = TestHearth.freePort();
    Api api = new Api("http://127.0.0.1:" + port, TestHearth.ADMIN_TOKEN);
    Process first = HearthProcess.start(dataDir, port);
    ConcurrentLinkedQueue<Acknowledged> acknowledged = new ConcurrentLinkedQueue<>();
    ConcurrentLinkedQueue<String> refusals = new ConcurrentLinkedQueue<>();
    try {
      HearthProcess.awaitReady(api, first, dataDir);
      api.createSite("crash", "https://crash.example");
      AtomicBoolean writing = new AtomicBoolean(true);
      ExecutorService writers = Executors.newFixedThreadPool(WRITERS);
      for (int w = 0; w < WRITERS; w++) {
        int writer = w;
        writers.submit(() -> {
          for (int n = 0; writing.get(); n++) {
            JsonObject body = Api.newComment("crash", "page-" + (writer % 4), null, "Writer " + writer,
                "Comment " + n + " of writer " + writer);
            String key = UUID.randomUUID().toString();
            try {
              Api.Response response = api.postJson("/api/v1/comments", body, Map.of("Idempotency-Key", key));
              if (response.status() == 201) {
                acknowledged.add(new Acknowledged(key, body, response.json().getLong("id")));
              } else {
                refusals.add(response.status() + " " + response.body());
              }
            } catch (IllegalStateException refused) {
              // the connection failed: nothing was acknowledged
            }
          }
        });
      }
      Thread.sleep(2_500);
      List<ProcessHandle> postgres = HearthProcess.postgresProcesses(dataDir);
      int before = acknowledged.size();
      postgres.forEach(ProcessHandle::destroyForcibly);
      Thread.sleep(1_000);
      writing.set(false);
      writers.shutdown();
      assertTrue(writers.awaitTermination(90, TimeUnit.SECONDS), "the writers stop");
      assertTrue(before >= 50, "writers were busy when PostgreSQL was killed: " + before + " acknowledged");
      assertTrue(!refusals.isEmpty(), "the writers met the outage");
      assertEquals(List.of(), refusals.stream().filter(r -> !r.startsWith("503 ")).distinct().toList(),
          "while the database is gone every refusal is 503 database_unavailable");
    } finally {
      first.destroyForcibly();
      first.waitFor(30, TimeUnit.SECONDS);
    }

    Process second = HearthProcess.start(dataDir, port);
    try {
      HearthProcess.awaitReady(api, second, dataDir);
      List<Long> missing = new ArrayList<>();
      for (Acknowledged ack : acknowledged) {
        if (api.get("/api/v1/comments/" + ack.id()).status() != 200) {
          missing.add(ack.id());
        }
      }
      assertEquals(List.of(), missing, "of " + acknowledged.size() + " acknowledged comments, these are gone");
      int stored = 0;
      for (int page = 0; page < 4; page++) {
        stored += api.thread("crash", "page-" + page, null).getJsonObject("page").getInteger("commentCount");
      }
      int retried = 0;
      for (Acknowledged ack : acknowledged) {
        if (retried++ == 20) {
          break;
        }
        Api.Response again = api.postJson("/api/v1/comments", ack.body(), Map.of("Idempotency-Key", ack.key()));
        assertEquals(201, again.status(), again.body());
        assertEquals(ack.id(), again.json().getLong("id"), "a retry with its key answers the same comment");
      }
      int after = 0;
      for (int page = 0; page < 4; page++) {
        after += api.thread("crash", "page-" + page, null).getJsonObject("page").getInteger("commentCount");
      }
      assertEquals(stored, after, "retries created nothing new");
    } finally {
      second.destroy();
      second.waitFor(60, TimeUnit.SECONDS);
    }
  }
}
