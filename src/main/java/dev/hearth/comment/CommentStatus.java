package dev.hearth.comment;

import java.util.Locale;

/**
 * Where a comment stands. {@link #json()} is its spelling in the API's JSON, the live frames and
 * the {@code comments.status} column (whose check constraint lists the same five).
 */
public enum CommentStatus {
  /** Shown to readers. */
  VISIBLE,
  /** Held by a rule or premoderation until a moderator decides. */
  PENDING,
  /** Taken out of the thread after reports, until a moderator decides. */
  HIDDEN,
  /** Refused by a moderator. */
  REJECTED,
  /** Deleted by its author. */
  DELETED;

  private final String json = name().toLowerCase(Locale.ROOT);

  public String json() {
    return json;
  }

  /** The status spelled {@code json}; anything else is a bug (the database allows only these). */
  public static CommentStatus from(String json) {
    for (CommentStatus status : values()) {
      if (status.json.equals(json)) {
        return status;
      }
    }
    throw new IllegalArgumentException("Not a comment status: " + json);
  }

  /** Readers see it, it counts on its page and under its parent, and it can be answered and voted on. */
  public boolean isVisible() {
    return this == VISIBLE;
  }

  /** Its author may still edit it: it is shown or waits for review. */
  public boolean isEditable() {
    return this == VISIBLE || this == PENDING;
  }

  /** Readers can still report it; a rejected or deleted comment is gone for good. */
  public boolean isReportable() {
    return this != REJECTED && this != DELETED;
  }

  /** A moderator's decision is shown to its author as the reason. */
  public boolean carriesModerationReason() {
    return this == HIDDEN || this == REJECTED;
  }
}
