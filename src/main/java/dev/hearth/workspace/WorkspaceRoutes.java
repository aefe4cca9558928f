package dev.hearth.workspace;

import dev.hearth.account.AccountService;
import dev.hearth.account.AuthRoutes;
import dev.hearth.audit.AuditAction;
import dev.hearth.audit.AuditLog;
import dev.hearth.auth.AdminGuesses;
import dev.hearth.auth.ModeratorCookie;
import dev.hearth.moderation.ModerationQueue;
import dev.hearth.moderation.Queue;
import dev.hearth.web.ApiError;
import dev.hearth.web.QueryParams;
import io.vertx.core.Future;
import io.vertx.core.json.JsonObject;
import io.vertx.ext.web.Router;
import io.vertx.ext.web.RoutingContext;
import java.util.HashMap;
import java.util.Map;
import java.util.Optional;

/**
 * The moderator workspace's screens and its sign-in, on Hearth's own origin. Pages are
 * rendered on the server and every action works as a plain form post; the page's script only
 * adds shortcuts and live notices. Authorization is decided per request ({@link Sessions#actor}:
 * an admin session, or {@link dev.hearth.role.SiteAccess} for a user's token).
 */
public final class WorkspaceRoutes {
  private final AccountService accounts;
  private final ModerationQueue queue;
  private final AuditLog audit;
  private final AdminGuesses adminGuesses;
  private final Sessions sessions;
  private final CsrfGuard csrf;
  private final Pages pages;
  private final WorkspaceActions actions;
  private final boolean secureCookie;

  public WorkspaceRoutes(WorkspaceWiring wiring) {
    this.accounts = wiring.accounts();
    this.queue = wiring.queue();
    this.audit = wiring.audit();
    this.adminGuesses = wiring.adminGuesses();
    this.sessions = Sessions.from(wiring);
    this.csrf = new CsrfGuard(wiring.origins());
    this.pages = new Pages(wiring.templates());
    this.actions = new WorkspaceActions(wiring, sessions, csrf, pages);
    this.secureCookie = wiring.publicUrl().startsWith("https://");
  }

  public void mount(Router router) {
    router.get("/moderate").handler(this::queueScreen);
    router.get("/moderate/log").handler(this::logScreen);
    router.post("/moderate/login").handler(this::signIn);
    router.post("/moderate/logout").handler(this::signOut);
    actions.mount(router);
  }

  /** GET /moderate?site=S&queue=Q[&page=K][&cursor=C] → the queue screen, or the sign-in form. */
  private void queueScreen(RoutingContext ctx) {
    QueryParams params = QueryParams.of(ctx, "site", "queue", "page", "cursor");
    Optional<String> site = params.optional("site");
    Queue name = params.optional("queue").map(Queue::parse).orElse(Queue.REPORTED);
    sessions.of(ctx).compose(found -> {
      if (found.isEmpty()) {
        pages.html(ctx, 200, "signin", signInModel(site.orElse(""), ""));
        return Future.succeededFuture();
      }
      Moderator moderator = found.get();
      if (site.isEmpty()) {
        Map<String, Object> model = chrome(moderator, "");
        model.put("title", "Choose a site");
        moderator.homeSite().ifPresentOrElse(
            home -> ctx.response().setStatusCode(303)
                .putHeader("location", QueueView.queueHref(home, Queue.REPORTED)).end(),
            () -> pages.html(ctx, 200, "choose", model));
        return Future.succeededFuture();
      }
      return sessions.actor(moderator, site.get())
          .compose(actor -> queue.list(site.get(), name, params.optional("page"), params.optional("cursor"), 25))
          .map(listing -> {
            Map<String, Object> model = chrome(moderator, site.get());
            model.putAll(QueueView.of(site.get(), name, listing));
            model.put("queue", name.json());
            model.put("title", name.json() + " · " + site.get());
            pages.html(ctx, 200, "queue", model);
            return null;
          });
    }).onFailure(failure -> pages.failed(ctx, failure));
  }

  /** GET /moderate/log?site=S[&action=A][&actor=USER_ID][&cursor=C] → the audit log screen. */
  private void logScreen(RoutingContext ctx) {
    QueryParams params = QueryParams.of(ctx, "site", "action", "actor", "cursor");
    String site = params.required("site");
    AuditAction action = params.optional("action").filter(a -> !a.equals(LogView.ANY_ACTION)).map(AuditAction::parse)
        .orElse(null);
    Long actor = params.optional("actor").map(WorkspaceRoutes::number).orElse(null);
    long before = params.optional("cursor").map(WorkspaceRoutes::number).orElse(Long.MAX_VALUE);
    sessions.of(ctx).compose(found -> {
      if (found.isEmpty()) {
        pages.html(ctx, 200, "signin", signInModel(site, ""));
        return Future.succeededFuture();
      }
      Moderator moderator = found.get();
      return sessions.actor(moderator, site)
          .compose(who -> audit.list(site, action, actor, before, 50))
          .map(log -> {
            Map<String, Object> model = chrome(moderator, site);
            model.putAll(LogView.of(site, action, actor, log));
            model.put("title", "Audit log · " + site);
            pages.html(ctx, 200, "log", model);
            return null;
          });
    }).onFailure(failure -> pages.failed(ctx, failure));
  }

  /**
   * POST /moderate/login (form: site, username, password; or site and adminToken) → 303 to the
   * site's reported queue with the session cookie (for the admin token, a new admin session's
   * token, never the admin token itself); the form again (401, 429) on a failed sign-in;
   * 403 when the account is not a moderator or owner of that site.
   */
  private void signIn(RoutingContext ctx) {
    csrf.checkOrigin(ctx);
    Form form = Form.of(ctx);
    String site = form.text("site");
    String adminToken = form.text("adminToken");
    Future<String> token;
    if (!adminToken.isEmpty()) {
      token = adminGuesses.check(adminToken, AuthRoutes.clientIp(ctx)).compose(ok -> sessions.openAdmin(adminToken));
    } else {
      token = accounts.signInWithPassword(site, form.text("username"), form.text("password"), AuthRoutes.clientIp(ctx))
          .compose(signedIn -> requireModerator(site, signedIn));
    }
    token.onSuccess(session -> {
      ModeratorCookie.set(ctx.response(), session, secureCookie);
      ctx.response().setStatusCode(303)
          .putHeader("location", site.isEmpty() ? "/moderate" : QueueView.queueHref(site, Queue.REPORTED)).end();
    }).onFailure(failure -> {
      if (failure instanceof ApiError error && error.status() != 403 && error.status() < 500) {
        if (error.status() == 429 && error.toJson().getValue("retryAfter") != null) {
          ctx.response().putHeader("retry-after", String.valueOf(error.toJson().getValue("retryAfter")));
        }
        pages.html(ctx, error.status(), "signin", signInModel(site, error.getMessage()));
      } else {
        pages.failed(ctx, failure);
      }
    });
  }

  /** A fresh token of someone who is not staff on the site is revoked at once, then refused. */
  private Future<String> requireModerator(String site, JsonObject signedIn) {
    String token = signedIn.getString("token");
    return sessions.isModerator(token, site).compose(isModerator -> {
      if (isModerator) {
        return Future.succeededFuture(token);
      }
      return sessions.revoke(token, false)
          .compose(ignored -> Future.failedFuture(ApiError.forbidden("not_moderator",
              "This account is not a moderator of site " + site + "; ask the site's owner for the role")));
    });
  }

  /** POST /moderate/logout (form: csrf) → the token revoked, the cookie cleared, 303 to /moderate. */
  private void signOut(RoutingContext ctx) {
    Form form = Form.of(ctx);
    sessions.of(ctx).compose(found -> {
      if (found.isEmpty()) {
        return Future.succeededFuture();
      }
      csrf.check(ctx, found.get().token(), form.text(CsrfGuard.FIELD));
      return sessions.revoke(found.get());
    }).onSuccess(ignored -> {
      ModeratorCookie.clear(ctx.response(), secureCookie);
      ctx.response().setStatusCode(303).putHeader("location", "/moderate").end();
    }).onFailure(failure -> pages.failed(ctx, failure));
  }

  /** What every signed-in screen shows around its content. */
  static Map<String, Object> chrome(Moderator moderator, String site) {
    Map<String, Object> model = new HashMap<>();
    model.put("moderatorName", moderator.name());
    model.put("csrf", moderator.csrf());
    model.put("site", site);
    model.put("hasSite", !site.isEmpty());
    model.put("queueHref", site.isEmpty() ? "/moderate" : QueueView.queueHref(site, Queue.REPORTED));
    model.put("logHref", site.isEmpty() ? "" : "/moderate/log?site=" + QueueView.encode(site));
    return model;
  }

  private static Map<String, Object> signInModel(String site, String error) {
    Map<String, Object> model = new HashMap<>();
    model.put("title", "Sign in");
    model.put("site", site);
    model.put("error", error);
    return model;
  }

  private static long number(String raw) {
    try {
      return Long.parseLong(raw);
    } catch (NumberFormatException e) {
      throw ApiError.badRequest("invalid_query", "Expected a number: " + raw);
    }
  }
}
