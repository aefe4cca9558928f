package dev.hearth.site;

import com.github.benmanes.caffeine.cache.Cache;
import com.github.benmanes.caffeine.cache.Caffeine;
import dev.hearth.web.ApiError;
import io.vertx.core.Future;
import io.vertx.core.json.JsonObject;
import io.vertx.pgclient.PgException;
import io.vertx.sqlclient.Pool;
import java.time.Duration;

/**
 * Creating, reading and configuring sites. Every request needs its site, so sites are cached
 * per node for a few seconds: a settings change reaches other nodes within that time, and
 * this node at once.
 */
public final class SiteService {
  private static final Duration CACHE_TIME = Duration.ofSeconds(5);

  private final Pool pool;
  private final SiteRepository sites;
  private final Cache<String, Site> cache = Caffeine.newBuilder()
      .expireAfterWrite(CACHE_TIME)
      .maximumSize(10_000)
      .build();

  public SiteService(Pool pool, SiteRepository sites) {
    this.pool = pool;
    this.sites = sites;
  }

  public Future<Site> create(SiteRequests.Create site) {
    String id = site.id();
    return pool.withTransaction(tx -> sites.insert(tx, id, site.name(), site.settings().values(), site.origins()))
        .recover(failure -> Future.failedFuture(isDuplicate(failure)
            ? ApiError.conflict("site_exists", "A site with id '" + id + "' already exists")
            : failure))
        .compose(ignored -> get(id));
  }

  /** Whether any site exists yet. */
  public Future<Boolean> anyExists() {
    return sites.anyExists(pool);
  }

  public Future<Site> get(String id) {
    Site cached = cache.getIfPresent(id);
    if (cached != null) {
      return Future.succeededFuture(cached);
    }
    return sites.find(pool, id).map(found -> {
      Site site = found.orElseThrow(() -> ApiError.notFound("site_not_found", "No site with id '" + id + "'")).site();
      cache.put(id, site);
      return site;
    });
  }

  public Future<Site> update(String id, SiteRequests.Update change) {
    return pool.withTransaction(tx -> sites.find(tx, id).compose(found -> {
      SiteRepository.StoredSite stored = found
          .orElseThrow(() -> ApiError.notFound("site_not_found", "No site with id '" + id + "'"));
      String name = change.name().orElse(stored.site().name());
      JsonObject settings = change.settings()
          .map(overrides -> overrides.over(stored.storedSettings()))
          .orElse(stored.storedSettings());
      Future<Void> originsUpdate = change.origins()
          .map(origins -> sites.replaceOrigins(tx, id, origins))
          .orElse(Future.succeededFuture());
      return originsUpdate.compose(ignored -> sites.update(tx, id, name, settings));
    })).compose(ignored -> {
      cache.invalidate(id);
      return get(id);
    });
  }

  private static boolean isDuplicate(Throwable failure) {
    return failure instanceof PgException pg && "23505".equals(pg.getSqlState());
  }
}
