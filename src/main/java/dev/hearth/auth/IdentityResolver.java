package dev.hearth.auth;

import dev.hearth.web.ApiError;
import io.vertx.core.Future;
import io.vertx.sqlclient.Pool;
import java.util.Optional;

/**
 * The one way from a presented credential to an {@link Identity}, for the API, the moderator
 * workspace and the live socket alike. Three credentials exist: the admin token (a bearer
 * credential only), tokens Hearth issued to users, and the admin's workspace sessions (a
 * cookie credential only, so the admin token itself never sits in a browser).
 */
public final class IdentityResolver {
  private final Pool pool;
  private final AdminToken adminToken;
  private final AdminSessions adminSessions;
  private final Tokens tokens;

  public IdentityResolver(Pool pool, AdminToken adminToken, AdminSessions adminSessions, Tokens tokens) {
    this.pool = pool;
    this.adminToken = adminToken;
    this.adminSessions = adminSessions;
    this.tokens = tokens;
  }

  /**
   * A bearer credential (the Authorization header, the live {@code auth} message): the admin
   * token or a user's token. Empty when none was presented; 401 {@code invalid_token} when it
   * is unknown, expired or signed out.
   */
  public Future<Optional<Identity>> bearer(Optional<String> token) {
    if (token.isEmpty()) {
      return Future.succeededFuture(Optional.empty());
    }
    if (adminToken.matches(token.get())) {
      return Future.succeededFuture(Optional.of(Identity.instanceAdmin()));
    }
    return user(token).map(user -> user.map(Identity::of));
  }

  /**
   * A user's bearer token, for what only users do (write, vote, manage their account): the
   * admin token is nobody's. Empty when none was presented; 401 when it is not a live token.
   */
  public Future<Optional<AuthUser>> user(Optional<String> token) {
    if (token.isEmpty()) {
      return Future.succeededFuture(Optional.empty());
    }
    return tokens.resolve(pool, token.get())
        .map(user -> Optional.of(user.orElseThrow(ApiError::invalidToken)));
  }

  /**
   * The workspace cookie (also carried by the workspace's live socket): an admin session or a
   * user's token. Empty when absent, expired or revoked: a stale cookie is just signed out.
   */
  public Future<Optional<Identity>> cookie(Optional<String> value) {
    if (value.isEmpty()) {
      return Future.succeededFuture(Optional.empty());
    }
    return adminSessions.isLive(pool, value.get()).compose(admin -> admin
        ? Future.succeededFuture(Optional.of(Identity.instanceAdmin()))
        : tokens.resolve(pool, value.get()).map(user -> user.map(Identity::of)));
  }
}
