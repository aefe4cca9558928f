package dev.hearth.role;

import dev.hearth.auth.AdminToken;
import dev.hearth.auth.BearerToken;
import dev.hearth.auth.Tokens;
import dev.hearth.web.ApiError;
import io.vertx.core.Future;
import io.vertx.ext.web.RoutingContext;
import io.vertx.sqlclient.Pool;
import java.util.Optional;

/**
 * The one place that decides whether a request may act on a site: the admin token may do
 * anything; a user's token only what their role on that very site allows. A moderator of
 * one site has no power on another.
 */
public final class SiteAccess {
  private final Pool pool;
  private final AdminToken adminToken;
  private final Tokens tokens;
  private final RoleRepository roles;

  public SiteAccess(Pool pool, AdminToken adminToken, Tokens tokens, RoleRepository roles) {
    this.pool = pool;
    this.adminToken = adminToken;
    this.tokens = tokens;
    this.roles = roles;
  }

  /** The actor behind the request if it holds at least {@code required} on {@code siteId}; else 401/403. */
  public Future<Actor> require(RoutingContext ctx, String siteId, Role required) {
    return require(BearerToken.of(ctx), siteId, required);
  }

  /** The same decision for a token carried some other way (the moderator workspace's cookie). */
  public Future<Actor> require(Optional<String> token, String siteId, Role required) {
    return actor(token, siteId).map(actor -> {
      Actor found = actor.orElseThrow(() -> ApiError.unauthorized("Sign in with a staff account of this site"));
      if (!found.has(required)) {
        throw ApiError.forbidden("forbidden", "This needs the " + required.wireName() + " role on site " + siteId);
      }
      return found;
    });
  }

  /** The actor behind the request on this site, empty without a usable token. */
  public Future<Optional<Actor>> actor(RoutingContext ctx, String siteId) {
    return actor(BearerToken.of(ctx), siteId);
  }

  /** The actor a token stands for on this site, empty without a token. */
  public Future<Optional<Actor>> actor(Optional<String> bearer, String siteId) {
    if (bearer.isEmpty()) {
      return Future.succeededFuture(Optional.empty());
    }
    if (adminToken.matches(bearer.get())) {
      return Future.succeededFuture(Optional.of(Actor.instanceAdmin()));
    }
    return tokens.resolve(pool, bearer.get()).compose(user -> {
      if (user.isEmpty()) {
        return Future.failedFuture(ApiError.invalidToken());
      }
      if (!user.get().siteId().equals(siteId)) {
        return Future.succeededFuture(Optional.of(new Actor(Optional.of(user.get().id()), Optional.empty(), false)));
      }
      return roles.find(pool, siteId, user.get().id())
          .map(role -> Optional.of(new Actor(Optional.of(user.get().id()), role, false)));
    });
  }
}
