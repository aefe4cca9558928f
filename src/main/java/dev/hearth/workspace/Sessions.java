package dev.hearth.workspace;

import dev.hearth.auth.AdminSessions;
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
 * Finds the moderator behind a request's cookie: an admin session, or a user's bearer token.
 * An expired or revoked one counts as signed out. The admin token itself is never a cookie:
 * it only opens an admin session on the sign-in form.
 */
final class Sessions {
  private final Pool pool;
  private final Tokens tokens;
  private final AdminSessions adminSessions;
  private final SiteAccess access;

  Sessions(Pool pool, Tokens tokens, AdminSessions adminSessions, SiteAccess access) {
    this.pool = pool;
    this.tokens = tokens;
    this.adminSessions = adminSessions;
    this.access = access;
  }

  Future<Optional<Moderator>> of(RoutingContext ctx) {
    Optional<String> cookie = ModeratorCookie.read(ctx.request());
    if (cookie.isEmpty()) {
      return Future.succeededFuture(Optional.empty());
    }
    String token = cookie.get();
    return adminSessions.isLive(pool, token).compose(admin -> admin
        ? Future.succeededFuture(Optional.of(new Moderator(token, true, Optional.empty(), Optional.empty(), "instance admin")))
        : tokens.resolve(pool, token).map(user -> user.map(u ->
            new Moderator(token, false, Optional.of(u.id()), Optional.of(u.siteId()), u.displayName()))));
  }

  /** A new admin session's token for the cookie; 401 when {@code presented} is not the admin token. */
  Future<String> openAdmin(String presented) {
    return adminSessions.open(pool, presented).map(token -> token.orElseThrow(
        () -> new ApiError(401, "invalid_credentials", "That is not the admin token")));
  }

  /**
   * The moderator as an actor on {@code site}, or 401/403. An admin session stands for the
   * instance admin itself; a user's token is judged by {@link SiteAccess} like on the API.
   */
  Future<Actor> actor(Moderator moderator, String site) {
    return moderator.admin() ? Future.succeededFuture(Actor.instanceAdmin())
        : access.require(Optional.of(moderator.token()), site, Role.MODERATOR);
  }

  Future<Void> revoke(Moderator moderator) {
    return (moderator.admin() ? adminSessions.revoke(pool, moderator.token()) : tokens.revoke(pool, moderator.token()))
        .mapEmpty();
  }
}
