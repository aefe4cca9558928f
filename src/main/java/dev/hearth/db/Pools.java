package dev.hearth.db;

import io.vertx.core.Vertx;
import io.vertx.pgclient.PgBuilder;
import io.vertx.sqlclient.Pool;
import io.vertx.sqlclient.PoolOptions;

/** Builds the one reactive connection pool all HTTP verticles share. */
public final class Pools {
  private Pools() {
  }

  public static Pool create(Vertx vertx, DatabaseTarget target, int maxSize) {
    return PgBuilder.pool()
        .with(new PoolOptions().setMaxSize(maxSize).setShared(false).setMaxWaitQueueSize(10_000)
            .setName("hearth")) // the pool_name of its metrics (vertx_pool_queue_pending, ...)
        .connectingTo(target.connectOptions())
        .using(vertx)
        .build();
  }
}
