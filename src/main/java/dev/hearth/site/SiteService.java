package dev.hearth.site;

import dev.hearth.web.ApiError;
import dev.hearth.web.JsonFields;
import io.vertx.core.Future;
import io.vertx.core.json.JsonObject;
import io.vertx.pgclient.PgException;
import io.vertx.sqlclient.Pool;
import java.util.List;

/** Creating, reading and configuring sites. */
public final class SiteService {
  private final Pool pool;
  private final SiteRepository sites;

  public SiteService(Pool pool, SiteRepository sites) {
    this.pool = pool;
    this.sites = sites;
  }

  public Future<Site> create(JsonFields body) {
    body.allowOnly("id", "name", "origins", "settings");
    String id = SiteRequests.id(body.requiredString("id", false));
    String name = SiteRequests.name(body);
    List<String> origins = SiteRequests.origins(body).orElseThrow(() -> body.missing("origins"));
    JsonObject settings = body.optionalObject("settings")
        .map(fields -> SiteSettings.validatedOverrides(fields, new JsonObject()))
        .orElseGet(JsonObject::new);
    return pool.withTransaction(tx -> sites.insert(tx, id, name, settings, origins))
        .recover(failure -> Future.failedFuture(isDuplicate(failure)
            ? ApiError.conflict("site_exists", "A site with id '" + id + "' already exists")
            : failure))
        .compose(ignored -> get(id));
  }

  public Future<Site> get(String id) {
    return sites.find(pool, id).map(found -> found
        .orElseThrow(() -> ApiError.notFound("site_not_found", "No site with id '" + id + "'"))
        .site());
  }

  public Future<Site> update(String id, JsonFields body) {
    body.allowOnly("name", "origins", "settings");
    return pool.withTransaction(tx -> sites.find(tx, id).compose(found -> {
      SiteRepository.StoredSite stored = found
          .orElseThrow(() -> ApiError.notFound("site_not_found", "No site with id '" + id + "'"));
      String name = body.optionalString("name", false).map(SiteRequests::name).orElse(stored.site().name());
      JsonObject settings = body.optionalObject("settings")
          .map(fields -> SiteSettings.validatedOverrides(fields, stored.storedSettings()))
          .orElse(stored.storedSettings());
      Future<Void> originsUpdate = SiteRequests.origins(body)
          .map(origins -> sites.replaceOrigins(tx, id, origins))
          .orElse(Future.succeededFuture());
      return originsUpdate.compose(ignored -> sites.update(tx, id, name, settings));
    })).compose(ignored -> get(id));
  }

  private static boolean isDuplicate(Throwable failure) {
    return failure instanceof PgException pg && "23505".equals(pg.getSqlState());
  }
}
