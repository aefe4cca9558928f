package dev.hearth.audit;

import dev.hearth.role.Actor;
import dev.hearth.web.JsonTime;
import io.vertx.core.Future;
import io.vertx.core.json.JsonArray;
import io.vertx.core.json.JsonObject;
import io.vertx.sqlclient.Pool;
import io.vertx.sqlclient.SqlClient;
import io.vertx.sqlclient.Tuple;

/** Who did what to which comment, user or page, why and when; written in the action's transaction. */
public final class AuditLog {
  private final Pool pool;

  public AuditLog(Pool pool) {
    this.pool = pool;
  }

  public Future<Void> record(SqlClient tx, String siteId, Actor actor, AuditAction action, Long commentId, Long userId,
                             Long pageId, String reason) {
    return tx.preparedQuery(AuditSql.AUDIT).execute(Tuple.tuple()
        .addString(siteId).addLong(actor.userId().orElse(null)).addBoolean(actor.admin()).addString(action.json())
        .addLong(commentId).addLong(userId).addLong(pageId).addString(reason)).mapEmpty();
  }

  /** Newest first; filters by action and actor (either may be null); cursor is the last id seen. */
  public Future<JsonObject> list(String siteId, AuditAction action, Long actorId, long before, int limit) {
    return pool.preparedQuery(AuditSql.LOG)
        .execute(Tuple.tuple().addString(siteId).addLong(before).addString(action == null ? null : action.json())
            .addLong(actorId).addInteger(limit + 1))
        .map(rows -> {
          JsonArray entries = new JsonArray();
          Long last = null;
          int count = 0;
          for (var row : rows) {
            if (++count > limit) {
              break;
            }
            last = row.getLong("id");
            entries.add(new JsonObject()
                .put("id", last)
                .put("action", row.getString("action"))
                .put("actor", new JsonObject().put("userId", row.getLong("actor_user_id"))
                    .put("name", row.getBoolean("actor_admin") ? "admin" : row.getString("actor_name")))
                .put("commentId", row.getLong("target_comment_id"))
                .put("userId", row.getLong("target_user_id"))
                .put("page", row.getString("page_key"))
                .put("reason", row.getString("reason"))
                .put("at", JsonTime.of(row.getOffsetDateTime("created_at"))));
          }
          return new JsonObject().put("entries", entries)
              .put("nextCursor", rows.size() > limit && last != null ? String.valueOf(last) : null);
        });
  }
}
