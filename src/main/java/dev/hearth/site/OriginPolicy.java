package dev.hearth.site;

import io.vertx.core.Future;
import io.vertx.sqlclient.Pool;
import java.util.List;
import java.util.Set;

/**
 * Which browser origins may open live sockets: Hearth's own (the embed iframe, the moderator
 * workspace) and the allowed origins of the site a subscription names. Browsers always send
 * Origin on a WebSocket handshake, so a missing one is refused too.
 */
public final class OriginPolicy {
  private final Pool pool;
  private final SiteRepository sites;
  private final Set<String> own;

  public OriginPolicy(Pool pool, SiteRepository sites, List<String> ownOrigins) {
    this.pool = pool;
    this.sites = sites;
    this.own = Set.copyOf(ownOrigins);
  }

  public boolean isOwn(String origin) {
    return origin != null && own.contains(origin);
  }

  /** At the handshake: Hearth's own origin, or an origin some site allows. */
  public Future<Boolean> mayConnect(String origin) {
    if (origin == null) {
      return Future.succeededFuture(false);
    }
    if (isOwn(origin)) {
      return Future.succeededFuture(true);
    }
    return sites.anyAllows(pool, origin);
  }

  /** At a subscription: Hearth's own origin, or one of this site's. */
  public Future<Boolean> mayFollow(String origin, String siteId) {
    if (isOwn(origin)) {
      return Future.succeededFuture(true);
    }
    return sites.allows(pool, siteId, origin);
  }
}
