package dev.hearth.live;

import dev.hearth.admin.AdminToken;
import dev.hearth.auth.Tokens;
import dev.hearth.workspace.ModeratorCookie;
import io.vertx.core.Future;
import io.vertx.core.http.HttpServerRequest;
import io.vertx.sqlclient.Pool;
import java.util.Optional;

/**
 * Identifies a socket opened by the moderator workspace from the session cookie its handshake
 * carries, so the page never holds the token in script. Only sockets from Hearth's own origin
 * are identified this way: a page elsewhere cannot ride the moderator's cookie.
 */
final class CookieIdentity {
  private final Pool pool;
  private final AdminToken adminToken;
  private final Tokens tokens;
  private final OriginPolicy origins;

  CookieIdentity(Pool pool, AdminToken adminToken, Tokens tokens, OriginPolicy origins) {
    this.pool = pool;
    this.adminToken = adminToken;
    this.tokens = tokens;
    this.origins = origins;
  }

  Future<Optional<LiveIdentity>> of(HttpServerRequest handshake, String origin) {
    Optional<String> token = ModeratorCookie.read(handshake);
    if (token.isEmpty() || !origins.isOwn(origin)) {
      return Future.succeededFuture(Optional.empty());
    }
    if (adminToken.matches(token.get())) {
      return Future.succeededFuture(Optional.of(new LiveIdentity(true, Optional.empty(), Optional.empty())));
    }
    return tokens.resolve(pool, token.get())
        .map(user -> user.map(u -> new LiveIdentity(false, Optional.of(u.id()), Optional.of(u.siteId()))))
        .otherwise(Optional.empty());
  }
}
