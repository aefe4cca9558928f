package dev.hearth.embed;

import dev.hearth.web.Assets;
import dev.hearth.web.QueryParams;
import io.vertx.core.buffer.Buffer;
import io.vertx.ext.web.Router;
import io.vertx.ext.web.RoutingContext;

/**
 * What a host page loads from Hearth: {@code /embed.js}, at a stable address site owners paste
 * once (so: a short cache and a strong ETag, revalidated with 304), and the style sheet that
 * carries a site owner's accent, font and radius.
 */
public final class LoaderRoutes {
  private final Assets assets;

  public LoaderRoutes(Assets assets) {
    this.assets = assets;
  }

  public void mount(Router router) {
    router.get("/embed.js").handler(this::loader);
    router.get("/embed/theme.css").handler(this::theme);
  }

  /** GET /embed.js → the loader; 304 when If-None-Match names the current version. */
  private void loader(RoutingContext ctx) {
    QueryParams.of(ctx);
    Assets.Versioned file = assets.file("embed.js");
    ctx.response()
        .putHeader("cache-control", "public, max-age=3600")
        .putHeader("etag", file.etag())
        .putHeader("access-control-allow-origin", "*");
    if (file.etag().equals(ctx.request().getHeader("if-none-match"))) {
      ctx.response().setStatusCode(304).end();
      return;
    }
    ctx.response().putHeader("content-type", "text/javascript; charset=utf-8").end(Buffer.buffer(file.bytes()));
  }

  /** GET /embed/theme.css?accent=#hex&font=..&radius=N → custom properties over the default theme. */
  private void theme(RoutingContext ctx) {
    Theme theme = Theme.parse(QueryParams.of(ctx, "accent", "font", "radius"));
    ctx.response()
        .putHeader("content-type", "text/css; charset=utf-8")
        .putHeader("cache-control", "public, max-age=86400")
        .end(theme.css());
  }
}
