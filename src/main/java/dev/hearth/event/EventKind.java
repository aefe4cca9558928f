package dev.hearth.event;

/**
 * What an events row reports. {@link #json()} is its spelling in the {@code events.kind} column
 * and in the {@code kind} of live frames (docs/live.md lists them for clients).
 */
public enum EventKind {
  COMMENT_CREATED("comment.created", false, true),
  COMMENT_EDITED("comment.edited", false, true),
  COMMENT_DELETED("comment.deleted", true, true),
  COMMENT_VOTED("comment.voted", false, true),
  COMMENT_APPROVED("comment.approved", false, true),
  COMMENT_REJECTED("comment.rejected", true, true),
  COMMENT_HIDDEN("comment.hidden", true, true),
  REPORT_CREATED("report.created", false, false),
  PAGE_CLOSED("page.closed", false, true),
  PAGE_REOPENED("page.reopened", false, true);

  private final String json;
  private final boolean removesComment;
  private final boolean reachesReaders;

  EventKind(String json, boolean removesComment, boolean reachesReaders) {
    this.json = json;
    this.removesComment = removesComment;
    this.reachesReaders = reachesReaders;
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

  /** Whether the page's readers hear of it; a report is for the site's staff only. */
  public boolean reachesReaders() {
    return reachesReaders;
  }

  /** The comment leaves the thread: readers are told only which one to take away. */
  public boolean removesComment() {
    return removesComment;
  }
}
