package dev.hearth.event;

import io.vertx.sqlclient.Row;

/** An events row as its followers read it: which event, of which site, page and comment. */
public record StoredEvent(long id, String siteId, Long pageId, String pageKey, String kind, Long commentId) {

  static StoredEvent from(Row row) {
    return new StoredEvent(row.getLong("id"), row.getString("site_id"), row.getLong("page_id"),
        row.getString("page_key"), row.getString("kind"), row.getLong("comment_id"));
  }
}
