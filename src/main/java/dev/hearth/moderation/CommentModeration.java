package dev.hearth.moderation;

import dev.hearth.audit.AuditAction;
import dev.hearth.audit.AuditLog;
import dev.hearth.comment.CommentLifecycle;
import dev.hearth.comment.CommentRepository.Changeable;
import dev.hearth.comment.CommentStatus;
import dev.hearth.event.EventKind;
import dev.hearth.role.Actor;
import dev.hearth.web.ApiError;
import io.vertx.core.Future;
import io.vertx.core.json.JsonObject;
import io.vertx.sqlclient.Pool;
import io.vertx.sqlclient.SqlClient;
import io.vertx.sqlclient.Tuple;
import java.util.List;

/**
 * Approving and rejecting comments. Each action dismisses or upholds the open reports, is
 * written to the audit log with an event in one transaction, and repeating it (a double click)
 * changes nothing and answers the same.
 */
public final class CommentModeration {
  private final Pool pool;
  private final CommentLifecycle changes;
  private final AuditLog audit;

  public CommentModeration(Pool pool, CommentLifecycle changes, AuditLog audit) {
    this.pool = pool;
    this.changes = changes;
    this.audit = audit;
  }

  public Future<JsonObject> approve(Actor actor, long commentId, String reason) {
    return pool.withTransaction(tx -> approve(tx, actor, commentId, reason));
  }

  public Future<JsonObject> reject(Actor actor, long commentId, String reason) {
    return pool.withTransaction(tx -> reject(tx, actor, commentId, reason));
  }

  /** Approves or rejects a selection, all or nothing. */
  public Future<JsonObject> bulk(Actor actor, List<Long> ids, boolean approve, String reason) {
    return pool.withTransaction(tx -> {
      Future<JsonObject> chain = Future.succeededFuture();
      for (long id : ids.stream().sorted().toList()) {
        chain = chain.compose(ignored -> approve ? approve(tx, actor, id, reason) : reject(tx, actor, id, reason));
      }
      return chain.map(ignored -> new JsonObject().put("action", approve ? "approve" : "reject").put("count", ids.size()));
    });
  }

  Future<JsonObject> approve(SqlClient tx, Actor actor, long commentId, String reason) {
    return changes.lock(tx, commentId).compose(comment -> {
      checkModeratable(comment);
      boolean wasVisible = comment.status().isVisible();
      Future<Void> status = wasVisible
          ? Future.succeededFuture()
          : changes.apply(tx, comment, CommentStatus.VISIBLE, null, EventKind.COMMENT_APPROVED);
      return status
          .compose(ignored -> tx.preparedQuery(ModerationSql.MARK_APPROVED).execute(Tuple.of(commentId)))
          .compose(ignored -> resolveReports(tx, commentId, "dismissed"))
          // Approving a visible comment with no open report is a repeat: nothing to log.
          .compose(settled -> wasVisible && settled == 0
              ? Future.<Void>succeededFuture()
              : audit.record(tx, comment.siteId(), actor, AuditAction.APPROVE, commentId, comment.authorId(),
                  comment.pageId(), reason))
          .map(ignored -> result(commentId, CommentStatus.VISIBLE));
    });
  }

  Future<JsonObject> reject(SqlClient tx, Actor actor, long commentId, String reason) {
    return changes.lock(tx, commentId).compose(comment -> {
      checkModeratable(comment);
      if (comment.status() == CommentStatus.REJECTED) {
        return Future.succeededFuture(result(commentId, CommentStatus.REJECTED));
      }
      return changes.apply(tx, comment, CommentStatus.REJECTED, reason, EventKind.COMMENT_REJECTED)
          .compose(ignored -> resolveReports(tx, commentId, "upheld"))
          .compose(ignored -> audit.record(tx, comment.siteId(), actor, AuditAction.REJECT, commentId,
              comment.authorId(), comment.pageId(), reason))
          .map(ignored -> result(commentId, CommentStatus.REJECTED));
    });
  }

  private static void checkModeratable(Changeable comment) {
    if (comment.status() == CommentStatus.DELETED) {
      throw ApiError.conflict("comment_deleted", "Its author deleted this comment");
    }
  }

  private Future<Integer> resolveReports(SqlClient tx, long commentId, String outcome) {
    return tx.preparedQuery(ModerationSql.RESOLVE_REPORTS).execute(Tuple.of(commentId, outcome))
        .compose(rows -> tx.preparedQuery(ModerationSql.CLEAR_REPORTS).execute(Tuple.of(commentId))
            .map(rows.rowCount()));
  }

  private static JsonObject result(long commentId, CommentStatus status) {
    return new JsonObject().put("id", commentId).put("status", status.json());
  }
}
