package dev.hearth.embed;

import dev.hearth.site.SiteService;
import dev.hearth.web.ApiError;
import dev.hearth.web.Assets;
import dev.hearth.web.QueryParams;
import dev.hearth.web.Templates;
import io.vertx.ext.web.Router;
import io.vertx.ext.web.RoutingContext;
import java.util.Map;
import java.util.regex.Pattern;

/**
 * The sign-in popup the embedded thread opens on Hearth's own origin: a first-party page, so
 * signing in never needs a third-party cookie. It hands the new token to the thread that
 * opened it by postMessage, with the nonce that thread chose.
 */
public final class SignInRoutes {
  private static final Pattern NONCE = Pattern.compile("[A-Za-z0-9_-]{16,64}");

  private final SiteService sites;
  private final Templates templates;
  private final Assets assets;

  public SignInRoutes(SiteService sites, Templates templates, Assets assets) {
    this.sites = sites;
    this.templates = templates;
    this.assets = assets;
  }

  public void mount(Router router) {
    router.get("/embed/signin").handler(this::signIn);
  }

  /** GET /embed/signin?site=S&nonce=N → the sign-in and sign-up forms. */
  private void signIn(RoutingContext ctx) {
    QueryParams params = QueryParams.of(ctx, "site", "nonce");
    String nonce = params.required("nonce");
    if (!NONCE.matcher(nonce).matches()) {
      throw ApiError.badRequest("invalid_query", "nonce must be 16 to 64 letters, digits, - or _");
    }
    sites.get(params.required("site")).map(site -> templates.render("embed/signin", Map.of(
            "siteId", site.id(), "siteName", site.name(), "nonce", nonce,
            "cssHref", assets.url("embed/thread.css"), "scriptHref", assets.url("embed/signin.js"))))
        .onSuccess(html -> {
          // The popup must keep its opener (the thread's iframe inside another site's page) to
          // hand the token back; same-origin isolation would sever it.
          ctx.response().putHeader("cross-origin-opener-policy", "unsafe-none");
          FramedPages.send(ctx, FramedPages.policy("'none'"), html);
        })
        .onFailure(ctx::fail);
  }
}
