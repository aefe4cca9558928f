package dev.hearth.site;

import dev.hearth.role.Role;
import dev.hearth.role.SiteAccess;
import dev.hearth.web.JsonBody;
import dev.hearth.web.JsonFields;
import dev.hearth.web.Responses;
import io.vertx.ext.web.Router;
import io.vertx.ext.web.RoutingContext;

/** HTTP routes for staff roles. */
public final class StaffRoutes {
  private final StaffService service;
  private final SiteAccess access;

  public StaffRoutes(StaffService service, SiteAccess access) {
    this.service = service;
    this.access = access;
  }

  public void mount(Router router) {
    router.post("/api/v1/sites/:site/roles").handler(this::grant);
  }

  /** POST /api/v1/sites/{site}/roles {userId, role: owner|moderator|commenter} (admin, or owner for moderators) → the role. */
  private void grant(RoutingContext ctx) {
    String site = ctx.pathParam("site");
    JsonFields body = JsonBody.read(ctx);
    Responses.respond(ctx, 200, access.require(ctx, site, Role.OWNER)
        .compose(actor -> service.grant(site, actor, RoleGrant.from(body))));
  }
}
