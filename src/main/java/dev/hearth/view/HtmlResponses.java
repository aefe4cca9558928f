package dev.hearth.view;

import dev.hearth.web.Responses;
import io.vertx.ext.web.RoutingContext;

/** Writes server-rendered HTML with a strict Content-Security-Policy: no inline script can run. */
public final class HtmlResponses {
  static final String CSP = "default-src 'none'; style-src 'self'; img-src 'self'; script-src 'self'; "
      + "connect-src 'self'; base-uri 'none'; form-action 'self'; frame-ancestors 'self'";

  private HtmlResponses() {
  }

  public static void send(RoutingContext ctx, String html) {
    send(ctx, html, CSP);
  }

  /** The same with a policy of the page's own (a page that frames Hearth's thread needs frame-src). */
  public static void send(RoutingContext ctx, String html, String csp) {
    if (Responses.answered(ctx)) {
      return;
    }
    ctx.response()
        .putHeader("content-type", "text/html; charset=utf-8")
        .putHeader("content-security-policy", csp)
        .putHeader("cache-control", "no-store")
        .end(html);
  }
}
