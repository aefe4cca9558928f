package dev.hearth.live;

import dev.hearth.Config;
import io.vertx.core.Future;
import io.vertx.sqlclient.Pool;
import io.vertx.sqlclient.Tuple;
import java.util.HashSet;
import java.util.List;
import java.util.Set;

/**
 * Which browser origins may open live sockets: Hearth's own (the embed iframe, the moderator
 * workspace) and the allowed origins of the site a subscription names. Browsers always send
 * Origin on a WebSocket handshake, so a missing one is refused too.
 */
public final class OriginPolicy {
  private final Pool pool;
  private final Set<String> own;

  public OriginPolicy(Pool pool, Config config) {
    this.pool = pool;
    this.own = new HashSet<>(List.of(config.publicUrl(), "http://localhost:" + config.port(),
        "http://127.0.0.1:" + config.port()));
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
    return pool.preparedQuery("select 1 from site_origins where origin = $1 limit 1").execute(Tuple.of(origin))
        .map(rows -> rows.size() > 0);
  }

  /** At a subscription: Hearth's own origin, or one of this site's. */
  public Future<Boolean> mayFollow(String origin, String siteId) {
    if (isOwn(origin)) {
      return Future.succeededFuture(true);
    }
    return pool.preparedQuery("select 1 from site_origins where origin = $1 and site_id = $2")
        .execute(Tuple.of(origin, siteId)).map(rows -> rows.size() > 0);
  }
}
