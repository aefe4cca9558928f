package dev.hearth.auth;

import dev.hearth.web.ApiError;
import io.vertx.core.Future;
import io.vertx.core.json.JsonObject;
import io.vertx.sqlclient.Pool;
import io.vertx.sqlclient.SqlClient;
import io.vertx.sqlclient.Tuple;
import java.time.Duration;
import java.util.concurrent.ThreadLocalRandom;

/**
 * Limits on guessing passwords and on creating accounts in bulk. The counts live in
 * PostgreSQL ({@code rate_events}), so every node enforces the same limits.
 *
 * <ul>
 *   <li>5 failed passwords per account in 15 minutes: slows guessing one account to a crawl,
 *       while a person who mistypes a few times is not locked out for long. (Anyone can lock
 *       an account for 15 minutes this way; the price of not letting guesses through.)</li>
 *   <li>20 sign-in attempts per client IP in 15 minutes: stops one address from trying a few
 *       passwords on many accounts, with room for a household or office behind one address.</li>
 *   <li>5 sign-ups per client IP in an hour: enough for a family, not for a spam farm.</li>
 *   <li>10 wrong guesses at the admin token per client IP in 15 minutes (see AdminGuesses):
 *       a generated admin token cannot be guessed anyway; a configured one may be short.</li>
 *   <li>30 anonymous identities per client IP in an hour: a browser keeps its identity, so
 *       this is room for a busy café's readers, while a banned anonymous writer cannot
 *       mint a fresh identity per comment.</li>
 * </ul>
 */
public final class SignInLimits {
  public record Limit(String bucket, int max, Duration window) {
  }

  public static final Limit ACCOUNT_FAILURES = new Limit("login-fail", 5, Duration.ofMinutes(15));
  public static final Limit IP_ATTEMPTS = new Limit("login-ip", 20, Duration.ofMinutes(15));
  public static final Limit IP_SIGNUPS = new Limit("signup-ip", 5, Duration.ofHours(1));
  public static final Limit ADMIN_GUESSES = new Limit("admin-guess-ip", 10, Duration.ofMinutes(15));
  public static final Limit IP_ANONYMOUS = new Limit("anonymous-ip", 30, Duration.ofHours(1));

  /** Rows older than the longest window count for nothing; one write in 50 prunes them. */
  private static final Duration KEEP = Duration.ofHours(1);
  private static final int PRUNE_ONE_IN = 50;

  /**
   * Counts one attempt, or fails with 429 rate_limited when the bucket is full. Checking and
   * counting happen under a lock on the bucket, so a burst of parallel requests (on any
   * number of nodes) cannot all pass the check before any of them is counted.
   */
  public Future<Void> take(Pool pool, Limit limit, String key) {
    return pool.withTransaction(tx -> tx.preparedQuery(RateLimitSql.LOCK_RATE_BUCKET)
        .execute(Tuple.of(bucket(limit, key)))
        .compose(ignored -> check(tx, limit, key))
        .compose(ignored -> record(tx, limit, key)));
  }

  private Future<Void> check(SqlClient client, Limit limit, String key) {
    return client.preparedQuery(RateLimitSql.COUNT_RATE_EVENTS)
        .execute(Tuple.of(bucket(limit, key), limit.window().toSeconds()))
        .map(rows -> {
          var row = rows.iterator().next();
          if (row.getInteger("n") >= limit.max()) {
            long retryAfter = Math.max(1, row.getInteger("retry_after"));
            throw new ApiError(429, "rate_limited",
                "Too many attempts; try again in " + retryAfter + " seconds",
                new JsonObject().put("retryAfter", retryAfter));
          }
          return null;
        });
  }

  private Future<Void> record(SqlClient client, Limit limit, String key) {
    Future<Void> inserted = client.preparedQuery(RateLimitSql.INSERT_RATE_EVENT)
        .execute(Tuple.of(bucket(limit, key))).mapEmpty();
    if (ThreadLocalRandom.current().nextInt(PRUNE_ONE_IN) != 0) {
      return inserted;
    }
    return inserted.compose(ignored -> client.preparedQuery(RateLimitSql.PRUNE_RATE_EVENTS)
        .execute(Tuple.of(KEEP.toSeconds())).mapEmpty());
  }

  /** Forgets the bucket: a right password clears the account's failures. */
  public Future<Void> clear(SqlClient client, Limit limit, String key) {
    return client.preparedQuery(RateLimitSql.CLEAR_RATE_EVENTS).execute(Tuple.of(bucket(limit, key))).mapEmpty();
  }

  private static String bucket(Limit limit, String key) {
    return limit.bucket() + ":" + key;
  }
}
