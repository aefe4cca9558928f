package dev.hearth.site;

import dev.hearth.role.Actor;
import dev.hearth.role.Role;
import dev.hearth.role.RoleRepository;
import dev.hearth.role.StaffDirectory;
import dev.hearth.web.ApiError;
import io.vertx.core.Future;
import io.vertx.core.json.JsonObject;
import io.vertx.sqlclient.Pool;

/**
 * Granting roles: the instance admin may make owners; an owner may make moderators (and
 * demote them). Nobody can change their own role, so a site cannot lose its last owner by a
 * slip of the owner.
 */
public final class StaffService {
  private final Pool pool;
  private final SiteService sites;
  private final RoleRepository roles;
  private final StaffDirectory staff;

  public StaffService(Pool pool, SiteService sites, RoleRepository roles, StaffDirectory staff) {
    this.pool = pool;
    this.sites = sites;
    this.roles = roles;
    this.staff = staff;
  }

  public Future<JsonObject> grant(String siteId, Actor actor, RoleGrant grant) {
    long userId = grant.userId();
    boolean commenter = grant.role().isEmpty();
    Role role = grant.role().orElse(null);
    if (!actor.admin() && (role == Role.OWNER || !actor.has(Role.OWNER))) {
      throw ApiError.forbidden("forbidden", "Only the instance admin grants the owner role; owners grant moderator");
    }
    if (actor.userId().map(id -> id == userId).orElse(false)) {
      throw ApiError.forbidden("forbidden", "You cannot change your own role");
    }
    return sites.get(siteId).compose(site -> roles.userOnSite(pool, userId, site.id())).compose(exists -> {
      if (!exists) {
        throw ApiError.unprocessable("user_not_found", "No user " + userId + " on site " + siteId);
      }
      return roles.find(pool, siteId, userId);
    }).compose(current -> {
      if (!actor.admin() && current.map(r -> r == Role.OWNER).orElse(false)) {
        throw ApiError.forbidden("forbidden", "Only the instance admin changes an owner's role");
      }
      Future<Void> change = commenter
          ? roles.revoke(pool, siteId, userId)
          : roles.grant(pool, siteId, userId, role, actor.userId().orElse(null));
      return change.onSuccess(ignored -> staff.invalidate(siteId)).map(new JsonObject().put("site", siteId).put("userId", userId)
          .put("role", commenter ? "commenter" : role.wireName()));
    });
  }
}
