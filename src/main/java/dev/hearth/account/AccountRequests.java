package dev.hearth.account;

import dev.hearth.web.JsonFields;
import java.util.Optional;

/** The bodies of the /api/v1/auth endpoints, read and checked field by field before any work. */
final class AccountRequests {
  private AccountRequests() {
  }

  /** {site, name}: an anonymous identity under a display name. */
  record Anonymous(String site, String name) {
    static Anonymous from(JsonFields body) {
      body.allowOnly("site", "name");
      String site = body.requiredString("site", false);
      return new Anonymous(site, AccountFields.name("name", body.requiredString("name", false)));
    }
  }

  /** {site, username, email, password}: a new local account; the password is already normalized. */
  record SignUp(String site, Usernames.Username username, String email, String password) {
    static SignUp from(JsonFields body) {
      body.allowOnly("site", "username", "email", "password");
      String site = body.requiredString("site", false);
      Usernames.Username username = Usernames.parse(body.requiredString("username", false));
      String email = AccountFields.email("email", body.requiredString("email", false));
      String password = AccountFields.newPassword("password", body.requiredString("password", false), username.key());
      return new SignUp(site, username, email, password);
    }
  }

  /**
   * {site, username, password}. A username no account could have is kept as an empty key, not
   * refused: signing in answers it like a wrong password.
   */
  record SignIn(String site, Optional<String> usernameKey, String password) {
    static SignIn from(JsonFields body) {
      body.allowOnly("site", "username", "password");
      return read(body.requiredString("site", false), body.requiredString("username", false),
          body.requiredString("password", false));
    }

    /** The same fields typed into a form, refused for the same characters a JSON body would be. */
    static SignIn of(String site, String username, String password) {
      return read(JsonFields.checkedText("site", site, false), JsonFields.checkedText("username", username, false),
          JsonFields.checkedText("password", password, false));
    }

    private static SignIn read(String site, String username, String password) {
      return new SignIn(site, Usernames.keyForSignIn(username), AccountFields.normalizedPassword(password));
    }
  }

  /**
   * {currentPassword, newPassword}; the current one is normalized, the new one is checked
   * later, against the username of the account it is for.
   */
  record PasswordChange(String currentPassword, String newPassword) {
    static PasswordChange from(JsonFields body) {
      body.allowOnly("currentPassword", "newPassword");
      String current = AccountFields.normalizedPassword(body.requiredString("currentPassword", false));
      return new PasswordChange(current, body.requiredString("newPassword", false));
    }
  }

  /** {site, token}: a token minted by the site's own server. */
  record Sso(String site, String token) {
    static Sso from(JsonFields body) {
      body.allowOnly("site", "token");
      return new Sso(body.requiredString("site", false), body.requiredString("token", false));
    }
  }
}
