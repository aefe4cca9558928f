package dev.hearth.role;

import dev.hearth.web.ApiError;
import java.util.Locale;

/** Staff roles on a site. Everyone else is a commenter, which needs no row. */
public enum Role {
  MODERATOR, OWNER;

  public static Role parse(String raw) {
    try {
      return valueOf(raw.toUpperCase(Locale.ROOT));
    } catch (IllegalArgumentException e) {
      throw ApiError.invalidField("role", "must be owner, moderator or commenter");
    }
  }

  public String wireName() {
    return name().toLowerCase(Locale.ROOT);
  }

  /** An owner may do everything a moderator may. */
  public boolean covers(Role required) {
    return ordinal() >= required.ordinal();
  }

  /** The badge a staff member's comments carry. */
  public String badge() {
    return this == OWNER ? "Owner" : "Moderator";
  }
}
