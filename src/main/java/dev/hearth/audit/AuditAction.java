package dev.hearth.audit;

import dev.hearth.web.ApiError;
import java.util.Arrays;
import java.util.List;
import java.util.Locale;

/**
 * What a moderator did, as written to the audit log. {@link #json()} is its spelling in the
 * {@code moderation_actions.action} column, the log's JSON and its {@code action} filter; the
 * filter offers and accepts exactly these.
 */
public enum AuditAction {
  APPROVE,
  REJECT,
  BAN,
  SUSPEND,
  UNBAN,
  PREMODERATE,
  STOP_PREMODERATING,
  PREMODERATE_PAGE,
  STOP_PREMODERATING_PAGE,
  CLOSE_PAGE,
  REOPEN_PAGE;

  private final String json = name().toLowerCase(Locale.ROOT);

  public String json() {
    return json;
  }

  /** The action a log filter names; any other value is the client's mistake (400). */
  public static AuditAction parse(String raw) {
    for (AuditAction action : values()) {
      if (action.json.equals(raw)) {
        return action;
      }
    }
    throw ApiError.badRequest("invalid_query", "action must be one of " + jsonNames());
  }

  public static List<String> jsonNames() {
    return Arrays.stream(values()).map(AuditAction::json).toList();
  }
}
