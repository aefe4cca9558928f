package dev.hearth.auth;

/** SQL for the shared attempt counters ({@code rate_events}) behind {@link SignInLimits}. */
final class RateLimitSql {
  private RateLimitSql() {
  }

  static final String COUNT_RATE_EVENTS =
      "select count(*)::int as n, "
          + "coalesce(ceil(extract(epoch from min(at) + $2 * interval '1 second' - now())), 0)::int as retry_after "
          + "from rate_events where bucket = $1 and at > now() - $2 * interval '1 second'";

  static final String LOCK_RATE_BUCKET = "select pg_advisory_xact_lock(hashtextextended($1, 0))";

  static final String INSERT_RATE_EVENT =
      "insert into rate_events (bucket) values ($1)";

  static final String CLEAR_RATE_EVENTS =
      "delete from rate_events where bucket = $1";

  static final String PRUNE_RATE_EVENTS =
      "delete from rate_events where at < now() - $1 * interval '1 second'";
}
