package dev.hearth.flood;

/** SQL for flood control. */
final class FloodSql {
  private FloodSql() {
  }

  static final String INSERT_KEY =
      "insert into instance_keys (name, key) values ($1, $2) on conflict (name) do nothing";

  static final String SELECT_KEY = "select key from instance_keys where name = $1";

  /** Waits for other comment transactions of the same writer or address (released at commit). */
  static final String LOCK = "select pg_advisory_xact_lock($1)";

  /**
   * What the limits need to know about a writer ($1 user id, may be null) and an address
   * ($2 site, $3 address hash), and the newest recent comment with the same text ($4 body,
   * $5 window in seconds; $6 true to match by author only). Ages are in seconds, measured
   * with clock_timestamp(): after waiting for a lock, a comment committed meanwhile may be
   * stamped later than this transaction's now(). Every subquery is one short index range scan.
   */
  static final String STATE =
      "select extract(epoch from clock_timestamp() - (select created_at from users where id = $1))::float8 as user_age, "
          + "extract(epoch from clock_timestamp() - (select max(created_at) from comments where author_id = $1))::float8 "
          + "as since_user, "
          + "(select count(*) from comments where author_id = $1 and created_at > now() - interval '1 day')::int "
          + "as user_last_day, "
          + "extract(epoch from clock_timestamp() - (select max(created_at) from comments "
          + "where site_id = $2 and author_ip_hash = $3))::float8 as since_address, "
          + "coalesce("
          + "(select id from comments where author_id = $1 and created_at > now() - $5 * interval '1 second' "
          + "and status <> 'deleted' and body = $4 order by created_at desc limit 1), "
          + "(select id from comments where site_id = $2 and author_ip_hash = $3 and not $6 "
          + "and created_at > now() - $5 * interval '1 second' and status <> 'deleted' and body = $4 "
          + "order by created_at desc limit 1)) as duplicate_of";
}
