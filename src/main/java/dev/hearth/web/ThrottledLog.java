package dev.hearth.web;

import java.util.concurrent.atomic.AtomicLong;
import java.util.logging.Logger;

/**
 * A warning that may come thousands of times a second (every request while the database is
 * down): the first of each second is written, with how many were left out before it.
 */
final class ThrottledLog {
  private static final long EVERY_NANOS = 1_000_000_000L;

  private final Logger log;
  private final String prefix;
  private final AtomicLong lastWritten = new AtomicLong(System.nanoTime() - EVERY_NANOS);
  private final AtomicLong skipped = new AtomicLong();

  ThrottledLog(Logger log, String prefix) {
    this.log = log;
    this.prefix = prefix;
  }

  void log(String message) {
    long now = System.nanoTime();
    long last = lastWritten.get();
    if (now - last < EVERY_NANOS || !lastWritten.compareAndSet(last, now)) {
      skipped.incrementAndGet();
      return;
    }
    long left = skipped.getAndSet(0);
    log.warning(prefix + " " + message + (left == 0 ? "" : " (and " + left + " more like it in the last second or more)"));
  }
}
