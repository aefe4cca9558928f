package dev.hearth.db;

import org.flywaydb.core.Flyway;

/**
 * Applies {@code migrations/} (packaged in the jar as {@code db/migration}) with Flyway over
 * JDBC. Blocking: call it from a worker thread or before the event loops start.
 */
public final class Migrations {
  private Migrations() {
  }

  public static int apply(DatabaseTarget target) {
    Flyway flyway = Flyway.configure()
        .dataSource(target.jdbcUrl(), target.user(), target.password())
        .locations("classpath:db/migration")
        .failOnMissingLocations(true)
        .load();
    return flyway.migrate().migrationsExecuted;
  }
}
