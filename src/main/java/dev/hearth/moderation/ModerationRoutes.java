package dev.hearth.moderation;

import dev.hearth.audit.AuditAction;
import dev.hearth.audit.AuditLog;
import dev.hearth.auth.BearerToken;
import dev.hearth.comment.CommentStatus;
import dev.hearth.role.Actor;
import dev.hearth.role.Role;
import dev.hearth.role.SiteAccess;
import dev.hearth.web.ApiError;
import dev.hearth.web.JsonBody;
import dev.hearth.web.JsonFields;
import dev.hearth.web.PathIds;
import dev.hearth.web.QueryParams;
import dev.hearth.web.Responses;
import io.vertx.core.json.JsonObject;
import io.vertx.ext.web.Router;
import io.vertx.ext.web.RoutingContext;
import java.util.List;

/**
 * Reports (any signed-in reader) and the moderators' API. Every moderator route finds the site
 * its target belongs to and checks the moderator role there, on the server.
 */
public final class ModerationRoutes {
  private final ModerationTargets targets;
  private final SiteAccess access;
  private final ReportService reports;
  private final CommentModeration comments;
  private final UserModeration users;
  private final ModerationQueue queue;
  private final AuditLog audit;

  public ModerationRoutes(ModerationTargets targets, SiteAccess access, ReportService reports, CommentModeration comments,
                          UserModeration users, ModerationQueue queue, AuditLog audit) {
    this.targets = targets;
    this.access = access;
    this.reports = reports;
    this.comments = comments;
    this.users = users;
    this.queue = queue;
    this.audit = audit;
  }

  public void mount(Router router) {
    router.post("/api/v1/comments/:id/reports").handler(this::report);
    router.get("/api/v1/comments/:id/status").handler(this::status);
    router.get("/api/v1/moderation/queue").handler(this::queue);
    router.post("/api/v1/moderation/comments/bulk").handler(this::bulk);
    for (String action : List.of("approve", "reject")) {
      router.post("/api/v1/moderation/comments/:id/" + action).handler(ctx -> decide(ctx, action));
    }
    for (String action : List.of("ban", "suspend", "unban", "premoderate")) {
      router.post("/api/v1/moderation/users/:id/" + action).handler(ctx -> sanction(ctx, action));
    }
    router.get("/api/v1/moderation/log").handler(this::log);
  }

  /** POST /api/v1/comments/{id}/reports {reason, note?} (a user's token) → 201 {commentId, reported}. */
  private void report(RoutingContext ctx) {
    long id = PathIds.positive(ctx, "id", "comment_not_found");
    ModerationRequests.Report report = ModerationRequests.Report.from(JsonBody.read(ctx));
    Responses.respond(ctx, 201, reports.report(id, BearerToken.of(ctx), report));
  }

  /**
   * GET /api/v1/comments/{id}/status (its author's token, or staff) → {id, status, heldForReview,
   * reason}: tells a writer whether their comment is shown, held or removed, and why.
   */
  private void status(RoutingContext ctx) {
    long id = PathIds.positive(ctx, "id", "comment_not_found");
    Responses.respond(ctx, 200, targets.fateOf(id)
        .compose(fate -> {
          return access.actor(ctx, fate.siteId()).map(actor -> {
            Actor who = actor.orElseThrow(() -> ApiError.unauthorized("Send the token you wrote the comment with"));
            boolean mine = who.userId().map(me -> me.equals(fate.authorId())).orElse(false);
            if (!mine && !who.has(Role.MODERATOR)) {
              throw ApiError.forbidden("not_author", "Only its author and the site's moderators may see this");
            }
            CommentStatus status = CommentStatus.from(fate.status());
            boolean held = status == CommentStatus.PENDING;
            String reason = held ? "Waiting for a moderator's review"
                : status.carriesModerationReason() ? fate.moderationReason() : null;
            return new JsonObject().put("id", id).put("status", status.json())
                .put("heldForReview", held).put("reason", reason);
          });
        }));
  }

  /** GET /api/v1/moderation/queue?site=S&queue=reported|pending|hidden|rejected|approved[&page=K][&cursor][&limit] (moderator). */
  private void queue(RoutingContext ctx) {
    QueryParams params = QueryParams.of(ctx, "site", "queue", "page", "cursor", "limit");
    String site = params.required("site");
    Queue name = params.optional("queue").map(Queue::parse).orElse(Queue.REPORTED);
    int limit = params.integer("limit", 20, 1, 100);
    Responses.respond(ctx, 200, access.require(ctx, site, Role.MODERATOR)
        .compose(actor -> queue.list(site, name, params.optional("page"), params.optional("cursor"), limit)));
  }

  /** POST /api/v1/moderation/comments/{id}/approve|reject {reason?} (moderator of its site) → {id, status}. */
  private void decide(RoutingContext ctx, String action) {
    long id = PathIds.positive(ctx, "id", "comment_not_found");
    JsonFields body = optionalBody(ctx);
    body.allowOnly("reason");
    String reason = ModerationRequests.reason(body);
    Responses.respond(ctx, 200, targets.siteOfComment(id)
        .compose(site -> access.require(ctx, site, Role.MODERATOR))
        .compose(actor -> action.equals("approve")
            ? comments.approve(actor, id, reason)
            : comments.reject(actor, id, reason)));
  }

  /** POST /api/v1/moderation/comments/bulk {site, ids: [..], action: approve|reject, reason?} (moderator). */
  private void bulk(RoutingContext ctx) {
    JsonFields body = JsonBody.read(ctx).allowOnly("site", "ids", "action", "reason");
    String site = body.requiredString("site", false);
    String action = body.requiredString("action", false);
    if (!action.equals("approve") && !action.equals("reject")) {
      throw ApiError.invalidField("action", "must be approve or reject");
    }
    List<Long> ids = body.requiredLongList("ids", 200);
    String reason = ModerationRequests.reason(body);
    Responses.respond(ctx, 200, access.require(ctx, site, Role.MODERATOR).compose(actor ->
        targets.allOnSite(ids.stream().distinct().toList(), site)
            .compose(ok -> comments.bulk(actor, ids.stream().distinct().toList(), action.equals("approve"), reason))));
  }

  /** POST /api/v1/moderation/users/{id}/ban|suspend|unban|premoderate (moderator of the user's site). */
  private void sanction(RoutingContext ctx, String action) {
    long id = PathIds.positive(ctx, "id", "user_not_found");
    JsonFields body = optionalBody(ctx);
    Responses.respond(ctx, 200, targets.siteOfUser(id)
        .compose(site -> access.require(ctx, site, Role.MODERATOR).compose(actor -> {
          if (actor.userId().map(me -> me == id).orElse(false)) {
            throw ApiError.forbidden("forbidden", "You cannot sanction yourself");
          }
          return switch (action) {
            case "ban" -> users.ban(site, actor, id, ModerationRequests.Ban.from(body));
            case "suspend" -> users.suspend(site, actor, id, ModerationRequests.Suspension.from(body));
            case "unban" -> users.unban(site, actor, id, ModerationRequests.Unban.from(body));
            default -> users.premoderate(site, actor, id, ModerationRequests.Premoderation.from(body));
          };
        })));
  }

  /** GET /api/v1/moderation/log?site=S[&action=A][&actor=USER_ID][&cursor][&limit] (moderator) → {entries, nextCursor}. */
  private void log(RoutingContext ctx) {
    QueryParams params = QueryParams.of(ctx, "site", "action", "actor", "cursor", "limit");
    String site = params.required("site");
    int limit = params.integer("limit", 50, 1, 200);
    long before = params.optional("cursor").map(ModerationRoutes::number).orElse(Long.MAX_VALUE);
    Long actor = params.optional("actor").map(ModerationRoutes::number).orElse(null);
    AuditAction action = params.optional("action").map(AuditAction::parse).orElse(null);
    Responses.respond(ctx, 200, access.require(ctx, site, Role.MODERATOR)
        .compose(who -> audit.list(site, action, actor, before, limit)));
  }


  /** Moderation actions may be posted with no body at all (a reason is optional). */
  private static JsonFields optionalBody(RoutingContext ctx) {
    return ctx.body().length() <= 0 ? JsonFields.of(new JsonObject()) : JsonBody.read(ctx);
  }

  private static long number(String raw) {
    try {
      return Long.parseLong(raw);
    } catch (NumberFormatException e) {
      throw ApiError.badRequest("invalid_query", "Expected a number: " + raw);
    }
  }
}
