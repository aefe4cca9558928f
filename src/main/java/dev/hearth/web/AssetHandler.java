package dev.hearth.web;

import io.vertx.core.Handler;
import io.vertx.core.buffer.Buffer;
import io.vertx.ext.web.RoutingContext;
import java.util.Map;

/**
 * Serves {@code /static/*} from {@link Assets}: from memory, so responses are compressed when
 * the browser asks (a file sent from disk would not be); with a strong ETag; cached for a year
 * when the URL names the current version ({@code ?v=}, as pages link them), else for five
 * minutes, since modules import each other by plain name.
 */
public final class AssetHandler implements Handler<RoutingContext> {
  private static final Map<String, String> TYPES = Map.of(
      "js", "text/javascript; charset=utf-8", "css", "text/css; charset=utf-8", "png", "image/png",
      "svg", "image/svg+xml", "ico", "image/x-icon", "woff2", "font/woff2", "json", "application/json");

  private final Assets assets;

  public AssetHandler(Assets assets) {
    this.assets = assets;
  }

  @Override
  public void handle(RoutingContext ctx) {
    String path = ctx.pathParam("*");
    String type = TYPES.get(path.substring(path.lastIndexOf('.') + 1));
    Assets.Versioned file = type == null ? null : assets.find(path).orElse(null);
    if (file == null) {
      throw ApiError.notFound("not_found", "No such file");
    }
    boolean versioned = file.hash().equals(ctx.request().getParam("v"));
    ctx.response()
        .putHeader("etag", file.etag())
        .putHeader("cache-control", versioned ? "public, max-age=31536000, immutable" : "public, max-age=300");
    if (file.etag().equals(ctx.request().getHeader("if-none-match"))) {
      ctx.response().setStatusCode(304).end();
      return;
    }
    ctx.response().putHeader("content-type", type).end(Buffer.buffer(file.bytes()));
  }
}
