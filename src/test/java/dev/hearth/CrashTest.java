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
  /** Raise both for a longer run by hand: {@code -Dhearth.crash.rounds=10 -Dhearth.crash.writers=16}. */
  private static final int ROUNDS = Integer.getInteger("hearth.crash.rounds", 1);
  private static final int WRITERS = Integer.getInteger("hearth.crash.writers", 8);

  @TempDir
  Path dataDir;

  /** A request that was answered 201: its key, its body and the comment it created. */
  record Acknowledged(String key, JsonObject body, long id) {
  }

  @Test
  void everyAcknowledgedCommentSurvivesSigkillOfThePostgresProcesses() throws Exception {
    int port = TestHearth.freePort();
    Api api = new Api("http://127.0.0.1:" + port, TestHearth.ADMIN_TOKEN);
    List<Acknowledged> acknowledged = new ArrayList<>();
    for (int round = 0; round < ROUNDS; round++) {
      Process hearth = HearthProcess.start(dataDir, port);
      try {
        HearthProcess.awaitReady(api, hearth, dataDir);
        if (round == 0) {
          api.createSite("crash", "https://crash.example");
        } else {
          assertAllThere(api, acknowledged, round);
        }
        acknowledged.addAll(writeThroughACrash(api, round));
      } finally {
        hearth.destroyForcibly();
        hearth.waitFor(30, TimeUnit.SECONDS);
      }
    }
    Process last = HearthProcess.start(dataDir, port);
    try {
      HearthProcess.awaitReady(api, last, dataDir);
      assertAllThere(api, acknowledged, ROUNDS);
      System.out.printf("CrashTest: %d crashes with %d writers, %d comments acknowledged, none lost, retries "
          + "created none%n", ROUNDS, WRITERS, acknowledged.size());
    } finally {
      last.destroy();
      last.waitFor(60, TimeUnit.SECONDS);
    }
  }

  /**
   * Writers post until every PostgreSQL process is killed, and a second longer (the node
   * restarts its database meanwhile); then the test kills the node too, mid-write.
   */
  private List<Acknowledged> writeThroughACrash(Api api, int round) throws Exception {
    ConcurrentLinkedQueue<Acknowledged> acknowledged = new ConcurrentLinkedQueue<>();
    ConcurrentLinkedQueue<String> refusals = new ConcurrentLinkedQueue<>();
    AtomicBoolean writing = new AtomicBoolean(true);
    ExecutorService writers = Executors.newFixedThreadPool(WRITERS);
    for (int w = 0; w < WRITERS; w++) {
      int writer = w;
      writers.submit(() -> {
        for (int n = 0; writing.get(); n++) {
          JsonObject body = Api.newComment("crash", "page-" + (writer % 4), null, "Writer " + writer,
              "Comment " + n + " of writer " + writer + " in round " + round);
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
    long busyBy = System.nanoTime() + TimeUnit.SECONDS.toNanos(30);
    while (acknowledged.size() < 50 && System.nanoTime() < busyBy) {
      Thread.sleep(100); // a loaded machine: let the writers get going before the crash
    }
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
        "while the database is gone every refusal is a 503; the node logged:\n" + unhandled());
    return new ArrayList<>(acknowledged);
  }

  /** The node's log entries for 500s, with their causes. */
  private String unhandled() throws java.io.IOException {
    List<String> lines = java.nio.file.Files.readAllLines(dataDir.resolve("hearth.log"));
    StringBuilder found = new StringBuilder();
    for (int i = 0; i < lines.size(); i++) {
      if (lines.get(i).contains("Unhandled failure")) {
        lines.subList(i, Math.min(lines.size(), i + 40)).forEach(line -> found.append(line).append('\n'));
      }
    }
    return found.toString();
  }

  /** Every acknowledged comment is there, and retrying with its key creates nothing new. */
  private static void assertAllThere(Api api, List<Acknowledged> acknowledged, int crashes) {
    List<Long> missing = new ArrayList<>();
    for (Acknowledged ack : acknowledged) {
      if (api.get("/api/v1/comments/" + ack.id()).status() != 200) {
        missing.add(ack.id());
      }
    }
    assertEquals(List.of(), missing, "of " + acknowledged.size() + " comments acknowledged before "
        + crashes + " crashes, these are gone");
    int stored = storedCount(api);
    List<Acknowledged> newest = acknowledged.subList(Math.max(0, acknowledged.size() - 20), acknowledged.size());
    for (Acknowledged ack : newest) {
      Api.Response again = api.postJson("/api/v1/comments", ack.body(), Map.of("Idempotency-Key", ack.key()));
      assertEquals(201, again.status(), again.body());
      assertEquals(ack.id(), again.json().getLong("id"), "a retry with its key answers the same comment");
    }
    assertEquals(stored, storedCount(api), "retries created nothing new");
  }

  private static int storedCount(Api api) {
    int stored = 0;
    for (int page = 0; page < 4; page++) {
      stored += api.thread("crash", "page-" + page, null).getJsonObject("page").getInteger("commentCount");
    }
    return stored;
  }
}
