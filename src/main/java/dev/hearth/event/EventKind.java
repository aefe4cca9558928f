package dev.hearth.event;

/**
 * What an events row reports. {@link #json()} is its spelling in the {@code events.kind} column
 * and in the {@code kind} of live frames (docs/live.md lists them for clients).
 */
public enum EventKind {
  COMMENT_CREATED("comment.created", false),
  COMMENT_EDITED("comment.edited", false),
  COMMENT_DELETED("comment.deleted", true),
  COMMENT_VOTED("comment.voted", false),
  COMMENT_APPROVED("comment.approved", false),
  COMMENT_REJECTED("comment.rejected", true),
  COMMENT_HIDDEN("comment.hidden", true),
  REPORT_CREATED("report.created", false),
  PAGE_CLOSED("page.closed", false),
  PAGE_REOPENED("page.reopened", false);

  private final String json;
  private final boolean removesComment;

  EventKind(String json, boolean removesComment) {
    this.json = json;
    this.removesComment = removesComment;
  }

  public String json() {
    return json;
  }

  /** The kind spelled {@code json}; anything else is a bug (only {@link EventLog} writes events). */
  public static EventKind from(String json) {
    for (EventKind kind : values()) {
      if (kind.json.equals(json)) {
        return kind;
      }
    }
    throw new IllegalArgumentException("Not an event kind: " + json);
  }

  /** The comment leaves the thread: readers are told only which one to take away. */
  public boolean removesComment() {
    return removesComment;
  }
}
