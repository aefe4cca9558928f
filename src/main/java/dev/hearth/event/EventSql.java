package dev.hearth.event;

/** SQL for the events outbox: appending (with its notification) and reading. */
final class EventSql {
  private EventSql() {
  }

  /** Appends an event and notifies its id, delivered by PostgreSQL only if the transaction commits. */
  static final String APPEND =
      "with e as (insert into events (site_id, page_id, kind, comment_id, payload) "
          + "values ($1, $2, $3, $4, $5) returning id) "
          + "select e.id, pg_notify('" + EventLog.CHANNEL + "', e.id::text) from e";

  static final String COLUMNS = "e.id, e.site_id, e.page_id, e.kind, e.comment_id, e.created_at, p.key as page_key";

  static final String ONE =
      "select " + COLUMNS + " from events e left join pages p on p.id = e.page_id where e.id = $1";

  /** A page's events after an id, in id order (which is commit order for one page). */
  static final String PAGE_AFTER =
      "select " + COLUMNS + " from events e join pages p on p.id = e.page_id "
          + "where e.page_id = $1 and e.id > $2 order by e.id limit $3";

  /** Events of some sites ($2, text[]) after an id, in id order: catching moderation streams up. */
  static final String SITES_AFTER =
      "select " + COLUMNS + " from events e left join pages p on p.id = e.page_id "
          + "where e.id > $1 and e.site_id = any($2) order by e.id limit $3";

  static final String NEWEST = "select coalesce(max(id), 0) as last from events";

  static final String PAGE_BY_KEY =
      "select id from pages where site_id = $1 and key = $2";

  static final String LAST_OF_PAGE =
      "select coalesce(max(id), 0) as last from events where page_id = $1";

  /** Whether {@code since} can be resumed from: the event exists and is within the retention. */
  static final String RESUMABLE =
      "select id from events where id = $1 and page_id = $2 and created_at > now() - make_interval(secs => $3)";

  /** Deletes the events older than the retention ($1, in seconds). */
  static final String PRUNE =
      "delete from events where created_at < now() - make_interval(secs => $1)";

  /** The table's size for the metrics: a full count, which is why it is read every few seconds at most. */
  static final String SIZE =
      "select count(*) as events, "
          + "coalesce(extract(epoch from now() - min(created_at))::float8, 0) as oldest_seconds from events";
}
