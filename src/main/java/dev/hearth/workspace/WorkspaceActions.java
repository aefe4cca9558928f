package dev.hearth.workspace;

import dev.hearth.comment.CommentStatus;
import dev.hearth.moderation.CommentModeration;
import dev.hearth.moderation.ModerationRequests;
import dev.hearth.moderation.ModerationTargets;
import dev.hearth.moderation.Queue;
import dev.hearth.moderation.UserModeration;
import dev.hearth.role.Actor;
import dev.hearth.web.ApiError;
import dev.hearth.web.PathIds;
import dev.hearth.web.Responses;
import io.vertx.core.Future;
import io.vertx.core.json.JsonObject;
import io.vertx.ext.web.Router;
import io.vertx.ext.web.RoutingContext;
import java.util.List;

/**
 * The workspace's actions as plain form posts: each checks Origin and the CSRF token, finds
 * the site its target belongs to, requires the moderator role there, acts through the
 * moderation services, then redirects back to the queue (303), or answers {ok, status} to
 * the page's script.
 */
final class WorkspaceActions {
  private final ModerationTargets targets;
  private final CommentModeration comments;
  private final UserModeration users;
  private final Sessions sessions;
  private final CsrfGuard csrf;
  private final Pages pages;

  WorkspaceActions(WorkspaceWiring wiring, Sessions sessions, CsrfGuard csrf, Pages pages) {
    this.targets = wiring.targets();
    this.comments = wiring.comments();
    this.users = wiring.users();
    this.sessions = sessions;
    this.csrf = csrf;
    this.pages = pages;
  }

  void mount(Router router) {
    router.post("/moderate/comments/bulk").handler(this::bulk);
    router.post("/moderate/comments/:id/approve").handler(ctx -> decide(ctx, true));
    router.post("/moderate/comments/:id/reject").handler(ctx -> decide(ctx, false));
    router.post("/moderate/users/:id/ban").handler(this::ban);
  }

  /** POST /moderate/comments/{id}/approve|reject (form: csrf, queue, reason?) → 303 to the queue, or {ok, status}. */
  private void decide(RoutingContext ctx, boolean approve) {
    long id = PathIds.positive(ctx, "id", "comment_not_found");
    act(ctx, (form, moderator) -> targets.siteOfComment(id)
        .compose(site -> actor(moderator, site).compose(actor -> approve
            ? comments.approve(actor, id, form.reason())
            : comments.reject(actor, id, form.reason()))
            .map(result -> new Done(site, result.getString("status")))));
  }

  /** POST /moderate/users/{id}/ban (form: csrf, queue, reason?, rejectComments?) → 303 to the queue, or {ok, status}. */
  private void ban(RoutingContext ctx) {
    long id = PathIds.positive(ctx, "id", "user_not_found");
    act(ctx, (form, moderator) -> targets.siteOfUser(id)
        .compose(site -> actor(moderator, site).compose(actor -> {
          if (actor.userId().map(me -> me == id).orElse(false)) {
            throw ApiError.forbidden("forbidden", "You cannot sanction yourself");
          }
          boolean rejectComments = form.checked("rejectComments");
          return users.ban(site, actor, id, new ModerationRequests.Ban(form.reason(), rejectComments));
        }).map(result -> new Done(site, "banned"))));
  }

  /** POST /moderate/comments/bulk (form: csrf, site, queue, action=approve|reject, id (repeated), reason?) → 303 or {ok, status}. */
  private void bulk(RoutingContext ctx) {
    act(ctx, (form, moderator) -> {
      String site = form.text("site");
      String action = form.text("action");
      if (!action.equals("approve") && !action.equals("reject")) {
        throw ApiError.invalidField("action", "must be approve or reject");
      }
      List<Long> ids = form.all("id", 200).stream().map(WorkspaceActions::number).distinct().toList();
      if (ids.isEmpty()) {
        throw ApiError.invalidField("id", "select at least one comment");
      }
      return actor(moderator, site).compose(actor -> targets.allOnSite(ids, site)
          .compose(ok -> comments.bulk(actor, ids, action.equals("approve"), form.reason())))
          .map(result -> new Done(site,
              (action.equals("approve") ? CommentStatus.VISIBLE : CommentStatus.REJECTED).json()));
    });
  }

  private interface Action {
    Future<Done> run(Form form, Moderator moderator);
  }

  private record Done(String site, String status) {
  }

  /** The checks every action shares, then the answer: a redirect for forms, JSON for the script. */
  private void act(RoutingContext ctx, Action action) {
    sessions.of(ctx).compose(found -> {
      csrf.checkOrigin(ctx);
      Form form = Form.of(ctx);
      Moderator moderator = found.orElseThrow(() -> ApiError.unauthorized("Sign in to the workspace first"));
      csrf.check(ctx, moderator.token(), form.text(CsrfGuard.FIELD));
      Queue queue = Queue.find(form.text("queue")).orElse(Queue.REPORTED);
      return action.run(form, moderator).map(done -> {
        if (Pages.wantsJson(ctx)) {
          Responses.ok(ctx, new JsonObject().put("ok", true).put("status", done.status()));
        } else {
          ctx.response().setStatusCode(303).putHeader("location", QueueView.queueHref(done.site(), queue)).end();
        }
        return null;
      });
    }).onFailure(failure -> pages.failed(ctx, failure));
  }

  private Future<Actor> actor(Moderator moderator, String site) {
    return sessions.actor(moderator, site);
  }


  private static long number(String raw) {
    try {
      return Long.parseLong(raw);
    } catch (NumberFormatException e) {
      throw ApiError.invalidField("id", "not a comment id: " + raw);
    }
  }
}
