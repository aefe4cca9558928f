package dev.hearth.site;

import dev.hearth.auth.AdminGuard;
import dev.hearth.role.Role;
import dev.hearth.role.SiteAccess;
import dev.hearth.web.JsonBody;
import dev.hearth.web.JsonFields;
import dev.hearth.web.Responses;
import io.vertx.core.Future;
import io.vertx.ext.web.Router;
import io.vertx.ext.web.RoutingContext;

/** HTTP routes for sites. */
public final class SiteRoutes {
  private final SiteService service;
  private final AdminGuard admin;
  private final SiteAccess access;

  public SiteRoutes(SiteService service, AdminGuard admin, SiteAccess access) {
    this.service = service;
    this.admin = admin;
    this.access = access;
  }

  public void mount(Router router) {
    router.post("/api/v1/sites").handler(admin).handler(this::create);
    router.get("/api/v1/sites/:site").handler(this::get);
    router.patch("/api/v1/sites/:site").handler(this::update);
  }

  /** POST /api/v1/sites {id, name, origins, settings?} (instance admin) → 201 site. */
  private void create(RoutingContext ctx) {
    Responses.respond(ctx, 201, service.create(SiteRequests.Create.from(JsonBody.read(ctx))).map(site -> site.toJson(true)));
  }

  /** GET /api/v1/sites/{site} → site; moderation settings only for the site's staff and the admin. */
  private void get(RoutingContext ctx) {
    String id = ctx.pathParam("site");
    Future<Boolean> staff = access.actor(ctx, id)
        .map(actor -> actor.map(a -> a.has(Role.MODERATOR)).orElse(false))
        .recover(invalidToken -> Future.succeededFuture(false));
    Responses.respond(ctx, 200, staff.compose(privileged -> service.get(id).map(site -> site.toJson(privileged))));
  }

  /** PATCH /api/v1/sites/{site} {name?, origins?, settings?} (the site's owner or the admin) → site. */
  private void update(RoutingContext ctx) {
    String id = ctx.pathParam("site");
    JsonFields body = JsonBody.read(ctx);
    Responses.respond(ctx, 200, access.require(ctx, id, Role.OWNER)
        .compose(actor -> service.update(id, SiteRequests.Update.from(body)))
        .map(site -> site.toJson(true)));
  }
}
