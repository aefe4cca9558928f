package dev.hearth.workspace;

import dev.hearth.auth.Identity;
import java.util.Optional;

/**
 * Who holds the workspace cookie, and the cookie's token (which keys the forms' CSRF token
 * and is what signing out revokes). Their role is checked per request, on the site the
 * request concerns.
 */
record Moderator(String token, Identity identity) {
  boolean admin() {
    return identity.admin();
  }

  Optional<String> homeSite() {
    return identity.siteId();
  }

  String name() {
    return identity.name();
  }

  String csrf() {
    return CsrfGuard.tokenFor(token);
  }
}
