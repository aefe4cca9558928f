package dev.hearth.auth;

import io.vertx.ext.web.RoutingContext;
import java.util.Optional;

/** Reads {@code Authorization: Bearer <token>}. */
public final class BearerToken {
  private BearerToken() {
  }

  public static Optional<String> of(RoutingContext ctx) {
    String header = ctx.request().getHeader("authorization");
    if (header == null || !header.regionMatches(true, 0, "Bearer ", 0, 7)) {
      return Optional.empty();
    }
    String token = header.substring(7).trim();
    return token.isEmpty() ? Optional.empty() : Optional.of(token);
  }
}
