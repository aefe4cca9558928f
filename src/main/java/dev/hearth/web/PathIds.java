package dev.hearth.web;

import io.vertx.ext.web.RoutingContext;

/** Ids in URL paths: a positive whole number, else the resource simply does not exist (404). */
public final class PathIds {
  private PathIds() {
  }

  public static long positive(RoutingContext ctx, String param, String notFoundCode) {
    String raw = ctx.pathParam(param);
    try {
      long id = Long.parseLong(raw);
      if (id > 0) {
        return id;
      }
    } catch (NumberFormatException e) {
      // answered below
    }
    throw ApiError.notFound(notFoundCode, "No such id: " + raw);
  }
}
