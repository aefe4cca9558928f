package dev.hearth.health;

import io.vertx.core.Future;
import io.vertx.sqlclient.Pool;

/** Whether the database answers at all: a round trip through the shared pool. */
public final class ReadinessRepository {
  private static final String PING = "select 1";

  private final Pool pool;

  public ReadinessRepository(Pool pool) {
    this.pool = pool;
  }

  public Future<Void> ping() {
    return pool.query(PING).execute().mapEmpty();
  }
}
