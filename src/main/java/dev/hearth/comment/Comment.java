package dev.hearth.comment;

import java.time.OffsetDateTime;

/**
 * A comment as stored. {@code body} is the source as typed: never render it as HTML, only
 * {@code html}, which was sanitized on write.
 */
public record Comment(
    long id,
    Long parentId,
    long rootId,
    int depth,
    long authorId,
    String authorName,
    String authorBadge,
    String body,
    String html,
    CommentStatus status,
    OffsetDateTime createdAt,
    OffsetDateTime editedAt,
    int replyCount,
    int score) {

  public boolean isVisible() {
    return status.isVisible();
  }
}
