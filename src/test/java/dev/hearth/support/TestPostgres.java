package dev.hearth.support;

import dev.hearth.db.DatabaseTarget;
import dev.hearth.db.EmbeddedDatabase;
import dev.hearth.db.Migrations;
import java.nio.file.Files;
import java.nio.file.Path;
import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.SQLException;
import java.sql.Statement;
import java.util.concurrent.atomic.AtomicInteger;
import org.testcontainers.DockerClientFactory;
import org.testcontainers.postgresql.PostgreSQLContainer;

/**
 * The PostgreSQL server of a test run, chosen once: {@code HEARTH_TEST_DATABASE_URL} if set,
 * else a Testcontainers container when a Docker engine answers, else an embedded PostgreSQL.
 * Every caller of {@link #freshDatabase()} gets its own database cloned from a template that
 * the real migrations built, so test classes never see each other's rows.
 */
public final class TestPostgres {
  private static final String TEMPLATE = "hearth_template";
  private static final AtomicInteger COUNTER = new AtomicInteger();
  private static DatabaseTarget server;
  private static String source;

  private TestPostgres() {
  }

  public static synchronized DatabaseTarget freshDatabase() {
    if (server == null) {
      server = startServer();
      createTemplate();
    }
    String name = "hearth_test_" + ProcessHandle.current().pid() + "_" + COUNTER.incrementAndGet();
    execute(server, "create database " + name + " template " + TEMPLATE);
    return server.withDatabase(name);
  }

  /** Which kind of server this run uses: "configured", "testcontainers" or "embedded". */
  public static synchronized String source() {
    freshDatabase();
    return source;
  }

  private static DatabaseTarget startServer() {
    String configured = System.getenv("HEARTH_TEST_DATABASE_URL");
    if (configured != null && !configured.isBlank()) {
      source = "configured";
      return DatabaseTarget.fromUrl(configured);
    }
    if (dockerAvailable()) {
      PostgreSQLContainer container = new PostgreSQLContainer("postgres:17-alpine");
      container.start();
      Runtime.getRuntime().addShutdownHook(new Thread(container::stop));
      source = "testcontainers";
      return new DatabaseTarget(container.getHost(), container.getFirstMappedPort(), container.getDatabaseName(),
          container.getUsername(), container.getPassword());
    }
    try {
      Path dir = Files.createTempDirectory("hearth-test-pg");
      EmbeddedDatabase embedded = EmbeddedDatabase.start(dir,
          ProcessBuilder.Redirect.appendTo(dir.resolve("postgres.log").toFile()));
      Runtime.getRuntime().addShutdownHook(new Thread(embedded::close));
      source = "embedded";
      return embedded.target();
    } catch (java.io.IOException e) {
      throw new IllegalStateException(e);
    }
  }

  private static boolean dockerAvailable() {
    try {
      return DockerClientFactory.instance().isDockerAvailable();
    } catch (Throwable e) {
      return false;
    }
  }

  private static void createTemplate() {
    execute(server, "drop database if exists " + TEMPLATE);
    execute(server, "create database " + TEMPLATE);
    Migrations.apply(server.withDatabase(TEMPLATE));
  }

  public static void execute(DatabaseTarget target, String sql) {
    try (Connection connection = DriverManager.getConnection(target.jdbcUrl(), target.user(), target.password());
         Statement statement = connection.createStatement()) {
      statement.execute(sql);
    } catch (SQLException e) {
      throw new IllegalStateException("SQL failed: " + sql + ": " + e.getMessage(), e);
    }
  }
}
