package dev.hearth.workspace;

import dev.hearth.admin.AdminToken;
import dev.hearth.auth.Tokens;
import io.vertx.core.Future;
import io.vertx.ext.web.RoutingContext;
import io.vertx.sqlclient.Pool;
import java.util.Optional;

/** Finds the moderator behind a request's cookie; an expired or revoked token counts as signed out. */
final class Sessions {
  private final Pool pool;
  private final Tokens tokens;
  private final AdminToken adminToken;

  Sessions(Pool pool, Tokens tokens, AdminToken adminToken) {
    this.pool = pool;
    this.tokens = tokens;
    this.adminToken = adminToken;
  }

  Future<Optional<Moderator>> of(RoutingContext ctx) {
    Optional<String> token = ModeratorCookie.read(ctx.request());
    if (token.isEmpty()) {
      return Future.succeededFuture(Optional.empty());
    }
    if (adminToken.matches(token.get())) {
      return Future.succeededFuture(Optional.of(
          new Moderator(token.get(), true, Optional.empty(), Optional.empty(), "instance admin")));
    }
    return tokens.resolve(pool, token.get()).map(user -> user.map(u ->
        new Moderator(token.get(), false, Optional.of(u.id()), Optional.of(u.siteId()), u.displayName())));
  }

  boolean isAdminToken(String token) {
    return adminToken.matches(token);
  }

  Future<Void> revoke(Moderator moderator) {
    return moderator.admin() ? Future.succeededFuture() : tokens.revoke(pool, moderator.token()).mapEmpty();
  }
}
