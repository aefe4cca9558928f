package dev.hearth.auth;

import java.util.Optional;

/**
 * Who a presented credential stands for: the instance admin, or one user of one site. What
 * they may do on a site is decided elsewhere ({@code role.SiteAccess}); this only says who.
 */
public record Identity(boolean admin, Optional<AuthUser> user) {
  public static Identity instanceAdmin() {
    return new Identity(true, Optional.empty());
  }

  public static Identity of(AuthUser user) {
    return new Identity(false, Optional.of(user));
  }

  public Optional<Long> userId() {
    return user.map(AuthUser::id);
  }

  public Optional<String> siteId() {
    return user.map(AuthUser::siteId);
  }

  public String name() {
    return admin ? "instance admin" : user.map(AuthUser::displayName).orElse("");
  }
}
