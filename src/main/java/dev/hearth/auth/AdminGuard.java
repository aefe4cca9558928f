package dev.hearth.auth;

import dev.hearth.web.ApiError;
import io.vertx.core.Handler;
import io.vertx.ext.web.RoutingContext;

/** Lets a request through only with {@code Authorization: Bearer <admin token>}. */
public final class AdminGuard implements Handler<RoutingContext> {
  private final AdminToken token;

  public AdminGuard(AdminToken token) {
    this.token = token;
  }

  @Override
  public void handle(RoutingContext ctx) {
    if (isAdmin(ctx)) {
      ctx.next();
    } else if (bearer(ctx) == null) {
      ctx.fail(ApiError.unauthorized("This endpoint needs Authorization: Bearer <admin token>"));
    } else {
      ctx.fail(ApiError.forbidden("forbidden", "The token given is not allowed to do this"));
    }
  }

  private boolean isAdmin(RoutingContext ctx) {
    return token.matches(bearer(ctx));
  }

  static String bearer(RoutingContext ctx) {
    return dev.hearth.auth.BearerToken.of(ctx).orElse(null);
  }
}
