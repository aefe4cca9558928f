package dev.hearth;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.hearth.support.Api;
import dev.hearth.support.TestHearth;
import io.vertx.core.json.JsonObject;
import java.io.File;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.DirectoryStream;
import java.nio.file.Files;
import java.nio.file.NoSuchFileException;
import java.nio.file.Path;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
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

    Process first = start(port);
    List<ProcessHandle> firstPostgres = List.of();
    long firstId;
    try {
      awaitHealthy(api, first);
      firstPostgres = postgresProcesses();
      api.createSite("lasting", "https://lasting.example");
      firstId = api.comment("lasting", "essay", null, "Ines", "Still here after a restart? “Yes” 🔥").getLong("id");
      api.comment("lasting", "essay", firstId, "Jo", "A reply that must survive too.");
    } finally {
      stop(first, firstPostgres);
    }
    assertFalse(Files.exists(dataDir.resolve("postgres/postmaster.pid")),
        "SIGTERM also stopped the embedded PostgreSQL");

    Process second = start(port);
    List<ProcessHandle> secondPostgres = List.of();
    try {
      awaitHealthy(api, second);
      secondPostgres = postgresProcesses();
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

  /**
   * The running PostgreSQL of this data directory, server and backends: the server is found
   * by the data directory on its command line, read from /proc (ProcessHandle's command line
   * is empty where the JDK cannot read a process's executable, which made the check pass
   * vacuously), its backends as its descendants, whose titles no longer name the directory.
   * Fails when none is found, so the check after SIGTERM is known to be able to see one.
   */
  private List<ProcessHandle> postgresProcesses() throws IOException {
    List<ProcessHandle> servers = processesNaming(dataDir.resolve("postgres").toString());
    assertFalse(servers.isEmpty(), "no process names " + dataDir.resolve("postgres") + " while Hearth runs");
    List<ProcessHandle> all = new ArrayList<>(servers);
    servers.forEach(server -> server.descendants().forEach(all::add));
    return all;
  }

  /** Live processes with {@code path} as one of their command-line arguments, read from /proc. */
  private static List<ProcessHandle> processesNaming(String path) throws IOException {
    Path proc = Path.of("/proc");
    assertTrue(Files.isReadable(proc.resolve("self/cmdline")), "this check reads command lines from Linux's /proc");
    List<ProcessHandle> found = new ArrayList<>();
    try (DirectoryStream<Path> processes =
             Files.newDirectoryStream(proc, p -> p.getFileName().toString().matches("\\d+"))) {
      for (Path process : processes) {
        byte[] cmdline;
        try {
          cmdline = Files.readAllBytes(process.resolve("cmdline"));
        } catch (NoSuchFileException exited) {
          continue;
        }
        List<String> arguments = List.of(new String(cmdline, StandardCharsets.UTF_8).split("\0"));
        if (arguments.contains(path)) {
          ProcessHandle.of(Long.parseLong(process.getFileName().toString())).filter(RestartTest::running)
              .ifPresent(found::add);
        }
      }
    }
    return found;
  }

  /**
   * Whether a process still runs. A zombie does not: it has exited and holds nothing, only its
   * exit status waits for the reaper (PID 1 here, since pg_ctl leaves the server an orphan),
   * which may take its time; ProcessHandle calls a zombie alive.
   */
  private static boolean running(ProcessHandle process) {
    if (!process.isAlive()) {
      return false;
    }
    try {
      String stat = new String(Files.readAllBytes(Path.of("/proc", String.valueOf(process.pid()), "stat")),
          StandardCharsets.ISO_8859_1);
      char state = stat.substring(stat.lastIndexOf(')') + 1).trim().charAt(0);
      return state != 'Z' && state != 'X';
    } catch (NoSuchFileException reaped) {
      return false;
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    }
  }

  private void stop(Process process, List<ProcessHandle> postgres) throws Exception {
    process.destroy(); // SIGTERM
    assertTrue(process.waitFor(60, TimeUnit.SECONDS), "Hearth stops within a minute of SIGTERM");
    assertEquals(List.of(), postgres.stream().filter(RestartTest::running).map(ProcessHandle::pid).toList(),
        "no PostgreSQL process of this data directory outlives Hearth");
    assertEquals(List.of(), processesNaming(dataDir.resolve("postgres").toString()).stream().map(ProcessHandle::pid)
        .toList(), "and no other process names the data directory");
    assertTrue(new File(dataDir.toFile(), "postgres").isDirectory());
  }
}
