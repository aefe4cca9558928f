package dev.hearth.db;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.NoSuchFileException;
import java.nio.file.Path;
import java.time.Duration;
import java.util.List;
import java.util.Optional;
import java.util.OptionalLong;
import java.util.logging.Logger;

/**
 * The {@code postmaster.pid} of a data directory, read the way PostgreSQL writes it: line 1 the
 * server's PID, line 7 the key and id of its System V shared-memory interlock.
 *
 * <p>A server killed with SIGKILL leaves the file behind. PostgreSQL ignores it when that PID is
 * gone, but refuses to start when any process has the PID, and this machine's PIDs wrap at
 * 32,768: a thread of the restarted JVM or a new backend often holds it, and the start then
 * failed until the start-up wait ran out. So Hearth decides itself whether the PID is still a
 * server of this directory (a server left running by a killed Hearth: it is stopped) or
 * anything else (the file is stale: it is removed once no process is attached to the old shared
 * memory, which is PostgreSQL's own test that no backend of the dead server still runs).
 */
final class PostmasterFile {
  private static final Logger LOG = Logger.getLogger(PostmasterFile.class.getName());
  private static final Duration ORPHAN_WAIT = Duration.ofSeconds(30);

  private final Path pgData;
  private final Path file;

  PostmasterFile(Path pgData) {
    this.pgData = pgData;
    this.file = pgData.resolve("postmaster.pid");
  }

  /** The PID of the server running this directory, when one is. */
  OptionalLong runningServer() {
    OptionalLong pid = pid();
    return pid.isPresent() && Processes.isServerOf(pid.getAsLong(), pgData) ? pid : OptionalLong.empty();
  }

  /**
   * Makes the directory startable: stops a server of it still running (its Hearth was killed)
   * and removes a file its dead server left.
   */
  void clearLeftovers() {
    if (!Files.exists(file) || !Processes.available()) {
      return;
    }
    OptionalLong running = runningServer();
    if (running.isPresent()) {
      LOG.warning("A PostgreSQL server (PID " + running.getAsLong() + ") still runs in " + pgData
          + ", left by a Hearth that did not stop cleanly: stopping it first");
      Processes.stop(running.getAsLong(), pgData, ORPHAN_WAIT);
    }
    if (!Files.exists(file)) {
      return; // it stopped cleanly and removed its file
    }
    sharedMemoryId().ifPresent(this::awaitDetached);
    try {
      Files.deleteIfExists(file);
      LOG.warning("Removed the postmaster.pid a crashed PostgreSQL left in " + pgData
          + " (its PID " + pid().orElse(-1) + " is no server of this directory now)");
    } catch (IOException e) {
      throw new UncheckedIOException("Could not remove " + file, e);
    }
  }

  private void awaitDetached(long shmid) {
    long deadline = System.nanoTime() + ORPHAN_WAIT.toNanos();
    while (Processes.attachedTo(shmid) > 0) {
      if (System.nanoTime() > deadline) {
        throw new IllegalStateException("Processes of a crashed PostgreSQL still use its shared memory (id "
            + shmid + ") after " + ORPHAN_WAIT.toSeconds() + " s; stop them before starting Hearth on " + pgData);
      }
      sleep();
    }
  }

  private OptionalLong pid() {
    return line(0).map(PostmasterFile::parse).orElse(OptionalLong.empty());
  }

  private OptionalLong sharedMemoryId() {
    return line(6).map(keys -> keys.trim().split("\\s+")).filter(parts -> parts.length == 2)
        .map(parts -> parse(parts[1])).orElse(OptionalLong.empty());
  }

  private Optional<String> line(int index) {
    try {
      List<String> lines = Files.readAllLines(file, StandardCharsets.UTF_8);
      return index < lines.size() ? Optional.of(lines.get(index)) : Optional.empty();
    } catch (NoSuchFileException gone) {
      return Optional.empty();
    } catch (IOException e) {
      throw new UncheckedIOException("Could not read " + file, e);
    }
  }

  private static OptionalLong parse(String number) {
    try {
      return OptionalLong.of(Long.parseLong(number.trim()));
    } catch (NumberFormatException torn) {
      return OptionalLong.empty(); // a crash while the file was written
    }
  }

  private static void sleep() {
    try {
      Thread.sleep(100);
    } catch (InterruptedException e) {
      Thread.currentThread().interrupt();
      throw new IllegalStateException("Interrupted while waiting for a crashed PostgreSQL's processes", e);
    }
  }
}
