package dev.hearth.event;

import io.vertx.core.Future;
import io.vertx.core.json.JsonObject;
import io.vertx.sqlclient.SqlClient;
import io.vertx.sqlclient.Tuple;

/**
 * Appends to the events outbox inside the caller's transaction and notifies listeners with
 * the event id only: the row is the truth, the notification just says "look". NOTIFY is
 * delivered at commit, so nobody hears of an event that was rolled back.
 */
public final class EventLog {
  public static final String CHANNEL = "hearth_events";

  public Future<Long> append(SqlClient tx, String siteId, Long pageId, EventKind kind, Long commentId,
                             JsonObject payload) {
    return tx.preparedQuery(EventSql.APPEND).execute(Tuple.of(siteId, pageId, kind.json(), commentId, payload))
        .map(rows -> rows.iterator().next().getLong("id"));
  }
}
