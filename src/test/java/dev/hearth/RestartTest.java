package dev.hearth;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.hearth.support.Api;
import dev.hearth.support.TestHearth;
import io.vertx.core.json.JsonObject;
import java.io.File;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.time.Instant;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * Hearth as an operator runs it: a separate process with no DATABASE_URL, so it starts its
 * embedded PostgreSQL in HEARTH_DATA_DIR. SIGTERM stops it and its database cleanly, and a
 * second start on the same data directory finds everything the first one acknowledged.
 */
class RestartTest {
  @TempDir
  Path dataDir;

  @Test
  void dataSurvivesARestartAndSigtermStopsEverything() throws Exception {
    int port = TestHearth.freePort();
    Api api = new Api("http://127.0.0.1:" + port, TestHearth.ADMIN_TOKEN);

    Process first = start(port);
    long firstId;
    try {
      awaitHealthy(api, first);
      api.createSite("lasting", "https://lasting.example");
      firstId = api.comment("lasting", "essay", null, "Ines", "Still here after a restart? “Yes” 🔥").getLong("id");
      api.comment("lasting", "essay", firstId, "Jo", "A reply that must survive too.");
    } finally {
      stop(first);
    }
    assertFalse(Files.exists(dataDir.resolve("postgres/postmaster.pid")),
        "SIGTERM also stopped the embedded PostgreSQL");

    Process second = start(port);
    try {
      awaitHealthy(api, second);
      JsonObject thread = api.thread("lasting", "essay", null);
      JsonObject root = thread.getJsonArray("comments").getJsonObject(0);
      assertEquals(firstId, root.getLong("id"));
      assertEquals("Still here after a restart? “Yes” 🔥", root.getString("body"));
      assertEquals("A reply that must survive too.", root.getJsonArray("children").getJsonObject(0).getString("body"));
      assertEquals(2, thread.getJsonObject("page").getInteger("commentCount"));
    } finally {
      stop(second);
    }
  }

  private Process start(int port) throws Exception {
    String java = Path.of(System.getProperty("java.home"), "bin", "java").toString();
    ProcessBuilder builder = new ProcessBuilder(java, "-cp", System.getProperty("java.class.path"), "dev.hearth.Main")
        .redirectErrorStream(true)
        .redirectOutput(dataDir.resolve("hearth.log").toFile());
    builder.environment().remove("DATABASE_URL");
    builder.environment().put("HEARTH_DATA_DIR", dataDir.toString());
    builder.environment().put("HEARTH_PORT", String.valueOf(port));
    builder.environment().put("HEARTH_ADMIN_TOKEN", TestHearth.ADMIN_TOKEN);
    return builder.start();
  }

  private void awaitHealthy(Api api, Process process) throws Exception {
    Instant deadline = Instant.now().plus(Duration.ofSeconds(90));
    while (Instant.now().isBefore(deadline)) {
      assertTrue(process.isAlive(), "Hearth exited early: " + Files.readString(dataDir.resolve("hearth.log")));
      try {
        if (api.get("/ready").status() == 200) {
          return;
        }
      } catch (IllegalStateException notYet) {
        // not listening yet
      }
      Thread.sleep(200);
    }
    throw new AssertionError("Hearth did not become ready: " + Files.readString(dataDir.resolve("hearth.log")));
  }

  private void stop(Process process) throws Exception {
    process.destroy(); // SIGTERM
    assertTrue(process.waitFor(60, TimeUnit.SECONDS), "Hearth stops within a minute of SIGTERM");
    String pgData = dataDir.resolve("postgres").toString();
    assertTrue(ProcessHandle.allProcesses().noneMatch(p -> p.isAlive()
            && p.info().commandLine().map(line -> line.contains(pgData)).orElse(false)),
        "no PostgreSQL process on this data directory outlives Hearth");
    assertTrue(new File(dataDir.toFile(), "postgres").isDirectory());
  }
}
