package dev.hearth.comment;

import dev.hearth.auth.AuthUser;
import dev.hearth.event.EventLog;
import dev.hearth.page.PageRepository;
import dev.hearth.role.StaffBadges;
import dev.hearth.rules.WriteRules;
import dev.hearth.site.Site;
import dev.hearth.site.SiteService;
import dev.hearth.web.ApiError;
import io.vertx.core.Future;
import io.vertx.core.json.JsonObject;
import io.vertx.sqlclient.Pool;
import io.vertx.sqlclient.SqlClient;
import java.time.Duration;
import java.time.Instant;
import java.util.Optional;

/**
 * An author's own changes: editing within the site's window (earlier versions are kept for
 * moderators) and deleting (a comment with replies stays as a placeholder so they keep their
 * place; one without replies disappears from the thread).
 */
public final class CommentEdits {
  private final Pool pool;
  private final SiteService sites;
  private final PageRepository pages;
  private final CommentRepository comments;
  private final CommentAuthors authors;
  private final EventLog events;
  private final StaffBadges staff;
  private final WriteRules rules;

  public CommentEdits(Pool pool, SiteService sites, PageRepository pages, CommentRepository comments,
                      CommentAuthors authors, EventLog events, StaffBadges staff, WriteRules rules) {
    this.staff = staff;
    this.rules = rules;
    this.pool = pool;
    this.sites = sites;
    this.pages = pages;
    this.comments = comments;
    this.authors = authors;
    this.events = events;
  }

  /** Replaces the body of the caller's own comment; returns the comment as now shown. */
  public Future<JsonObject> edit(long id, Optional<String> bearer, CommentEdit edit) {
    String source = edit.body();
    return authors.required(bearer).compose(user -> pool.withTransaction(tx -> lockOwn(tx, id, user)
        .compose(target -> sites.get(target.comment().siteId()).compose(site -> {
          CommentRepository.Changeable old = target.comment();
          if (!"visible".equals(old.status()) && !"pending".equals(old.status())) {
            throw ApiError.conflict("not_editable", "This comment can no longer be edited");
          }
          Duration window = Duration.ofSeconds(site.settings().editWindowSeconds());
          if (old.createdAt().toInstant().plus(window).isBefore(Instant.now())) {
            throw ApiError.forbidden("edit_window_closed",
                "Comments can be edited for " + window.toMinutes() + " minutes after posting");
          }
          NewComment.checkBodyLength(source, site.settings().maxBodyLength());
          rules.checkBannedWords(site, source);
          if (source.equals(old.body())) {
            return Future.succeededFuture(site);
          }
          RenderedBody body = RenderedBody.of(source);
          return comments.saveRevision(tx, old)
              .compose(ignored -> comments.updateBody(tx, id, body))
              .compose(ignored -> pages.recordChange(tx, old.pageId(), 0))
              .compose(ignored -> events.append(tx, site.id(), old.pageId(), "comment.edited", id,
                  new JsonObject().put("commentId", id)))
              .map(site);
        }))))
        .compose(site -> current(site, id));
  }

  /** Deletes the caller's own comment. Deleting twice is not an error (double clicks). */
  public Future<Void> delete(long id, Optional<String> bearer) {
    return authors.required(bearer).compose(user -> pool.withTransaction(tx -> lockOwn(tx, id, user)
        .compose(target -> {
          CommentRepository.Changeable old = target.comment();
          if ("deleted".equals(old.status())) {
            return Future.succeededFuture();
          }
          boolean wasVisible = "visible".equals(old.status());
          Future<Void> counts = pages.recordChange(tx, old.pageId(), wasVisible ? -1 : 0)
              .compose(ignored -> !wasVisible || old.parentId() == null
                  ? Future.<Void>succeededFuture()
                  : comments.addReplyCount(tx, old.parentId(), -1));
          return counts
              .compose(ignored -> comments.setStatus(tx, id, "deleted"))
              .compose(ignored -> events.append(tx, old.siteId(), old.pageId(), "comment.deleted", id,
                  new JsonObject().put("commentId", id)))
              .mapEmpty();
        })));
  }

  /** What a lock on one's own comment found. */
  private record Owned(CommentRepository.Changeable comment) {
  }

  /**
   * Locks the page, then the comment (the same order as posting, so writers never deadlock),
   * and checks the caller wrote it.
   */
  private Future<Owned> lockOwn(SqlClient tx, long id, AuthUser user) {
    return comments.parentState(tx, id).compose(state -> {
      CommentRepository.ParentState found = state.filter(s -> s.siteId().equals(user.siteId()))
          .orElseThrow(() -> ApiError.notFound("comment_not_found", "No comment " + id));
      return pages.lock(tx, found.pageId());
    }).compose(page -> comments.lockForChange(tx, id)).map(locked -> {
      CommentRepository.Changeable comment = locked.orElseThrow(() -> ApiError.notFound("comment_not_found", "No comment " + id));
      if (comment.authorId() != user.id()) {
        throw ApiError.forbidden("not_author", "Only the author can change this comment");
      }
      return new Owned(comment);
    });
  }

  private Future<JsonObject> current(Site site, long id) {
    return comments.find(pool, id).compose(found -> {
      CommentRepository.Located located = found.orElseThrow(() -> ApiError.notFound("comment_not_found", "No comment " + id));
      return pages.findById(pool, located.pageId()).compose(page -> staff.of(site.id()).map(staffBadges ->
          new CommentJson(site.settings().displayDepth(), new Badges(page.authorUserId(), staffBadges))
              .comment(located.comment())));
    });
  }
}
