package dev.hearth.event;

import io.vertx.core.Future;
import io.vertx.sqlclient.Pool;
import io.vertx.sqlclient.Row;
import io.vertx.sqlclient.Tuple;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import java.util.concurrent.atomic.AtomicLong;

/**
 * Reading the events outbox: one event by id, a page's events after an id (in id order, which
 * is commit order for one page), whether a resume point is still kept, and pruning past the
 * retention. Everything that follows events (the live hub) reads them here.
 */
public final class EventFeed {
  private static final Duration MOST_PRUNE_PERIOD = Duration.ofHours(1);
  private static final Duration LEAST_PRUNE_PERIOD = Duration.ofSeconds(10);

  private final Pool pool;
  private final Duration retention;
  private final AtomicLong pruned = new AtomicLong();

  /** {@code retention}: how long events are kept for resuming; an older resume point gets a reset. */
  public EventFeed(Pool pool, Duration retention) {
    this.pool = pool;
    this.retention = retention;
  }

  public Duration retention() {
    return retention;
  }

  /**
   * How often to prune: a quarter of the retention, so the table holds at most about 1.25
   * retentions of events, but no more than hourly (a week's retention needs no more) and no
   * less than every 10 seconds (a short retention is for tests and soaks, not for deleting
   * row by row).
   */
  public static Duration prunePeriod(Duration retention) {
    Duration quarter = retention.dividedBy(4);
    if (quarter.compareTo(MOST_PRUNE_PERIOD) > 0) {
      return MOST_PRUNE_PERIOD;
    }
    return quarter.compareTo(LEAST_PRUNE_PERIOD) < 0 ? LEAST_PRUNE_PERIOD : quarter;
  }

  public Duration prunePeriod() {
    return prunePeriod(retention);
  }

  public Future<Optional<StoredEvent>> one(long id) {
    return pool.preparedQuery(EventSql.ONE).execute(Tuple.of(id))
        .map(rows -> rows.size() == 0 ? Optional.empty() : Optional.of(StoredEvent.from(rows.iterator().next())));
  }

  /** Up to {@code limit} events of a page after {@code after}, oldest first. */
  public Future<List<StoredEvent>> pageAfter(long pageId, long after, int limit) {
    return pool.preparedQuery(EventSql.PAGE_AFTER).execute(Tuple.of(pageId, after, limit)).map(rows -> {
      List<StoredEvent> events = new ArrayList<>(rows.size());
      rows.forEach(row -> events.add(StoredEvent.from(row)));
      return events;
    });
  }

  /** Up to {@code limit} events of any of these sites after {@code after}, oldest first. */
  public Future<List<StoredEvent>> sitesAfter(List<String> siteIds, long after, int limit) {
    return pool.preparedQuery(EventSql.SITES_AFTER).execute(Tuple.of(after, siteIds.toArray(new String[0]), limit))
        .map(rows -> {
          List<StoredEvent> events = new ArrayList<>(rows.size());
          rows.forEach(row -> events.add(StoredEvent.from(row)));
          return events;
        });
  }

  /** The newest event id of all, 0 when there is none. */
  public Future<Long> newest() {
    return pool.query(EventSql.NEWEST).execute().map(rows -> rows.iterator().next().getLong("last"));
  }

  /** The id of a page's row; empty until the page's first comment creates it. */
  public Future<Optional<Long>> pageId(String siteId, String pageKey) {
    return pool.preparedQuery(EventSql.PAGE_BY_KEY).execute(Tuple.of(siteId, pageKey))
        .map(rows -> rows.size() == 0 ? Optional.empty() : Optional.of(rows.iterator().next().getLong("id")));
  }

  /** The newest event id of a page, 0 when it has none. */
  public Future<Long> lastOfPage(long pageId) {
    return pool.preparedQuery(EventSql.LAST_OF_PAGE).execute(Tuple.of(pageId))
        .map(rows -> rows.iterator().next().getLong("last"));
  }

  /** Whether a page can be resumed after {@code since}: that event exists and is within the retention. */
  public Future<Boolean> resumable(long pageId, long since) {
    if (since <= 0) {
      return Future.succeededFuture(false);
    }
    return pool.preparedQuery(EventSql.RESUMABLE).execute(Tuple.of(since, pageId, retentionSeconds()))
        .map(rows -> rows.size() == 1);
  }

  /** Deletes events past the retention; answers how many went (and adds them to {@link #prunedTotal}). */
  public Future<Integer> prune() {
    return pool.preparedQuery(EventSql.PRUNE).execute(Tuple.of(retentionSeconds())).map(rows -> {
      pruned.addAndGet(rows.rowCount());
      return rows.rowCount();
    });
  }

  /** Events this node has pruned since it started. */
  public long prunedTotal() {
    return pruned.get();
  }

  /** How many events the table holds and how old the oldest is: a full count, so not for every request. */
  public Future<OutboxSize> size() {
    return pool.query(EventSql.SIZE).execute().map(rows -> {
      Row row = rows.iterator().next();
      return new OutboxSize(row.getLong("events"), row.getDouble("oldest_seconds"));
    });
  }

  /** The events table's row count and the age of its oldest row (0 when empty). */
  public record OutboxSize(long rows, double oldestAgeSeconds) {
  }

  private double retentionSeconds() {
    return retention.toMillis() / 1000.0;
  }
}
