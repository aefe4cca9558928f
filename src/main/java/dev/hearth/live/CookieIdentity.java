package dev.hearth.live;

import dev.hearth.auth.AdminSessions;
import dev.hearth.auth.Tokens;
import dev.hearth.site.OriginPolicy;
import dev.hearth.workspace.ModeratorCookie;
import io.vertx.core.Future;
import io.vertx.core.http.HttpServerRequest;
import io.vertx.sqlclient.Pool;
import java.util.Optional;

/**
 * Identifies a socket opened by the moderator workspace from the session cookie its handshake
 * carries, so the page never holds the token in script. The cookie is read as the workspace
 * reads it: an admin session, else a user's token; the admin token itself is never a cookie.
 * Only sockets from Hearth's own origin are identified this way: a page elsewhere cannot ride
 * the moderator's cookie.
 */
final class CookieIdentity {
  private final Pool pool;
  private final AdminSessions adminSessions;
  private final Tokens tokens;
  private final OriginPolicy origins;

  CookieIdentity(Pool pool, AdminSessions adminSessions, Tokens tokens, OriginPolicy origins) {
    this.pool = pool;
    this.adminSessions = adminSessions;
    this.tokens = tokens;
    this.origins = origins;
  }

  Future<Optional<LiveIdentity>> of(HttpServerRequest handshake, String origin) {
    Optional<String> token = ModeratorCookie.read(handshake);
    if (token.isEmpty() || !origins.isOwn(origin)) {
      return Future.succeededFuture(Optional.empty());
    }
    return adminSessions.isLive(pool, token.get())
        .compose(admin -> admin
            ? Future.succeededFuture(Optional.of(new LiveIdentity(true, Optional.empty(), Optional.empty())))
            : tokens.resolve(pool, token.get())
                .map(user -> user.map(u -> new LiveIdentity(false, Optional.of(u.id()), Optional.of(u.siteId())))))
        .otherwise(Optional.empty());
  }
}
