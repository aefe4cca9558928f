package dev.hearth.site;

import dev.hearth.admin.AdminGuard;
import dev.hearth.web.JsonBody;
import dev.hearth.web.Responses;
import io.vertx.ext.web.Router;
import io.vertx.ext.web.RoutingContext;

/** HTTP routes for sites. */
public final class SiteRoutes {
  private final SiteService service;
  private final AdminGuard admin;

  public SiteRoutes(SiteService service, AdminGuard admin) {
    this.service = service;
    this.admin = admin;
  }

  public void mount(Router router) {
    router.post("/api/v1/sites").handler(admin).handler(this::create);
    router.get("/api/v1/sites/:site").handler(this::get);
    router.patch("/api/v1/sites/:site").handler(admin).handler(this::update);
  }

  /** POST /api/v1/sites {id, name, origins, settings?} (admin) → 201 site. */
  private void create(RoutingContext ctx) {
    Responses.respond(ctx, 201, service.create(JsonBody.read(ctx)).map(site -> site.toJson(true)));
  }

  /** GET /api/v1/sites/{site} → site; moderation settings only with the admin token. */
  private void get(RoutingContext ctx) {
    boolean privileged = admin.isAdmin(ctx);
    Responses.respond(ctx, 200, service.get(ctx.pathParam("site")).map(site -> site.toJson(privileged)));
  }

  /** PATCH /api/v1/sites/{site} {name?, origins?, settings?} (admin) → site. */
  private void update(RoutingContext ctx) {
    Responses.respond(ctx, 200, service.update(ctx.pathParam("site"), JsonBody.read(ctx)).map(site -> site.toJson(true)));
  }
}
