package dev.hearth.role;

import io.vertx.core.Future;
import java.util.Map;

/** The badges of a site's staff, by user id ("Owner", "Moderator"). */
public interface StaffBadges {
  Future<Map<Long, String>> of(String siteId);

  StaffBadges NONE = siteId -> Future.succeededFuture(Map.of());
}
