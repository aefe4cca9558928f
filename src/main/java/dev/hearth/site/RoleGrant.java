package dev.hearth.site;

import dev.hearth.role.Role;
import dev.hearth.web.JsonFields;
import java.util.Optional;

/** A role to give a user of a site: {userId, role: owner|moderator|commenter}; no role means commenter. */
public record RoleGrant(long userId, Optional<Role> role) {

  static RoleGrant from(JsonFields body) {
    body.allowOnly("userId", "role");
    long userId = body.optionalLong("userId").orElseThrow(() -> body.missing("userId"));
    String roleName = body.requiredString("role", false);
    return new RoleGrant(userId, "commenter".equals(roleName) ? Optional.empty() : Optional.of(Role.parse(roleName)));
  }
}
