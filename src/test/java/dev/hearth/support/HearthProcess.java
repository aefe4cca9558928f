package dev.hearth.support;

import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.hearth.db.DatabaseTarget;
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
import java.util.Map;

/**
 * Hearth as an operator runs it: a separate process with no DATABASE_URL, so it starts its
 * embedded PostgreSQL in the data directory (or, for several nodes, one given database); and
 * that PostgreSQL's processes, found by the data directory on their command lines (read from /proc).
 */
public final class HearthProcess {
  private HearthProcess() {
  }

  /** A node on its embedded PostgreSQL in {@code dataDir}, which also holds its log, hearth.log. */
  public static Process start(Path dataDir, int port) throws IOException {
    return start(dataDir, port, Map.of());
  }

  /** The same with more environment variables (HEARTH_SHUTDOWN_SECONDS, say). */
  public static Process start(Path dataDir, int port, Map<String, String> extraEnv) throws IOException {
    String java = Path.of(System.getProperty("java.home"), "bin", "java").toString();
    ProcessBuilder builder = new ProcessBuilder(java, "-cp", mainClassesFirst(), "dev.hearth.Main")
        .redirectErrorStream(true)
        .redirectOutput(ProcessBuilder.Redirect.appendTo(dataDir.resolve("hearth.log").toFile()));
    builder.environment().remove("DATABASE_URL");
    builder.environment().put("HEARTH_DATA_DIR", dataDir.toString());
    builder.environment().put("HEARTH_PORT", String.valueOf(port));
    builder.environment().put("HEARTH_ADMIN_TOKEN", TestHearth.ADMIN_TOKEN);
    builder.environment().putAll(extraEnv);
    return builder.start();
  }

  /**
   * A node on a database shared with other nodes (as behind a load balancer); {@code dataDir}
   * only holds its log, hearth.log.
   */
  public static Process start(DatabaseTarget database, Path dataDir, int port) throws IOException {
    return start(dataDir, port, Map.of("DATABASE_URL", database.url()));
  }

  /**
   * The test class path with the test classes last, so Hearth runs with its own resources (its
   * log configuration, not the quieter one of the tests) as an operator's Hearth does.
   */
  private static String mainClassesFirst() {
    List<String> entries = new ArrayList<>(List.of(System.getProperty("java.class.path").split(File.pathSeparator)));
    List<String> tests = entries.stream().filter(entry -> entry.endsWith("test-classes")).toList();
    entries.removeAll(tests);
    entries.addAll(tests);
    return String.join(File.pathSeparator, entries);
  }

  public static void awaitReady(Api api, Process process, Path dataDir) throws Exception {
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
   * Fails when none is found, so a check that none is left is known to be able to see one.
   */
  public static List<ProcessHandle> postgresProcesses(Path dataDir) throws IOException {
    List<ProcessHandle> servers = processesNaming(dataDir.resolve("postgres").toString());
    assertFalse(servers.isEmpty(), "no process names " + dataDir.resolve("postgres") + " while Hearth runs");
    List<ProcessHandle> all = new ArrayList<>(servers);
    servers.forEach(server -> server.descendants().forEach(all::add));
    return all;
  }

  /** Live processes with {@code path} as one of their command-line arguments, read from /proc. */
  public static List<ProcessHandle> processesNaming(String path) throws IOException {
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
          ProcessHandle.of(Long.parseLong(process.getFileName().toString())).filter(HearthProcess::running)
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
  public static boolean running(ProcessHandle process) {
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
}
