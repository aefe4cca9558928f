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

  /** What a subscription to a site from an origin meets. */
  public enum Following { ALLOWED, NO_SUCH_SITE, ORIGIN_REFUSED }

  /** At a subscription: the site exists, and the origin is Hearth's own or one of the site's. */
  public Future<Following> mayFollow(String origin, String siteId) {
    return sites.originOnSite(pool, siteId, origin == null ? "" : origin).map(found -> {
      if (found.isEmpty()) {
        return Following.NO_SUCH_SITE;
      }
      return found.get() || isOwn(origin) ? Following.ALLOWED : Following.ORIGIN_REFUSED;
    });
  }
}
