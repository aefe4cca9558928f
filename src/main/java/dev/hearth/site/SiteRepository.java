package dev.hearth.site;

import io.vertx.core.Future;
import io.vertx.core.json.JsonObject;
import io.vertx.sqlclient.Row;
import io.vertx.sqlclient.RowSet;
import io.vertx.sqlclient.SqlClient;
import io.vertx.sqlclient.Tuple;
import java.util.Arrays;
import java.util.List;
import java.util.Optional;

/** Reads and writes sites. Each method takes the client so callers choose the transaction. */
public final class SiteRepository {

  public Future<Void> insert(SqlClient client, String id, String name, JsonObject settings, List<String> origins) {
    return client.preparedQuery(SiteSql.INSERT_SITE).execute(Tuple.of(id, name, settings))
        .compose(ignored -> replaceOrigins(client, id, origins));
  }

  public Future<Void> update(SqlClient client, String id, String name, JsonObject settings) {
    return client.preparedQuery(SiteSql.UPDATE).execute(Tuple.of(id, name, settings)).mapEmpty();
  }

  public Future<Void> replaceOrigins(SqlClient client, String id, List<String> origins) {
    return client.preparedQuery(SiteSql.DELETE_ORIGINS).execute(Tuple.of(id))
        .compose(ignored -> client.preparedQuery(SiteSql.INSERT_ORIGINS)
            .execute(Tuple.tuple().addString(id).addArrayOfString(origins.toArray(String[]::new))))
        .mapEmpty();
  }

  public Future<Optional<StoredSite>> find(SqlClient client, String id) {
    return client.preparedQuery(SiteSql.FIND).execute(Tuple.of(id)).map(SiteRepository::first);
  }

  /** Whether some site allows this browser origin. */
  public Future<Boolean> anyAllows(SqlClient client, String origin) {
    return client.preparedQuery(SiteSql.ANY_ALLOWS_ORIGIN).execute(Tuple.of(origin)).map(rows -> rows.size() > 0);
  }

  /** Whether this site allows this browser origin; empty when there is no such site. */
  public Future<Optional<Boolean>> originOnSite(SqlClient client, String siteId, String origin) {
    return client.preparedQuery(SiteSql.ORIGIN_ON_SITE).execute(Tuple.of(siteId, origin)).map(rows -> rows.size() == 0
        ? Optional.empty()
        : Optional.of(rows.iterator().next().getBoolean("allowed")));
  }

  /** Whether any site exists yet (an empty instance gets the demo). */
  public Future<Boolean> anyExists(SqlClient client) {
    return client.query(SiteSql.ANY_SITE).execute().map(rows -> rows.iterator().next().getBoolean("any"));
  }

  private static Optional<StoredSite> first(RowSet<Row> rows) {
    if (rows.size() == 0) {
      return Optional.empty();
    }
    Row row = rows.iterator().next();
    JsonObject settings = row.getJsonObject("settings");
    List<String> origins = Arrays.asList(row.getArrayOfStrings("origins"));
    return Optional.of(new StoredSite(
        new Site(row.getString("id"), row.getString("name"), origins, SiteSettings.fromStored(settings)),
        settings));
  }

  /** A site together with its raw stored settings overrides (needed to merge a PATCH). */
  public record StoredSite(Site site, JsonObject storedSettings) {
  }
}
