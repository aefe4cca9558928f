package dev.hearth.live;

import dev.hearth.event.EventLog;
import io.vertx.core.Future;
import io.vertx.core.VerticleBase;
import io.vertx.pgclient.PgConnectOptions;
import io.vertx.pgclient.pubsub.PgSubscriber;
import io.vertx.sqlclient.Pool;
import io.vertx.sqlclient.Tuple;
import java.util.logging.Level;
import java.util.logging.Logger;

/**
 * The hub's home: one event loop that LISTENs for event ids (PgSubscriber, reconnecting with
 * back-off and catching every followed page up from the table after each reconnect), runs
 * the hub, and prunes events past the retention.
 */
public final class LiveVerticle extends VerticleBase {
  private static final Logger LOG = Logger.getLogger(LiveVerticle.class.getName());
  private static final long PRUNE_EVERY_MS = 3_600_000;

  private final LiveHub hub;
  private final PgConnectOptions database;
  private final Pool pool;
  private PgSubscriber subscriber;

  public LiveVerticle(LiveHub hub, PgConnectOptions database, Pool pool) {
    this.hub = hub;
    this.database = database;
    this.pool = pool;
  }

  @Override
  public Future<?> start() {
    hub.attach(context);
    subscriber = PgSubscriber.subscriber(vertx, database)
        .reconnectPolicy(attempt -> Math.min(5_000L, 250L * (attempt + 1)));
    subscriber.closeHandler(closed -> LOG.warning("Live notifications connection closed"));
    subscriber.channel(EventLog.CHANNEL)
        .subscribeHandler(listening -> hub.catchUp())
        .handler(this::notified);
    vertx.setPeriodic(60_000, PRUNE_EVERY_MS, id -> prune());
    return subscriber.connect();
  }

  private void notified(String payload) {
    try {
      hub.notified(Long.parseLong(payload.trim()));
    } catch (NumberFormatException e) {
      LOG.warning("Ignoring a notification that is not an event id: " + payload);
    }
  }

  private void prune() {
    pool.preparedQuery(EventSql.PRUNE).execute(Tuple.of(LiveLimits.RETENTION_DAYS))
        .onFailure(e -> LOG.log(Level.WARNING, "Could not prune old events", e));
  }

  @Override
  public Future<?> stop() {
    return subscriber == null ? Future.succeededFuture() : subscriber.close();
  }
}
