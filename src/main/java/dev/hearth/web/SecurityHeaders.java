package dev.hearth.web;

import io.vertx.core.Handler;
import io.vertx.ext.web.RoutingContext;

/**
 * Headers every response carries, whatever produced it. Served over https (the public URL
 * says so), browsers are also told to use https only, for a year.
 */
public final class SecurityHeaders implements Handler<RoutingContext> {
  static final String HSTS = "max-age=31536000";

  private final boolean https;

  public SecurityHeaders(String publicUrl) {
    this.https = publicUrl.startsWith("https://");
  }

  @Override
  public void handle(RoutingContext ctx) {
    ctx.response()
        .putHeader("x-content-type-options", "nosniff")
        .putHeader("referrer-policy", "strict-origin-when-cross-origin")
        .putHeader("cross-origin-opener-policy", "same-origin");
    if (https) {
      ctx.response().putHeader("strict-transport-security", HSTS);
    }
    ctx.next();
  }
}
