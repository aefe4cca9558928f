package dev.hearth.moderation;

import dev.hearth.audit.AuditAction;
import dev.hearth.audit.AuditLog;
import dev.hearth.role.Actor;
import dev.hearth.web.ApiError;
import io.vertx.core.Future;
import io.vertx.core.json.JsonObject;
import io.vertx.sqlclient.Pool;
import io.vertx.sqlclient.SqlClient;
import io.vertx.sqlclient.Tuple;
import java.util.ArrayList;
import java.util.List;

/** Banning, suspending, unbanning and always pre-moderating a user of a site; each action audited. */
public final class UserModeration {
  private final Pool pool;
  private final CommentModeration comments;
  private final AuditLog audit;

  public UserModeration(Pool pool, CommentModeration comments, AuditLog audit) {
    this.pool = pool;
    this.comments = comments;
    this.audit = audit;
  }

  /** Bans from the site; with {@code rejectComments} every comment of the user still shown or held is rejected. */
  public Future<JsonObject> ban(String siteId, Actor actor, long userId, ModerationRequests.Ban ban) {
    String reason = ban.reason();
    boolean rejectAll = ban.rejectComments();
    return pool.withTransaction(tx -> existing(tx, userId, siteId)
        .compose(ignored -> tx.preparedQuery(ModerationSql.BAN).execute(Tuple.of(userId, siteId, reason)))
        // Banning someone already banned (a double click) changes and logs nothing.
        .compose(changed -> changed.rowCount() == 0 ? Future.<Void>succeededFuture()
            : audit.record(tx, siteId, actor, AuditAction.BAN, null, userId, null, reason))
        .compose(ignored -> rejectAll ? rejectEverything(tx, actor, userId, reason) : Future.succeededFuture(0))
        .map(rejected -> new JsonObject().put("userId", userId).put("banned", true).put("rejectedComments", rejected)));
  }

  public Future<JsonObject> suspend(String siteId, Actor actor, long userId,
                                    ModerationRequests.Suspension suspension) {
    String reason = suspension.reason();
    double seconds = suspension.duration().toSeconds();
    return pool.withTransaction(tx -> existing(tx, userId, siteId)
        .compose(ignored -> tx.preparedQuery(ModerationSql.SUSPEND).execute(Tuple.of(userId, siteId, seconds)))
        .compose(rows -> audit.record(tx, siteId, actor, AuditAction.SUSPEND, null, userId, null, reason)
            .map(ignored -> new JsonObject().put("userId", userId)
                .put("suspendedUntil", rows.iterator().next().getOffsetDateTime("suspended_until").toInstant().toString()))));
  }

  public Future<JsonObject> unban(String siteId, Actor actor, long userId, ModerationRequests.Unban unban) {
    String reason = unban.reason();
    return pool.withTransaction(tx -> existing(tx, userId, siteId)
        .compose(ignored -> tx.preparedQuery(ModerationSql.UNBAN).execute(Tuple.of(userId, siteId)))
        .compose(changed -> changed.rowCount() == 0 ? Future.<Void>succeededFuture()
            : audit.record(tx, siteId, actor, AuditAction.UNBAN, null, userId, null, reason))
        .map(ignored -> new JsonObject().put("userId", userId).put("banned", false)));
  }

  public Future<JsonObject> premoderate(String siteId, Actor actor, long userId,
                                        ModerationRequests.Premoderation premoderation) {
    boolean on = premoderation.on();
    String reason = premoderation.reason();
    return pool.withTransaction(tx -> existing(tx, userId, siteId)
        .compose(ignored -> tx.preparedQuery(ModerationSql.PREMODERATE).execute(Tuple.of(userId, siteId, on)))
        .compose(changed -> changed.rowCount() == 0 ? Future.<Void>succeededFuture()
            : audit.record(tx, siteId, actor, on ? AuditAction.PREMODERATE : AuditAction.STOP_PREMODERATING,
                null, userId, null, reason))
        .map(ignored -> new JsonObject().put("userId", userId).put("premoderated", on)));
  }

  private Future<Integer> rejectEverything(SqlClient tx, Actor actor, long userId, String reason) {
    return tx.preparedQuery(ModerationSql.USER_COMMENTS_TO_REJECT).execute(Tuple.of(userId)).compose(rows -> {
      List<Long> ids = new ArrayList<>();
      rows.forEach(row -> ids.add(row.getLong("id")));
      Future<JsonObject> chain = Future.succeededFuture();
      for (long id : ids) {
        chain = chain.compose(ignored -> comments.reject(tx, actor, id, reason));
      }
      return chain.map(ignored -> ids.size());
    });
  }

  private static Future<Void> existing(SqlClient tx, long userId, String siteId) {
    return tx.preparedQuery(ModerationSql.USER_ON_SITE).execute(Tuple.of(userId, siteId)).map(rows -> {
      if (rows.size() == 0) {
        throw ApiError.notFound("user_not_found", "No user " + userId + " on site " + siteId);
      }
      return null;
    });
  }
}
