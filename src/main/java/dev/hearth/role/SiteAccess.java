package dev.hearth.role;

import dev.hearth.auth.BearerToken;
import dev.hearth.auth.Identity;
import dev.hearth.auth.IdentityResolver;
import dev.hearth.web.ApiError;
import io.vertx.core.Future;
import io.vertx.ext.web.RoutingContext;
import io.vertx.sqlclient.Pool;
import java.util.Optional;

/**
 * The one place that decides whether someone may act on a site: the instance admin may do
 * anything; a user only what their role on that very site allows. A moderator of one site
 * has no power on another. Who someone is comes from {@link IdentityResolver}, whether they
 * came by API token, workspace cookie or live socket.
 */
public final class SiteAccess {
  private final Pool pool;
  private final IdentityResolver identities;
  private final RoleRepository roles;

  public SiteAccess(Pool pool, IdentityResolver identities, RoleRepository roles) {
    this.pool = pool;
    this.identities = identities;
    this.roles = roles;
  }

  /** The actor behind the request's bearer token if it holds at least {@code required} on {@code siteId}; else 401/403. */
  public Future<Actor> require(RoutingContext ctx, String siteId, Role required) {
    return identities.bearer(BearerToken.of(ctx)).compose(identity -> require(identity, siteId, required));
  }

  /** The same decision for an identity found some other way (the workspace cookie, a live socket). */
  public Future<Actor> require(Optional<Identity> identity, String siteId, Role required) {
    return actor(identity, siteId).map(actor -> {
      Actor found = actor.orElseThrow(() -> ApiError.unauthorized("Sign in with a staff account of this site"));
      if (!found.has(required)) {
        throw ApiError.forbidden("forbidden", "This needs the " + required.wireName() + " role on site " + siteId);
      }
      return found;
    });
  }

  /** The actor behind the request's bearer token on this site, empty without a token. */
  public Future<Optional<Actor>> actor(RoutingContext ctx, String siteId) {
    return identities.bearer(BearerToken.of(ctx)).compose(identity -> actor(identity, siteId));
  }

  /** Whether this identity holds at least {@code required} on the site; false for nobody. */
  public Future<Boolean> holds(Optional<Identity> identity, String siteId, Role required) {
    return actor(identity, siteId).map(actor -> actor.map(a -> a.has(required)).orElse(false));
  }

  /** What an identity is on this site: the admin, a user with their role there, or a user without one. */
  public Future<Optional<Actor>> actor(Optional<Identity> identity, String siteId) {
    if (identity.isEmpty()) {
      return Future.succeededFuture(Optional.empty());
    }
    if (identity.get().admin()) {
      return Future.succeededFuture(Optional.of(Actor.instanceAdmin()));
    }
    long userId = identity.get().userId().orElseThrow();
    if (!identity.get().siteId().orElseThrow().equals(siteId)) {
      return Future.succeededFuture(Optional.of(new Actor(Optional.of(userId), Optional.empty(), false)));
    }
    return roles.find(pool, siteId, userId).map(role -> Optional.of(new Actor(Optional.of(userId), role, false)));
  }
}
