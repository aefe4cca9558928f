package dev.hearth.role;

import java.util.Optional;

/**
 * Who is acting on a site's behalf: the instance admin (bootstrap token) or a user with a
 * staff role there.
 */
public record Actor(Optional<Long> userId, Optional<Role> role, boolean admin) {

  public static Actor instanceAdmin() {
    return new Actor(Optional.empty(), Optional.of(Role.OWNER), true);
  }

  public boolean has(Role required) {
    return admin || role.map(r -> r.covers(required)).orElse(false);
  }
}
