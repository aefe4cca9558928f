package dev.hearth.db;

import java.time.Duration;

/**
 * How much of the database one node may use, and how long a request may wait for it: at most
 * {@code size} connections; a request that finds them all busy waits at most {@code maxWait}
 * among at most {@code waitQueue} others, and past either bound it is refused at once with
 * 503 busy instead of queueing without end; a statement runs at most {@code statementTimeout}
 * on the server.
 */
public record PoolLimits(int size, Duration maxWait, int waitQueue, Duration statementTimeout) {
  public static final PoolLimits DEFAULT =
      new PoolLimits(16, Duration.ofSeconds(5), 1_000, Duration.ofSeconds(10));
}
