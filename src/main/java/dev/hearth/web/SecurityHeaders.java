package dev.hearth.web;

import io.vertx.core.Handler;
import io.vertx.ext.web.RoutingContext;

/** Headers every response carries, whatever produced it. */
public final class SecurityHeaders implements Handler<RoutingContext> {
  @Override
  public void handle(RoutingContext ctx) {
    ctx.response()
        .putHeader("x-content-type-options", "nosniff")
        .putHeader("referrer-policy", "strict-origin-when-cross-origin")
        .putHeader("cross-origin-opener-policy", "same-origin");
    ctx.next();
  }
}
