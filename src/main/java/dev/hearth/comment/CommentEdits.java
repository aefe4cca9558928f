package dev.hearth.comment;

import dev.hearth.auth.AuthUser;
import dev.hearth.event.EventKind;
import dev.hearth.rules.WriteRules;
import dev.hearth.site.SiteService;
import dev.hearth.web.ApiError;
import io.vertx.core.Future;
import io.vertx.core.json.JsonObject;
import io.vertx.sqlclient.Pool;
import io.vertx.sqlclient.SqlClient;
import java.time.Clock;
import java.time.Duration;
import java.util.Optional;

/**
 * An author's own changes: editing within the site's window (earlier versions are kept for
 * moderators) and deleting (a comment with replies stays as a placeholder so they keep their
 * place; one without replies disappears from the thread).
 */
public final class CommentEdits {
  private final Pool pool;
  private final SiteService sites;
  private final CommentRepository comments;
  private final CommentAuthors authors;
  private final CommentLifecycle lifecycle;
  private final CommentViews views;
  private final WriteRules rules;
  private final Clock clock;

  public CommentEdits(Pool pool, SiteService sites, CommentRepository comments, CommentAuthors authors,
                      CommentLifecycle lifecycle, CommentViews views, WriteRules rules, Clock clock) {
    this.clock = clock;
    this.pool = pool;
    this.sites = sites;
    this.comments = comments;
    this.authors = authors;
    this.lifecycle = lifecycle;
    this.views = views;
    this.rules = rules;
  }

  /** Replaces the body of the caller's own comment; returns the comment as now shown. */
  public Future<JsonObject> edit(long id, Optional<String> bearer, CommentEdit edit) {
    String source = edit.body();
    return authors.required(bearer).compose(user -> pool.withTransaction(tx -> lockOwn(tx, id, user)
        .compose(target -> sites.get(target.comment().siteId()).compose(site -> {
          CommentRepository.Changeable old = target.comment();
          if (!old.status().isEditable()) {
            throw ApiError.conflict("not_editable", "This comment can no longer be edited");
          }
          Duration window = Duration.ofSeconds(site.settings().editWindowSeconds());
          if (old.createdAt().toInstant().plus(window).isBefore(clock.instant())) {
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
              .compose(ignored -> lifecycle.touched(tx, old, EventKind.COMMENT_EDITED))
              .map(site);
        }))))
        .compose(site -> current(id));
  }

  /** Deletes the caller's own comment. Deleting twice is not an error (double clicks). */
  public Future<Void> delete(long id, Optional<String> bearer) {
    return authors.required(bearer).compose(user -> pool.withTransaction(tx -> lockOwn(tx, id, user)
        .compose(target -> {
          CommentRepository.Changeable old = target.comment();
          if (old.status() == CommentStatus.DELETED) {
            return Future.succeededFuture();
          }
          return lifecycle.apply(tx, old, CommentStatus.DELETED, null, EventKind.COMMENT_DELETED);
        })));
  }

  /** What a lock on one's own comment found. */
  private record Owned(CommentRepository.Changeable comment) {
  }

  /** Locks the comment through the lifecycle and checks the caller wrote it (another site's comment is not found). */
  private Future<Owned> lockOwn(SqlClient tx, long id, AuthUser user) {
    return lifecycle.lock(tx, id).map(comment -> {
      if (!comment.siteId().equals(user.siteId())) {
        throw ApiError.notFound("comment_not_found", "No comment " + id);
      }
      if (comment.authorId() != user.id()) {
        throw ApiError.forbidden("not_author", "Only the author can change this comment");
      }
      return new Owned(comment);
    });
  }

  private Future<JsonObject> current(long id) {
    return views.of(id).map(found -> found.map(shown -> shown.json().comment(shown.comment()))
        .orElseThrow(() -> ApiError.notFound("comment_not_found", "No comment " + id)));
  }
}
