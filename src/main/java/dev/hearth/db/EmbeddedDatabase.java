package dev.hearth.db;

import io.zonky.test.db.postgres.embedded.EmbeddedPostgres;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;

/**
 * A PostgreSQL server run by Hearth itself when no DATABASE_URL is configured. Its data lives
 * under {@code <dataDir>/postgres} and survives restarts; the server process is a child of
 * this JVM and is stopped by {@link #close()}.
 */
public final class EmbeddedDatabase implements AutoCloseable {
  private final EmbeddedPostgres postgres;

  private EmbeddedDatabase(EmbeddedPostgres postgres) {
    this.postgres = postgres;
  }

  public static EmbeddedDatabase start(Path dataDir) {
    try {
      Path pgData = dataDir.resolve("postgres");
      Files.createDirectories(pgData);
      EmbeddedPostgres postgres = EmbeddedPostgres.builder()
          .setDataDirectory(pgData)
          .setCleanDataDirectory(false)
          .setPGStartupWait(Duration.ofSeconds(60))
          .setServerConfig("max_connections", "200")
          // The library's defaults trade durability for test speed (synchronous_commit and
          // full_page_writes off): Hearth answers 201 after the commit, so it must be on disk.
          .setServerConfig("fsync", "on")
          .setServerConfig("synchronous_commit", "on")
          .setServerConfig("full_page_writes", "on")
          .start();
      return new EmbeddedDatabase(postgres);
    } catch (IOException e) {
      throw new IllegalStateException("Could not start the embedded PostgreSQL in " + dataDir + ": " + e.getMessage(), e);
    }
  }

  public DatabaseTarget target() {
    return new DatabaseTarget("localhost", postgres.getPort(), "postgres", "postgres", null);
  }

  @Override
  public void close() {
    try {
      postgres.close();
    } catch (IOException e) {
      throw new IllegalStateException("Could not stop the embedded PostgreSQL: " + e.getMessage(), e);
    }
  }
}
