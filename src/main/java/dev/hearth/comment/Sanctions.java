package dev.hearth.comment;

import dev.hearth.web.ApiError;
import io.vertx.core.Future;
import io.vertx.core.json.JsonObject;
import io.vertx.sqlclient.Row;
import io.vertx.sqlclient.SqlClient;
import io.vertx.sqlclient.Tuple;
import java.time.OffsetDateTime;

/**
 * Bans and suspensions, enforced at write time: a banned or suspended user's token still
 * reads, but cannot post, edit or delete. A suspension ends by itself when its time is up.
 */
public final class Sanctions {

  /** Fails with 403 {@code banned} or {@code suspended} when the user may not write now. */
  public Future<Void> checkMayWrite(SqlClient client, long userId) {
    return client.preparedQuery(CommentSql.SANCTION_STATE).execute(Tuple.of(userId)).map(rows -> {
      if (rows.size() == 0) {
        return null;
      }
      Row row = rows.iterator().next();
      if (row.getOffsetDateTime("banned_at") != null) {
        String reason = row.getString("ban_reason");
        throw new ApiError(403, "banned", "You are banned from commenting on this site"
            + (reason == null || reason.isBlank() ? "" : ": " + reason), null);
      }
      OffsetDateTime until = row.getOffsetDateTime("suspended_until");
      if (until != null && until.isAfter(row.getOffsetDateTime("now"))) {
        throw new ApiError(403, "suspended", "You are suspended from commenting until " + until.toInstant(),
            new JsonObject().put("until", until.toInstant().toString()));
      }
      return null;
    });
  }
}
