package dev.hearth.event;

import io.vertx.core.Future;
import io.vertx.core.Vertx;
import io.vertx.pgclient.PgConnectOptions;
import io.vertx.pgclient.pubsub.PgSubscriber;
import java.util.function.LongConsumer;
import java.util.logging.Level;
import java.util.logging.Logger;

/**
 * LISTENs for the ids {@link EventLog} notifies at commit, on its own connection, reconnecting
 * with back-off. Notifications can be missed while disconnected, so every (re)connection is
 * reported too: the follower then catches up from the table, which is the truth. Also prunes
 * the outbox past its retention, every {@link EventFeed#prunePeriod} (hourly for the default week).
 */
public final class EventListener {
  private static final Logger LOG = Logger.getLogger(EventListener.class.getName());

  private final Vertx vertx;
  private final PgConnectOptions database;
  private final EventFeed feed;
  private PgSubscriber subscriber;
  private long pruning = -1;

  public EventListener(Vertx vertx, PgConnectOptions database, EventFeed feed) {
    this.vertx = vertx;
    this.database = database;
    this.feed = feed;
  }

  /**
   * Starts listening; {@code onEvent} gets each notified id, {@code onConnected} runs after
   * every (re)connection. Both run on the caller's context.
   */
  public Future<Void> start(LongConsumer onEvent, Runnable onConnected) {
    subscriber = PgSubscriber.subscriber(vertx, database)
        .reconnectPolicy(attempt -> Math.min(5_000L, 250L * (attempt + 1)));
    subscriber.closeHandler(closed -> LOG.warning("Event notifications connection closed"));
    subscriber.channel(EventLog.CHANNEL)
        .subscribeHandler(listening -> onConnected.run())
        .handler(payload -> notified(payload, onEvent));
    long prunePeriod = feed.prunePeriod().toMillis();
    pruning = vertx.setPeriodic(Math.min(60_000, prunePeriod), prunePeriod, id -> feed.prune()
        .onFailure(e -> LOG.log(Level.WARNING, "Could not prune old events", e)));
    return subscriber.connect();
  }

  private static void notified(String payload, LongConsumer onEvent) {
    try {
      onEvent.accept(Long.parseLong(payload.trim()));
    } catch (NumberFormatException e) {
      LOG.warning("Ignoring a notification that is not an event id: " + payload);
    }
  }

  public Future<Void> stop() {
    if (pruning >= 0) {
      vertx.cancelTimer(pruning);
    }
    return subscriber == null ? Future.succeededFuture() : subscriber.close();
  }
}
