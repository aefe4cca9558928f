package dev.hearth.moderation;

import dev.hearth.comment.CommentStatus;
import dev.hearth.web.ApiError;
import java.util.Arrays;
import java.util.List;
import java.util.Locale;
import java.util.Optional;

/**
 * The moderation queues, in the order the API counts them and the workspace shows its tabs.
 * {@link #json()} is the queue's name in the API (the {@code queue} parameter and the keys of
 * {@code counts}) and the workspace's links.
 */
public enum Queue {
  /** Shown or hidden comments with open reports, heaviest first. */
  REPORTED(null),
  PENDING(CommentStatus.PENDING),
  HIDDEN(CommentStatus.HIDDEN),
  REJECTED(CommentStatus.REJECTED),
  /** Visible comments a moderator approved. */
  APPROVED(CommentStatus.VISIBLE);

  private final String json = name().toLowerCase(Locale.ROOT);
  private final CommentStatus status;

  Queue(CommentStatus status) {
    this.status = status;
  }

  public String json() {
    return json;
  }

  /** What a tab or heading calls the queue. */
  public String label() {
    return json.substring(0, 1).toUpperCase(Locale.ROOT) + json.substring(1);
  }

  /** The status every comment in the queue has; none for the reported queue, which spans two. */
  public Optional<CommentStatus> status() {
    return Optional.ofNullable(status);
  }

  public static Optional<Queue> find(String json) {
    return Arrays.stream(values()).filter(queue -> queue.json.equals(json)).findFirst();
  }

  /** The queue a request names; any other value is the client's mistake (400). */
  public static Queue parse(String raw) {
    return find(raw).orElseThrow(() -> ApiError.badRequest("invalid_query", "queue must be one of " + jsonNames()));
  }

  public static List<String> jsonNames() {
    return Arrays.stream(values()).map(Queue::json).toList();
  }
}
