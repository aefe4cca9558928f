package dev.hearth.metrics;

import dev.hearth.event.EventFeed;
import io.micrometer.core.instrument.FunctionCounter;
import io.micrometer.core.instrument.Gauge;
import io.micrometer.core.instrument.MeterRegistry;
import io.vertx.core.Future;
import java.util.concurrent.TimeUnit;
import java.util.function.LongSupplier;
import java.util.logging.Level;
import java.util.logging.Logger;

/**
 * The events outbox as gauges. Counting its rows reads the whole table, so the count is taken
 * at most every {@link #MAX_AGE_SECONDS} seconds and only when someone scrapes; a scrape that
 * comes while a count runs gets the previous figures rather than waiting or counting again.
 * After a failed count (the database gone) the figures read NaN, not a stale number.
 */
final class OutboxGauges {
  static final long MAX_AGE_SECONDS = 5;
  private static final Logger LOG = Logger.getLogger(OutboxGauges.class.getName());

  private final EventFeed feed;
  private final LongSupplier nanoTime;
  private volatile double rows = Double.NaN;
  private volatile double oldestAgeSeconds = Double.NaN;
  private boolean counting;
  private long countedAt;
  private boolean counted;

  OutboxGauges(EventFeed feed, MeterRegistry registry, LongSupplier nanoTime) {
    this.feed = feed;
    this.nanoTime = nanoTime;
    Gauge.builder("hearth.events.rows", this, gauges -> gauges.rows)
        .description("Rows in the events outbox (counted at most every " + MAX_AGE_SECONDS + " s)")
        .register(registry);
    Gauge.builder("hearth.events.oldest.age", this, gauges -> gauges.oldestAgeSeconds)
        .baseUnit("seconds")
        .description("Age of the oldest row in the events outbox; pruning keeps it near the retention")
        .register(registry);
    Gauge.builder("hearth.events.retention", feed, events -> events.retention().toSeconds())
        .baseUnit("seconds")
        .description("How long events are kept for resuming (HEARTH_EVENT_RETENTION_MINUTES)")
        .register(registry);
    FunctionCounter.builder("hearth.events.pruned", feed, EventFeed::prunedTotal)
        .description("Events this node deleted from the outbox past the retention")
        .register(registry);
  }

  /** Counts the outbox again unless the last count is recent or one is running. */
  Future<Void> refresh() {
    synchronized (this) {
      long now = nanoTime.getAsLong();
      if (counting || (counted && now - countedAt < TimeUnit.SECONDS.toNanos(MAX_AGE_SECONDS))) {
        return Future.succeededFuture();
      }
      counting = true;
      countedAt = now;
    }
    return feed.size()
        .map(size -> {
          rows = size.rows();
          oldestAgeSeconds = size.oldestAgeSeconds();
          return (Void) null;
        })
        .recover(failure -> {
          LOG.log(Level.FINE, "Could not count the events outbox", failure);
          rows = Double.NaN;
          oldestAgeSeconds = Double.NaN;
          return Future.<Void>succeededFuture();
        })
        .onComplete(done -> {
          synchronized (this) {
            counting = false;
            counted = true;
          }
        });
  }
}
