package dev.hearth.page;

import io.vertx.core.Future;
import io.vertx.sqlclient.Row;
import io.vertx.sqlclient.RowSet;
import io.vertx.sqlclient.SqlClient;
import io.vertx.sqlclient.Tuple;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;

/** Reads and writes pages. */
public final class PageRepository {

  /** Finds or creates the page and locks its row for the rest of the transaction. */
  public Future<Page> upsertLocked(SqlClient tx, String siteId, String key, String url, String title) {
    return tx.preparedQuery(PageSql.UPSERT_LOCKED).execute(Tuple.of(siteId, key, url, title))
        .map(rows -> toPage(rows.iterator().next()));
  }

  public Future<Optional<Page>> find(SqlClient client, String siteId, String key) {
    return client.preparedQuery(PageSql.FIND).execute(Tuple.of(siteId, key)).map(PageRepository::first);
  }

  public Future<Page> findById(SqlClient client, long pageId) {
    return client.preparedQuery(PageSql.FIND_BY_ID).execute(Tuple.of(pageId)).map(rows -> toPage(rows.iterator().next()));
  }

  /** Locks the page row: every change to a page's comments takes this lock first. */
  public Future<Page> lock(SqlClient tx, long pageId) {
    return tx.preparedQuery(PageSql.FIND_BY_ID_LOCKED).execute(Tuple.of(pageId)).map(rows -> toPage(rows.iterator().next()));
  }

  public Future<Void> setClosed(SqlClient tx, long pageId, boolean closed) {
    return tx.preparedQuery(PageSql.SET_CLOSED).execute(Tuple.of(pageId, closed)).mapEmpty();
  }

  public Future<Void> setPremoderated(SqlClient tx, long pageId, boolean premoderated) {
    return tx.preparedQuery(PageSql.SET_PREMODERATED).execute(Tuple.of(pageId, premoderated)).mapEmpty();
  }

  public Future<Void> setAuthor(SqlClient tx, long pageId, Long userId) {
    return tx.preparedQuery(PageSql.SET_AUTHOR).execute(Tuple.of(pageId, userId)).mapEmpty();
  }

  /**
   * Notes a change to the page's comments: bumps its version (which invalidates cached
   * renderings on every node) and adjusts the visible count (+1 new, -1 removed, 0 edited).
   */
  public Future<Void> recordChange(SqlClient tx, long pageId, int visibleDelta) {
    return tx.preparedQuery(PageSql.RECORD_CHANGE).execute(Tuple.of(pageId, visibleDelta)).mapEmpty();
  }

  public Future<Map<String, Integer>> counts(SqlClient client, String siteId, List<String> keys) {
    return client.preparedQuery(PageSql.COUNTS)
        .execute(Tuple.tuple().addString(siteId).addArrayOfString(keys.toArray(String[]::new)))
        .map(rows -> {
          Map<String, Integer> counts = new HashMap<>();
          rows.forEach(row -> counts.put(row.getString("key"), row.getInteger("comment_count")));
          return counts;
        });
  }

  private static Optional<Page> first(RowSet<Row> rows) {
    return rows.size() == 0 ? Optional.empty() : Optional.of(toPage(rows.iterator().next()));
  }

  static Page toPage(Row row) {
    return new Page(row.getLong("id"), row.getString("site_id"), row.getString("key"), row.getString("url"),
        row.getString("title"), row.getBoolean("closed"), row.getInteger("comment_count"),
        row.getLong("author_user_id"), row.getOffsetDateTime("first_comment_at"), row.getLong("version"),
        row.getBoolean("premoderated"));
  }
}
