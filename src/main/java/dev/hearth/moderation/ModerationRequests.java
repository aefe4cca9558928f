package dev.hearth.moderation;

import dev.hearth.web.ApiError;
import dev.hearth.web.JsonFields;
import io.vertx.core.json.JsonObject;
import java.time.Duration;
import java.util.List;

/**
 * The bodies of reports and of the actions on users, read and checked field by field. A
 * reason is null when none was given; the workspace's forms build the same records.
 */
public final class ModerationRequests {
  static final int MAX_REASON = 1000;

  private ModerationRequests() {
  }

  /** {reason, note?}: a reader's report of a comment; "illegal" and "other" need a note. */
  public record Report(String reason, String note) {
    static final List<String> REASONS = List.of("spam", "abusive", "offensive", "off_topic", "illegal", "other");
    static final int MAX_NOTE = 1000;

    static Report from(JsonFields body) {
      body.allowOnly("reason", "note");
      String reason = body.requiredString("reason", false);
      if (!REASONS.contains(reason)) {
        throw ApiError.invalidField("reason", "must be one of " + REASONS);
      }
      String note = body.optionalString("note", true).map(String::strip).filter(n -> !n.isEmpty()).orElse(null);
      if (note != null && note.length() > MAX_NOTE) {
        throw ApiError.invalidField("note", "must be at most " + MAX_NOTE + " characters");
      }
      if (note == null && (reason.equals("illegal") || reason.equals("other"))) {
        throw new ApiError(400, "missing_field", "A note is required for this reason",
            new JsonObject().put("field", "note"));
      }
      return new Report(reason, note);
    }
  }

  /** {reason?, rejectComments?}: with rejectComments, the user's comments still shown or held are rejected too. */
  public record Ban(String reason, boolean rejectComments) {
    static Ban from(JsonFields body) {
      body.allowOnly("reason", "rejectComments");
      String reason = ModerationRequests.reason(body);
      return new Ban(reason, body.optionalBoolean("rejectComments").orElse(false));
    }
  }

  /** {hours, reason?}: from an hour to a year. */
  public record Suspension(String reason, Duration duration) {
    static final long MAX_HOURS = 24L * 365;

    static Suspension from(JsonFields body) {
      body.allowOnly("reason", "hours");
      String reason = ModerationRequests.reason(body);
      long hours = body.optionalLong("hours").orElseThrow(() -> body.missing("hours"));
      if (hours < 1 || hours > MAX_HOURS) {
        throw ApiError.invalidField("hours", "must be from 1 to " + MAX_HOURS);
      }
      return new Suspension(reason, Duration.ofHours(hours));
    }
  }

  /** {reason?}: lifting a ban. */
  public record Unban(String reason) {
    static Unban from(JsonFields body) {
      body.allowOnly("reason");
      return new Unban(ModerationRequests.reason(body));
    }
  }

  /** {on, reason?}: holding every comment of the user for review, or no longer. */
  public record Premoderation(boolean on, String reason) {
    static Premoderation from(JsonFields body) {
      body.allowOnly("on", "reason");
      boolean on = body.optionalBoolean("on").orElseThrow(() -> body.missing("on"));
      return new Premoderation(on, ModerationRequests.reason(body));
    }
  }

  /** An optional reason, as moderators give it for any action: stripped, null when blank. */
  static String reason(JsonFields body) {
    String reason = body.optionalString("reason", true).map(String::strip).filter(r -> !r.isEmpty()).orElse(null);
    if (reason != null && reason.length() > MAX_REASON) {
      throw ApiError.invalidField("reason", "must be at most " + MAX_REASON + " characters");
    }
    return reason;
  }
}
