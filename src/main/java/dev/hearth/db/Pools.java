package dev.hearth.db;

import io.vertx.core.Vertx;
import io.vertx.pgclient.PgBuilder;
import io.vertx.pgclient.PgConnectOptions;
import io.vertx.sqlclient.Pool;
import io.vertx.sqlclient.PoolOptions;
import java.util.concurrent.TimeUnit;

/** Builds the one reactive connection pool all HTTP verticles share. */
public final class Pools {
  private Pools() {
  }

  public static Pool create(Vertx vertx, DatabaseTarget target, PoolLimits limits) {
    PoolOptions options = new PoolOptions()
        .setMaxSize(limits.size())
        .setShared(false)
        .setMaxWaitQueueSize(limits.waitQueue())
        .setConnectionTimeout((int) limits.maxWait().toMillis())
        .setConnectionTimeoutUnit(TimeUnit.MILLISECONDS)
        .setName("hearth"); // the pool_name of its metrics (vertx_pool_queue_pending, ...)
    // Sent at connection start, so it bounds every statement of the pool without a round trip;
    // a lock wait or a runaway query fails (57014) instead of holding a connection for ever.
    PgConnectOptions connect = target.connectOptions()
        .addProperty("statement_timeout", String.valueOf(limits.statementTimeout().toMillis()));
    return PgBuilder.pool()
        .with(options)
        .connectingTo(connect)
        .using(vertx)
        .build();
  }
}
