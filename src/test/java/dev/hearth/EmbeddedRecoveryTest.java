package dev.hearth;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNotEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.hearth.support.Api;
import dev.hearth.support.HearthProcess;
import dev.hearth.support.LiveClient;
import dev.hearth.support.TestHearth;
import io.vertx.core.Vertx;
import io.vertx.core.json.JsonObject;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * The zero-configuration start keeps its embedded PostgreSQL alive: killed under a running
 * Hearth it is started again (503 with Retry-After meanwhile, live readers miss nothing), and
 * a data directory left by any kind of crash starts again, also when the dead server's PID now
 * belongs to another process.
 */
class EmbeddedRecoveryTest {
  private static final String SITE = "recovery";
  private static final String ORIGIN = "https://recovery.example";

  @TempDir
  Path dataDir;

  private final Vertx vertx = Vertx.vertx();
  private final List<Process> processes = new ArrayList<>();
  private int port;
  private Api api;

  @AfterEach
  void stopEverything() throws Exception {
    for (Process process : processes) {
      process.destroy();
      process.waitFor(60, TimeUnit.SECONDS);
    }
    vertx.close().await(10, TimeUnit.SECONDS);
  }

  private Process startHearth() throws Exception {
    if (api == null) {
      port = TestHearth.freePort();
      api = new Api("http://127.0.0.1:" + port, TestHearth.ADMIN_TOKEN);
    }
    Process hearth = HearthProcess.start(dataDir, port);
    processes.add(hearth);
    HearthProcess.awaitReady(api, hearth, dataDir);
    return hearth;
  }

  @Test
  void aKilledDatabaseIsStartedAgainWhileHearthRunsAndLiveReadersMissNothing() throws Exception {
    Process hearth = startHearth();
    api.createSite(SITE, ORIGIN);
    long before = api.comment(SITE, "story", null, "Ada", "Before the crash").getLong("id");
    try (LiveClient live = LiveClient.connect(vertx, api.base(), ORIGIN)) {
      live.subscribed(SITE, "story", null);

      HearthProcess.postgresProcesses(dataDir).forEach(ProcessHandle::destroyForcibly);
      List<String> refusals = new ArrayList<>();
      long after = -1;
      long deadline = System.nanoTime() + TimeUnit.SECONDS.toNanos(90);
      while (after < 0 && System.nanoTime() < deadline) {
        Api.Response response = api.postJson("/api/v1/comments",
            Api.newComment(SITE, "story", null, "Ada", "After the crash"));
        if (response.status() == 201) {
          after = response.json().getLong("id");
        } else {
          refusals.add(response.status() + " " + response.json().getString("error") + " retry-after="
              + response.header("retry-after"));
          Thread.sleep(50);
        }
      }
      assertTrue(after > 0, "Hearth writes again after its database was killed; refusals: " + refusals);
      assertTrue(hearth.isAlive(), "the same Hearth process carried on");
      assertFalse(refusals.isEmpty(), "the posts met the outage");
      assertEquals(List.of("503 database_unavailable retry-after=1"), refusals.stream().distinct().toList(),
          "while the database is down every post is refused 503 database_unavailable with Retry-After");

      List<JsonObject> events = live.events(1, 30);
      assertEquals(1, events.size(), "the subscriber hears of the comment posted after the restart");
      assertEquals(after, events.get(0).getJsonObject("comment").getLong("id"));
      assertNotEquals(before, after);
    }
    String log = Files.readString(dataDir.resolve("hearth.log"));
    assertTrue(log.contains("automatic recovery in progress"), 
        "PostgreSQL's own crash-recovery lines are in Hearth's log:\n" + log);
    assertTrue(log.contains("starting it again"), "Hearth says it restarted its database");
  }

  /**
   * Three crashes in a row, each of another kind: the whole PostgreSQL killed with its Hearth;
   * Hearth killed while its server lives on; and the first again with the dead server's PID
   * taken by a live process, as happens when PIDs wrap (PostgreSQL then believes the server
   * still runs and refuses to start). Each time Hearth starts and every comment is there.
   */
  @Test
  void aDataDirectoryLeftByAnyCrashStartsAgain() throws Exception {
    Process hearth = startHearth();
    api.createSite(SITE, ORIGIN);
    List<Long> comments = new ArrayList<>();
    comments.add(api.comment(SITE, "story", null, "Ada", "First").getLong("id"));

    killAll(hearth);
    hearth = startHearth();
    comments.add(api.comment(SITE, "story", null, "Ada", "Second").getLong("id"));

    List<ProcessHandle> orphans = HearthProcess.postgresProcesses(dataDir);
    hearth.destroyForcibly();
    hearth.waitFor(30, TimeUnit.SECONDS);
    assertTrue(orphans.get(0).isAlive(), "the server outlived its Hearth");
    hearth = startHearth();
    assertEquals(1, HearthProcess.processesNaming(dataDir.resolve("postgres").toString()).size(),
        "the server the killed Hearth left was stopped, one server runs");
    comments.add(api.comment(SITE, "story", null, "Ada", "Third").getLong("id"));

    killAll(hearth);
    Process impostor = new ProcessBuilder("sleep", "600").start();
    try {
      Path pidFile = dataDir.resolve("postgres/postmaster.pid");
      List<String> lines = new ArrayList<>(Files.readAllLines(pidFile));
      lines.set(0, String.valueOf(impostor.pid()));
      Files.write(pidFile, lines);
      hearth = startHearth();
      assertTrue(impostor.isAlive(), "the process with the old PID was left alone");
    } finally {
      impostor.destroyForcibly();
    }
    for (long id : comments) {
      assertEquals(200, api.get("/api/v1/comments/" + id).status(), "comment " + id + " survived the crashes");
    }
    assertTrue(Files.readString(dataDir.resolve("hearth.log")).contains("received smart shutdown request"),
        "the server's lines after its start reach the log too (the server the killed Hearth left said it stopped)");
  }

  private void killAll(Process hearth) throws Exception {
    List<ProcessHandle> postgres = HearthProcess.postgresProcesses(dataDir);
    hearth.destroyForcibly();
    postgres.forEach(ProcessHandle::destroyForcibly);
    hearth.waitFor(30, TimeUnit.SECONDS);
    long deadline = System.nanoTime() + TimeUnit.SECONDS.toNanos(30);
    while (postgres.stream().anyMatch(HearthProcess::running) && System.nanoTime() < deadline) {
      Thread.sleep(50);
    }
  }
}
