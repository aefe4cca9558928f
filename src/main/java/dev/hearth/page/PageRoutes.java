package dev.hearth.page;

import dev.hearth.admin.AdminGuard;
import dev.hearth.web.JsonBody;
import dev.hearth.web.Responses;
import io.vertx.ext.web.Router;
import io.vertx.ext.web.RoutingContext;

/** HTTP routes for pages. */
public final class PageRoutes {
  private final PageService service;
  private final AdminGuard admin;

  public PageRoutes(PageService service, AdminGuard admin) {
    this.service = service;
    this.admin = admin;
  }

  public void mount(Router router) {
    router.patch("/api/v1/sites/:site/pages/:key").handler(admin).handler(this::update);
  }

  /** PATCH /api/v1/sites/{site}/pages/{key} {closed?, authorUserId?} (admin; moderators once roles exist) → page. */
  private void update(RoutingContext ctx) {
    Responses.respond(ctx, 200, service.update(ctx.pathParam("site"), ctx.pathParam("key"), JsonBody.read(ctx)));
  }
}
