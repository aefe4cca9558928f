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

  public Future<Map<String, Integer>> counts(SqlClient client, String siteId, List<String> keys) {
    return client.preparedQuery(PageSql.COUNTS).execute(Tuple.tuple().addString(siteId).addArrayOfString(keys.toArray(String[]::new)))
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
        row.getString("title"), row.getBoolean("closed"), row.getInteger("comment_count"));
  }
}
