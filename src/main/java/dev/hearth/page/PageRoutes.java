package dev.hearth.page;

import dev.hearth.role.Role;
import dev.hearth.role.SiteAccess;
import dev.hearth.web.JsonBody;
import dev.hearth.web.JsonFields;
import dev.hearth.web.Responses;
import io.vertx.ext.web.Router;
import io.vertx.ext.web.RoutingContext;

/** HTTP routes for pages. */
public final class PageRoutes {
  private final PageService service;
  private final SiteAccess access;

  public PageRoutes(PageService service, SiteAccess access) {
    this.service = service;
    this.access = access;
  }

  public void mount(Router router) {
    router.patch("/api/v1/sites/:site/pages/:key").handler(this::update);
  }

  /**
   * PATCH /api/v1/sites/{site}/pages/{key} {closed?, authorUserId?} → page. Closing needs a
   * moderator of the site; naming the page's author needs an owner (or the admin token).
   */
  private void update(RoutingContext ctx) {
    String site = ctx.pathParam("site");
    JsonFields body = JsonBody.read(ctx);
    Role needed = body.present("authorUserId") ? Role.OWNER : Role.MODERATOR;
    Responses.respond(ctx, 200, access.require(ctx, site, needed)
        .compose(actor -> service.update(site, ctx.pathParam("key"), PageUpdate.from(body), actor)));
  }
}
