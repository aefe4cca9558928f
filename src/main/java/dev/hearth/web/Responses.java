package dev.hearth.web;

import io.vertx.core.Future;
import io.vertx.core.buffer.Buffer;
import io.vertx.core.http.HttpServerResponse;
import io.vertx.core.json.JsonObject;
import io.vertx.ext.web.RoutingContext;

/** Writes JSON answers; every API response goes through here so headers stay consistent. */
public final class Responses {
  private Responses() {
  }

  public static Future<Void> json(RoutingContext ctx, int status, JsonObject body) {
    if (answered(ctx)) {
      return Future.succeededFuture();
    }
    return ctx.response()
        .setStatusCode(status)
        .putHeader("content-type", "application/json; charset=utf-8")
        .putHeader("cache-control", "no-store")
        .end(body.toBuffer());
  }

  /** Sends JSON that is already encoded, in pieces (cached renderings are written without a copy). */
  public static Future<Void> encoded(RoutingContext ctx, int status, java.util.List<Buffer> parts) {
    if (answered(ctx)) {
      return Future.succeededFuture();
    }
    HttpServerResponse response = ctx.response()
        .setStatusCode(status)
        .putHeader("content-type", "application/json; charset=utf-8")
        .putHeader("cache-control", "no-store")
        .putHeader("content-length", String.valueOf(parts.stream().mapToInt(Buffer::length).sum()));
    for (int i = 0; i < parts.size() - 1; i++) {
      response.write(parts.get(i));
    }
    return response.end(parts.get(parts.size() - 1));
  }

  /**
   * Whether the request was answered already: the deadline's 503 went out while the work went
   * on, or the client left. The late result has nobody to go to.
   */
  public static boolean answered(RoutingContext ctx) {
    return ctx.response().ended() || ctx.response().closed();
  }

  public static Future<Void> ok(RoutingContext ctx, JsonObject body) {
    return json(ctx, 200, body);
  }

  public static Future<Void> error(RoutingContext ctx, ApiError error) {
    return json(ctx, error.status(), error.toJson());
  }

  /** Runs an async action and answers with its JSON, or lets the failure handler answer. */
  public static void respond(RoutingContext ctx, int status, Future<JsonObject> action) {
    action.onSuccess(body -> json(ctx, status, body)).onFailure(ctx::fail);
  }
}
