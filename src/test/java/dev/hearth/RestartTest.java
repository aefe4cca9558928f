package dev.hearth;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.hearth.support.Api;
import dev.hearth.support.HearthProcess;
import dev.hearth.support.TestHearth;
import io.vertx.core.json.JsonObject;
import java.io.File;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
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

    Process first = HearthProcess.start(dataDir, port);
    List<ProcessHandle> firstPostgres = List.of();
    long firstId;
    try {
      HearthProcess.awaitReady(api, first, dataDir);
      firstPostgres = HearthProcess.postgresProcesses(dataDir);
      api.createSite("lasting", "https://lasting.example");
      firstId = api.comment("lasting", "essay", null, "Ines", "Still here after a restart? “Yes” 🔥").getLong("id");
      api.comment("lasting", "essay", firstId, "Jo", "A reply that must survive too.");
    } finally {
      stop(first, firstPostgres);
    }
    assertFalse(Files.exists(dataDir.resolve("postgres/postmaster.pid")),
        "SIGTERM also stopped the embedded PostgreSQL");

    Process second = HearthProcess.start(dataDir, port);
    List<ProcessHandle> secondPostgres = List.of();
    try {
      HearthProcess.awaitReady(api, second, dataDir);
      secondPostgres = HearthProcess.postgresProcesses(dataDir);
      JsonObject thread = api.thread("lasting", "essay", null);
      JsonObject root = thread.getJsonArray("comments").getJsonObject(0);
      assertEquals(firstId, root.getLong("id"));
      assertEquals("Still here after a restart? “Yes” 🔥", root.getString("body"));
      assertEquals("A reply that must survive too.", root.getJsonArray("children").getJsonObject(0).getString("body"));
      assertEquals(2, thread.getJsonObject("page").getInteger("commentCount"));
    } finally {
      stop(second, secondPostgres);
    }
  }

  private void stop(Process process, List<ProcessHandle> postgres) throws Exception {
    process.destroy(); // SIGTERM
    assertTrue(process.waitFor(60, TimeUnit.SECONDS), "Hearth stops within a minute of SIGTERM");
    assertEquals(List.of(), postgres.stream().filter(HearthProcess::running).map(ProcessHandle::pid).toList(),
        "no PostgreSQL process of this data directory outlives Hearth");
    assertEquals(List.of(), HearthProcess.processesNaming(dataDir.resolve("postgres").toString()).stream().map(ProcessHandle::pid)
        .toList(), "and no other process names the data directory");
    assertTrue(new File(dataDir.toFile(), "postgres").isDirectory());
  }
}
