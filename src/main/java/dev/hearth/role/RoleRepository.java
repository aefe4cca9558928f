package dev.hearth.role;

import io.vertx.core.Future;
import io.vertx.sqlclient.SqlClient;
import io.vertx.sqlclient.Tuple;
import java.util.HashMap;
import java.util.Map;
import java.util.Optional;

/** Reads and writes site roles. */
public final class RoleRepository {
  static final String FIND = "select role from site_roles where site_id = $1 and user_id = $2";
  static final String ALL = "select user_id, role from site_roles where site_id = $1";
  static final String UPSERT =
      "insert into site_roles (site_id, user_id, role, granted_by) values ($1, $2, $3, $4) "
          + "on conflict (site_id, user_id) do update set role = excluded.role, granted_by = excluded.granted_by";
  static final String DELETE = "delete from site_roles where site_id = $1 and user_id = $2";
  static final String USER_ON_SITE = "select 1 from users where id = $1 and site_id = $2";

  public Future<Optional<Role>> find(SqlClient client, String siteId, long userId) {
    return client.preparedQuery(FIND).execute(Tuple.of(siteId, userId)).map(rows -> rows.size() == 0
        ? Optional.empty()
        : Optional.of(Role.parse(rows.iterator().next().getString("role"))));
  }

  /** Every staff member of a site (a small set), for badges. */
  public Future<Map<Long, Role>> all(SqlClient client, String siteId) {
    return client.preparedQuery(ALL).execute(Tuple.of(siteId)).map(rows -> {
      Map<Long, Role> roles = new HashMap<>();
      rows.forEach(row -> roles.put(row.getLong("user_id"), Role.parse(row.getString("role"))));
      return roles;
    });
  }

  public Future<Boolean> userOnSite(SqlClient client, long userId, String siteId) {
    return client.preparedQuery(USER_ON_SITE).execute(Tuple.of(userId, siteId)).map(rows -> rows.size() == 1);
  }

  public Future<Void> grant(SqlClient client, String siteId, long userId, Role role, Long grantedBy) {
    return client.preparedQuery(UPSERT).execute(Tuple.of(siteId, userId, role.wireName(), grantedBy)).mapEmpty();
  }

  public Future<Void> revoke(SqlClient client, String siteId, long userId) {
    return client.preparedQuery(DELETE).execute(Tuple.of(siteId, userId)).mapEmpty();
  }
}
