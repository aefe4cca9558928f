package dev.hearth.role;

import com.github.benmanes.caffeine.cache.Cache;
import com.github.benmanes.caffeine.cache.Caffeine;
import io.vertx.core.Future;
import io.vertx.sqlclient.Pool;
import java.time.Duration;
import java.util.HashMap;
import java.util.Map;

/**
 * Staff badges per site, read on every thread listing, so cached per node for a few seconds
 * (a role change shows on other nodes within that time, on this node at once).
 */
public final class StaffDirectory implements StaffBadges {
  private final Pool pool;
  private final RoleRepository roles;
  private final Cache<String, Map<Long, String>> cache = Caffeine.newBuilder()
      .expireAfterWrite(Duration.ofSeconds(5))
      .maximumSize(10_000)
      .build();

  public StaffDirectory(Pool pool, RoleRepository roles) {
    this.pool = pool;
    this.roles = roles;
  }

  @Override
  public Future<Map<Long, String>> of(String siteId) {
    Map<Long, String> cached = cache.getIfPresent(siteId);
    if (cached != null) {
      return Future.succeededFuture(cached);
    }
    return roles.all(pool, siteId).map(staff -> {
      Map<Long, String> badges = new HashMap<>();
      staff.forEach((userId, role) -> badges.put(userId, role.badge()));
      Map<Long, String> frozen = Map.copyOf(badges);
      cache.put(siteId, frozen);
      return frozen;
    });
  }

  public void invalidate(String siteId) {
    cache.invalidate(siteId);
  }
}
