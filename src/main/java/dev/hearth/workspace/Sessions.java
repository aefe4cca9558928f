package dev.hearth.workspace;

import dev.hearth.auth.AdminSessions;
import dev.hearth.auth.IdentityResolver;
import dev.hearth.auth.ModeratorCookie;
import dev.hearth.auth.Tokens;
import dev.hearth.role.Actor;
import dev.hearth.role.Role;
import dev.hearth.role.SiteAccess;
import dev.hearth.web.ApiError;
import io.vertx.core.Future;
import io.vertx.ext.web.RoutingContext;
import io.vertx.sqlclient.Pool;
import java.util.Optional;

/**
 * The workspace's sessions: who the cookie stands for ({@link IdentityResolver}, as for the
 * API and the live socket), opening the admin's session, and signing out. An expired or
 * revoked cookie counts as signed out. The admin token itself is never a cookie: it only
 * opens an admin session on the sign-in form.
 */
final class Sessions {
  private final Pool pool;
  private final Tokens tokens;
  private final AdminSessions adminSessions;
  private final IdentityResolver identities;
  private final SiteAccess access;

  Sessions(Pool pool, Tokens tokens, AdminSessions adminSessions, IdentityResolver identities, SiteAccess access) {
    this.pool = pool;
    this.tokens = tokens;
    this.adminSessions = adminSessions;
    this.identities = identities;
    this.access = access;
  }

  static Sessions from(WorkspaceWiring wiring) {
    return new Sessions(wiring.pool(), wiring.tokens(), wiring.adminSessions(), wiring.identities(), wiring.access());
  }

  Future<Optional<Moderator>> of(RoutingContext ctx) {
    Optional<String> cookie = ModeratorCookie.read(ctx.request());
    return identities.cookie(cookie).map(identity -> identity.map(who -> new Moderator(cookie.orElseThrow(), who)));
  }

  /** A new admin session's token for the cookie; 401 when {@code presented} is not the admin token. */
  Future<String> openAdmin(String presented) {
    return adminSessions.open(pool, presented).map(token -> token.orElseThrow(
        () -> new ApiError(401, "invalid_credentials", "That is not the admin token")));
  }

  /** The moderator as an actor on {@code site}, or 401/403, decided by {@link SiteAccess} like on the API. */
  Future<Actor> actor(Moderator moderator, String site) {
    return access.require(Optional.of(moderator.identity()), site, Role.MODERATOR);
  }

  /** Whether a freshly signed-in user's token makes them staff of {@code site}. */
  Future<Boolean> isModerator(String token, String site) {
    return identities.bearer(Optional.of(token)).compose(identity -> access.holds(identity, site, Role.MODERATOR));
  }

  Future<Void> revoke(Moderator moderator) {
    return revoke(moderator.token(), moderator.admin());
  }

  Future<Void> revoke(String token, boolean admin) {
    return (admin ? adminSessions.revoke(pool, token) : tokens.revoke(pool, token)).mapEmpty();
  }
}
