package dev.hearth.moderation;

import dev.hearth.comment.CommentRepository;
import dev.hearth.comment.CommentRepository.Changeable;
import dev.hearth.comment.CommentStatus;
import dev.hearth.event.EventKind;
import dev.hearth.event.EventLog;
import dev.hearth.page.PageRepository;
import dev.hearth.web.ApiError;
import io.vertx.core.Future;
import io.vertx.core.json.JsonObject;
import io.vertx.sqlclient.SqlClient;
import io.vertx.sqlclient.Tuple;

/**
 * Moves a comment between statuses inside the caller's transaction, keeping what depends on
 * visibility true: the page's count and version, the parent's reply count, and an event for
 * the live hub. The page row is locked first, as every writer does, so events commit in order.
 */
public final class StatusChanges {
  private final PageRepository pages;
  private final CommentRepository comments;
  private final EventLog events;

  public StatusChanges(PageRepository pages, CommentRepository comments, EventLog events) {
    this.pages = pages;
    this.comments = comments;
    this.events = events;
  }

  /** Locks the comment's page, then the comment, and returns it. */
  public Future<Changeable> lock(SqlClient tx, long commentId) {
    return comments.parentState(tx, commentId).compose(state -> {
      CommentRepository.ParentState found = state
          .orElseThrow(() -> ApiError.notFound("comment_not_found", "No comment " + commentId));
      return pages.lock(tx, found.pageId());
    }).compose(page -> comments.lockForChange(tx, commentId))
        .map(found -> found.orElseThrow(() -> ApiError.notFound("comment_not_found", "No comment " + commentId)));
  }

  /** Sets the status (and the reason its author is shown), adjusts counts, appends the event. */
  public Future<Void> apply(SqlClient tx, Changeable comment, CommentStatus status, String reason,
                            EventKind eventKind) {
    boolean wasVisible = comment.status().isVisible();
    boolean isVisible = status.isVisible();
    int delta = wasVisible == isVisible ? 0 : isVisible ? 1 : -1;
    Future<Void> parent = delta == 0 || comment.parentId() == null
        ? Future.succeededFuture()
        : comments.addReplyCount(tx, comment.parentId(), delta);
    return parent
        .compose(ignored -> pages.recordChange(tx, comment.pageId(), delta))
        .compose(ignored -> tx.preparedQuery(ModerationSql.SET_STATUS)
            .execute(Tuple.of(comment.id(), status.json(), reason)))
        .compose(ignored -> events.append(tx, comment.siteId(), comment.pageId(), eventKind, comment.id(),
            new JsonObject().put("commentId", comment.id()).put("status", status.json())))
        .mapEmpty();
  }
}
