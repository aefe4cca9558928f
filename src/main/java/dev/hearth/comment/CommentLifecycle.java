package dev.hearth.comment;

import dev.hearth.comment.CommentRepository.Changeable;
import dev.hearth.event.EventKind;
import dev.hearth.event.EventLog;
import dev.hearth.page.Page;
import dev.hearth.page.PageRepository;
import dev.hearth.web.ApiError;
import io.vertx.core.Future;
import io.vertx.core.json.JsonObject;
import io.vertx.sqlclient.SqlClient;

/**
 * The one way an existing comment changes, inside the caller's transaction: lock its page,
 * then the comment (the order every writer takes, so writers never deadlock and a page's
 * events commit in id order), change it, and append the event, keeping what depends on
 * visibility true (the page's count and version, the parent's reply count). Moderators'
 * decisions, reports that hide, authors' edits and deletes, and votes all go through here.
 */
public final class CommentLifecycle {
  private final PageRepository pages;
  private final CommentRepository comments;
  private final EventLog events;

  public CommentLifecycle(PageRepository pages, CommentRepository comments, EventLog events) {
    this.pages = pages;
    this.comments = comments;
    this.events = events;
  }

  /** A comment locked for change, with its page as locked. */
  public record Locked(Page page, Changeable comment) {
  }

  /** Locks the comment's page, then the comment; 404 {@code comment_not_found}. */
  public Future<Locked> lockWithPage(SqlClient tx, long commentId) {
    return comments.parentState(tx, commentId).compose(state -> {
      CommentRepository.ParentState found = state
          .orElseThrow(() -> ApiError.notFound("comment_not_found", "No comment " + commentId));
      return pages.lock(tx, found.pageId());
    }).compose(page -> comments.lockForChange(tx, commentId).map(found -> new Locked(page,
        found.orElseThrow(() -> ApiError.notFound("comment_not_found", "No comment " + commentId)))));
  }

  /** Locks the comment's page, then the comment, and returns the comment. */
  public Future<Changeable> lock(SqlClient tx, long commentId) {
    return lockWithPage(tx, commentId).map(Locked::comment);
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
        .compose(ignored -> comments.setStatus(tx, comment.id(), status, reason))
        .compose(ignored -> events.append(tx, comment.siteId(), comment.pageId(), eventKind, comment.id(),
            new JsonObject().put("commentId", comment.id()).put("status", status.json())))
        .mapEmpty();
  }

  /**
   * A change that leaves the status as it is (a new body, a new score): the page's version
   * moves, so cached threads refresh, and readers hear of it.
   */
  public Future<Void> touched(SqlClient tx, Changeable comment, EventKind eventKind) {
    return pages.recordChange(tx, comment.pageId(), 0)
        .compose(ignored -> events.append(tx, comment.siteId(), comment.pageId(), eventKind, comment.id(),
            new JsonObject().put("commentId", comment.id())))
        .mapEmpty();
  }
}
