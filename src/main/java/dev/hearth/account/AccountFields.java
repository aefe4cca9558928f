package dev.hearth.account;

import dev.hearth.text.TextRules;
import dev.hearth.web.ApiError;
import io.vertx.core.json.JsonObject;
import java.text.Normalizer;

/** The rules for the other fields people type when they get an identity. */
final class AccountFields {
  static final int MAX_NAME = 64;
  static final int MIN_PASSWORD = 10;
  static final int MAX_PASSWORD = 256;
  static final int MAX_EMAIL = 254;

  private AccountFields() {
  }

  /** A display name: 1-64 characters after NFC, no invisible or direction controls. */
  static String name(String field, String raw) {
    String name = TextRules.nfc(raw.strip());
    if (name.isEmpty() || TextRules.codePoints(name) > MAX_NAME) {
      throw ApiError.invalidField(field, "must be 1 to " + MAX_NAME + " characters");
    }
    if (TextRules.hasInvisibleOrBidiControls(name)) {
      throw new ApiError(400, "invalid_characters", field + ": contains invisible or text-direction control characters",
          new JsonObject().put("field", field));
    }
    return name;
  }

  /** An email address, kept for the site's own use; never returned by the API. */
  static String email(String field, String raw) {
    String email = raw.strip();
    if (email.length() > MAX_EMAIL || !email.matches("[^@\\s]+@[^@\\s]+\\.[^@\\s]+")) {
      throw ApiError.invalidField(field, "is not an email address");
    }
    return email;
  }

  /**
   * Passwords are compared after NFKC (as NIST SP 800-63B advises) so the same password typed
   * on another keyboard or system still matches. Length is counted in code points.
   */
  static String normalizedPassword(String raw) {
    return Normalizer.normalize(raw, Normalizer.Form.NFKC);
  }

  /** A new password: 10-256 characters and not the username itself. */
  static String newPassword(String field, String raw, String usernameKey) {
    String password = normalizedPassword(raw);
    int length = TextRules.codePoints(password);
    if (length < MIN_PASSWORD || length > MAX_PASSWORD) {
      throw ApiError.invalidField(field, "must be " + MIN_PASSWORD + " to " + MAX_PASSWORD + " characters");
    }
    if (Usernames.key(password).equals(usernameKey)) {
      throw ApiError.invalidField(field, "must not be the username");
    }
    return password;
  }
}
