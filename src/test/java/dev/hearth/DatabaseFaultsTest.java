package dev.hearth;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.hearth.db.EmbeddedDatabase;
import dev.hearth.support.Api;
import dev.hearth.support.HearthProcess;
import dev.hearth.support.LiveClient;
import dev.hearth.support.TestHearth;
import io.vertx.core.Vertx;
import io.vertx.core.json.JsonObject;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.concurrent.Callable;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * A node on a database server of its own (as with DATABASE_URL), whose server the test stops
 * with SIGSTOP, and shuts down and starts again: requests are refused 503 within the configured
 * bounds, never hang and never get a 500, and everything, live readers included, carries on.
 */
class DatabaseFaultsTest {
  private static final String SITE = "faults";
  private static final String ORIGIN = "https://faults.example";
  private static final long REQUEST_TIMEOUT_MS = 2_000;

  @TempDir
  Path dataDir;

  private final Vertx vertx = Vertx.vertx();
  private EmbeddedDatabase database;
  private Hearth hearth;
  private Api api;

  @BeforeEach
  void start() {
    database = EmbeddedDatabase.start(dataDir, ProcessBuilder.Redirect.appendTo(dataDir.resolve("postgres.log").toFile()));
    hearth = TestHearth.startNode(database.target(), Map.of(
        "HEARTH_REQUEST_TIMEOUT_MS", String.valueOf(REQUEST_TIMEOUT_MS),
        "HEARTH_DB_POOL_SIZE", "4",
        "HEARTH_DB_POOL_WAIT_MS", "1000",
        "HEARTH_DB_WAIT_QUEUE", "4"));
    api = new Api("http://127.0.0.1:" + hearth.config().port(), TestHearth.ADMIN_TOKEN);
    api.createSite(SITE, ORIGIN);
  }

  @AfterEach
  void stop() throws Exception {
    signalPostgres("-CONT");
    hearth.close();
    database.close();
    vertx.close().await(10, TimeUnit.SECONDS);
  }

  /** A refused request: its status, error code and how long it took. */
  record Answer(int status, String error, long millis) {
  }

  @Test
  void aStalledDatabaseIsAnswered503WithinTheBoundsAndRecovers() throws Exception {
    api.comment(SITE, "story", null, "Ada", "Before the stall");
    ExecutorService clients = Executors.newFixedThreadPool(16);
    try (LiveClient live = LiveClient.connect(vertx, api.base(), ORIGIN)) {
      live.subscribed(SITE, "story", null);
      signalPostgres("-STOP");
      long stalled = System.nanoTime();
      List<Answer> answers = new ArrayList<>();
      while (System.nanoTime() - stalled < TimeUnit.SECONDS.toNanos(10)) {
        List<Future<Answer>> wave = new ArrayList<>();
        for (int i = 0; i < 12; i++) {
          wave.add(clients.submit(post("During the stall " + i)));
        }
        for (Future<Answer> answer : wave) {
          answers.add(answer.get(30, TimeUnit.SECONDS));
        }
      }
      assertEquals(List.of(503), answers.stream().map(Answer::status).distinct().toList(),
          "a stalled database gets 503s, never a hang, a 500 or a 201: " + answers);
      long slowest = answers.stream().mapToLong(Answer::millis).max().orElseThrow();
      assertTrue(slowest < REQUEST_TIMEOUT_MS + 1_500, "every answer within the deadline, slowest " + slowest + " ms");
      assertTrue(answers.stream().anyMatch(a -> a.error().equals("busy") && a.millis() < 500),
          "with every connection and the wait queue taken, a request is refused busy at once: " + answers);
      assertTrue(answers.stream().anyMatch(a -> a.error().equals("timeout")),
          "a request holding a stalled connection is answered at the deadline: " + answers);
      assertEquals(null, live.closeCode(0), "the live socket stays open through the stall");

      signalPostgres("-CONT");
      long recovered = -1;
      long deadline = System.nanoTime() + TimeUnit.SECONDS.toNanos(30);
      while (recovered < 0 && System.nanoTime() < deadline) {
        Api.Response response = api.postJson("/api/v1/comments", Api.newComment(SITE, "story", null, "Ada", "After"));
        if (response.status() == 201) {
          recovered = response.json().getLong("id");
        }
      }
      assertTrue(recovered > 0, "posting works again after SIGCONT");
      long id = recovered;
      assertTrue(receivedComment(live, id), "the open socket hears of comment " + id + " posted after the stall");
    } finally {
      clients.shutdownNow();
    }
  }

  @Test
  void anExternalDatabaseThatRestartsIsReconnectedToAndLiveReadersMissNothing() throws Exception {
    try (LiveClient live = LiveClient.connect(vertx, api.base(), ORIGIN)) {
      live.subscribed(SITE, "story", null);
      long before = api.comment(SITE, "story", null, "Ada", "Before the restart").getLong("id");
      assertTrue(receivedComment(live, before));

      signalPostgres("-INT"); // PostgreSQL's fast shutdown, as a restart by the operator begins
      List<String> refusals = new ArrayList<>();
      long deadline = System.nanoTime() + TimeUnit.SECONDS.toNanos(30);
      while (!database.died() && System.nanoTime() < deadline) {
        Api.Response response = api.postJson("/api/v1/comments", Api.newComment(SITE, "story", null, "Ada", "Down"));
        refusals.add(response.status() + " " + response.json().getString("error") + " " + response.header("retry-after"));
      }
      assertTrue(database.died(), "the server stopped");
      Api.Response down = api.postJson("/api/v1/comments", Api.newComment(SITE, "story", null, "Ada", "Down"));
      refusals.add(down.status() + " " + down.json().getString("error") + " " + down.header("retry-after"));
      assertEquals(503, api.get("/ready").status(), "not ready while the database is down");
      assertTrue(refusals.stream().allMatch(r -> r.startsWith("201 ") || r.equals("503 database_unavailable 1")),
          "while it goes down posts are stored or refused 503 database_unavailable with Retry-After: " + refusals);

      database.restart();
      long after = -1;
      deadline = System.nanoTime() + TimeUnit.SECONDS.toNanos(30);
      while (after < 0 && System.nanoTime() < deadline) {
        Api.Response response = api.postJson("/api/v1/comments", Api.newComment(SITE, "story", null, "Ada", "Back"));
        if (response.status() == 201) {
          after = response.json().getLong("id");
        }
      }
      assertTrue(after > 0, "the pool reconnected");
      assertEquals(200, api.get("/ready").status());
      long id = after;
      assertTrue(receivedComment(live, id), "LISTEN reconnected, or its catch-up found comment " + id);
      assertFalse(live.socket().isClosed(), "the reader's socket stayed open");
    }
  }

  private Callable<Answer> post(String body) {
    return () -> {
      long started = System.nanoTime();
      Api.Response response = api.postJson("/api/v1/comments", Api.newComment(SITE, "story", null, "Ada", body));
      long millis = (System.nanoTime() - started) / 1_000_000;
      String error = response.status() == 201 ? "" : response.json().getString("error");
      return new Answer(response.status(), error, millis);
    };
  }

  /** Whether the socket delivers an event for this comment within 30 s (others may come first). */
  private static boolean receivedComment(LiveClient live, long id) {
    long deadline = System.nanoTime() + TimeUnit.SECONDS.toNanos(30);
    while (System.nanoTime() < deadline) {
      for (JsonObject event : live.events(1, 1)) {
        if (event.getJsonObject("comment").getLong("id") == id) {
          return true;
        }
      }
    }
    return false;
  }

  /** Sends a signal to the server and every backend of the test's database. */
  private void signalPostgres(String signal) throws Exception {
    List<String> command = new ArrayList<>(List.of("kill", signal));
    for (ProcessHandle process : HearthProcess.processesNaming(dataDir.resolve("postgres").toString())) {
      command.add(String.valueOf(process.pid()));
      process.descendants().forEach(child -> command.add(String.valueOf(child.pid())));
    }
    if (command.size() > 2) {
      new ProcessBuilder(command).inheritIO().start().waitFor(); // a backend may have exited meanwhile
    }
  }
}
