package dev.hearth.demo;

import dev.hearth.view.HtmlResponses;
import dev.hearth.web.Templates;
import io.vertx.ext.web.Router;
import io.vertx.ext.web.RoutingContext;
import java.util.Map;

/** The demo article: a host page like any site owner's, with the thread embedded by embed.js. */
public final class DemoRoutes {
  /** What a site owner's page needs to embed Hearth (here Hearth is the page's own origin). */
  static final String HOST_PAGE_CSP = "default-src 'none'; style-src 'self'; img-src 'self'; script-src 'self'; "
      + "connect-src 'self'; frame-src 'self'; base-uri 'none'; form-action 'self'; frame-ancestors 'self'";

  private final Templates templates;

  public DemoRoutes(Templates templates) {
    this.templates = templates;
  }

  public void mount(Router router) {
    router.get("/demo").handler(this::article);
    router.get("/").handler(ctx -> ctx.redirect("/demo"));
  }

  /** GET /demo → the demo article, embedding its thread with the snippet from docs/embedding.md. */
  private void article(RoutingContext ctx) {
    HtmlResponses.send(ctx, templates.render("demo", Map.of(
        "title", DemoSite.PAGE_TITLE, "siteId", DemoSite.SITE_ID, "pageKey", DemoSite.PAGE_KEY)), HOST_PAGE_CSP);
  }
}
