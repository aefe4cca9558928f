package dev.hearth.db;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.Arrays;
import java.util.List;

/**
 * What Linux's /proc says about the embedded server's processes. ProcessHandle alone cannot
 * tell: it shows no command line where the JDK cannot read the executable, and calls a zombie
 * alive (the server is orphaned by pg_ctl, so its exit waits for PID 1 to reap it).
 */
final class Processes {
  private static final Path PROC = Path.of("/proc");

  private Processes() {
  }

  /**
   * Whether this system shows processes in /proc (Linux). Elsewhere nothing here can tell a
   * live server from a dead one, so Hearth leaves the data directory to PostgreSQL's own checks
   * and does not supervise the server.
   */
  static boolean available() {
    return Files.isReadable(PROC.resolve("self/cmdline"));
  }

  /** Whether {@code pid} runs (not a zombie) with the data directory on its command line. */
  static boolean isServerOf(long pid, Path pgData) {
    Path process = PROC.resolve(String.valueOf(pid));
    try {
      byte[] cmdline = Files.readAllBytes(process.resolve("cmdline"));
      List<String> arguments = Arrays.asList(new String(cmdline, StandardCharsets.UTF_8).split("\0"));
      return arguments.contains(pgData.toString()) && !exited(process);
    } catch (IOException gone) {
      return false;
    }
  }

  /**
   * Stops a server: SIGTERM (PostgreSQL's smart shutdown, which ends as soon as no client is
   * connected; a killed Hearth's clients are gone), then SIGKILL if it is still there after
   * {@code wait}, which is safe because every commit was synced (crash recovery replays it).
   */
  static void stop(long pid, Path pgData, Duration wait) {
    ProcessHandle.of(pid).ifPresent(ProcessHandle::destroy);
    long deadline = System.nanoTime() + wait.toNanos();
    while (isServerOf(pid, pgData)) {
      if (System.nanoTime() > deadline) {
        ProcessHandle.of(pid).ifPresent(ProcessHandle::destroyForcibly);
        return;
      }
      try {
        Thread.sleep(100);
      } catch (InterruptedException e) {
        Thread.currentThread().interrupt();
        return;
      }
    }
  }

  /** How many processes are attached to a System V shared-memory segment; 0 when it is gone. */
  static int attachedTo(long shmid) {
    try {
      for (String line : Files.readAllLines(PROC.resolve("sysvipc/shm"), StandardCharsets.UTF_8)) {
        String[] columns = line.trim().split("\\s+");
        // key shmid perms size cpid lpid nattch ...
        if (columns.length > 6 && columns[1].equals(String.valueOf(shmid))) {
          return Integer.parseInt(columns[6]);
        }
      }
      return 0;
    } catch (IOException | NumberFormatException unreadable) {
      return 0; // not Linux, or no System V IPC: PostgreSQL checks the segment itself
    }
  }

  private static boolean exited(Path process) throws IOException {
    String stat = new String(Files.readAllBytes(process.resolve("stat")), StandardCharsets.ISO_8859_1);
    char state = stat.substring(stat.lastIndexOf(')') + 1).trim().charAt(0);
    return state == 'Z' || state == 'X';
  }
}
