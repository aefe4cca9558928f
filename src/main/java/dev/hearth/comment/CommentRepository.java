package dev.hearth.comment;

import io.vertx.core.Future;
import io.vertx.core.buffer.Buffer;
import io.vertx.sqlclient.Row;
import io.vertx.sqlclient.SqlClient;
import io.vertx.sqlclient.Tuple;
import java.time.OffsetDateTime;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;

/** Reads and writes comments. Methods take the client so the service decides the transaction. */
public final class CommentRepository {

  /** Where a reply's parent is and whether it can be answered. */
  public record ParentState(long pageId, String siteId, CommentStatus status) {
  }

  /** What a new comment inherits from its parent (or the page, for a top-level comment). */
  public record Placement(Long parentId, long rootId, int depth, int rank, byte[] sortKey, boolean chronological,
                          int pathMaxRank) {
  }

  /** The id and creation time the database gave a new comment. */
  public record Inserted(long id, OffsetDateTime createdAt) {
  }

  /** A comment locked for an edit or a delete, with what the rules need. */
  public record Changeable(long id, String siteId, long pageId, Long parentId, long authorId, String body, String html,
                          int policyVersion, CommentStatus status, OffsetDateTime createdAt, OffsetDateTime editedAt) {
  }

  /** A comment with the page and site it belongs to. */
  public record Located(Comment comment, long pageId, String siteId) {
  }

  public Future<Optional<ParentState>> parentState(SqlClient tx, long parentId) {
    return tx.preparedQuery(CommentSql.PARENT_STATE).execute(Tuple.of(parentId)).map(rows -> {
      if (rows.size() == 0) {
        return Optional.empty();
      }
      Row row = rows.iterator().next();
      return Optional.of(new ParentState(row.getLong("page_id"), row.getString("site_id"),
          CommentStatus.from(row.getString("status"))));
    });
  }

  /** Places a reply under its parent (locking the parent) and counts it if visible. */
  public Future<Placement> placeReply(SqlClient tx, long parentId, boolean countsAsVisible) {
    return tx.preparedQuery(CommentSql.CLAIM_REPLY_RANK).execute(Tuple.of(parentId, countsAsVisible ? 1 : 0))
        .map(rows -> {
          Row row = rows.iterator().next();
          int depth = row.getInteger("depth") + 1;
          int rank = row.getInteger("child_seq");
          byte[] parentKey = row.getBuffer("sort_key").getBytes();
          boolean chronological = SortKey.isChronological(depth);
          byte[] key = chronological
              ? SortKey.chronologicalPrefix(parentKey, depth - 1)
              : SortKey.ranked(parentKey, rank);
          int pathMaxRank = Math.max(row.getInteger("path_max_rank"), rank);
          return new Placement(parentId, row.getLong("root_id"), depth, rank, key, chronological, pathMaxRank);
        });
  }

  public Future<Placement> placeRoot(SqlClient tx, long pageId) {
    return tx.preparedQuery(CommentSql.CLAIM_ROOT_RANK).execute(Tuple.of(pageId)).map(rows -> {
      int rank = rows.iterator().next().getInteger("root_seq");
      return new Placement(null, 0, 0, rank, SortKey.encodeRank(rank), false, 0);
    });
  }

  public Future<Void> addReplyCount(SqlClient tx, long commentId, int delta) {
    return tx.preparedQuery(CommentSql.ADD_REPLY_COUNT).execute(Tuple.of(commentId, delta)).mapEmpty();
  }

  public Future<Void> renameAnonymous(SqlClient tx, long userId, String name) {
    return tx.preparedQuery(CommentSql.UPDATE_AUTHOR_NAME).execute(Tuple.of(userId, name)).mapEmpty();
  }

  public Future<Inserted> insert(SqlClient tx, String siteId, long pageId, Placement placement, long authorId,
                                 String authorName, String authorBadge, byte[] addressHash, RenderedBody body,
                                 CommentStatus status, String heldBy, String heldDetail) {
    Tuple params = Tuple.tuple()
        .addString(siteId)
        .addLong(pageId)
        .addLong(placement.parentId())
        .addLong(placement.parentId() == null ? null : placement.rootId())
        .addBuffer(Buffer.buffer(placement.sortKey()))
        .addInteger(placement.depth())
        .addInteger(placement.rank())
        .addInteger(placement.pathMaxRank())
        .addLong(authorId)
        .addString(body.source())
        .addString(body.html())
        .addInteger(body.policyVersion())
        .addBoolean(placement.chronological())
        .addString(status.json())
        .addString(authorName)
        .addString(heldBy)
        .addString(heldDetail)
        .addString(authorBadge)
        .addBuffer(Buffer.buffer(addressHash));
    return tx.preparedQuery(CommentSql.INSERT).execute(params).map(rows -> {
      Row row = rows.iterator().next();
      return new Inserted(row.getLong("id"), row.getOffsetDateTime("created_at"));
    });
  }

  public Future<Optional<Changeable>> lockForChange(SqlClient tx, long id) {
    return tx.preparedQuery(CommentSql.FOR_CHANGE).execute(Tuple.of(id)).map(rows -> {
      if (rows.size() == 0) {
        return Optional.empty();
      }
      Row r = rows.iterator().next();
      return Optional.of(new Changeable(r.getLong("id"), r.getString("site_id"), r.getLong("page_id"),
          r.getLong("parent_id"), r.getLong("author_id"), r.getString("body"), r.getString("html"),
          r.getInteger("policy_version"), CommentStatus.from(r.getString("status")), r.getOffsetDateTime("created_at"),
          r.getOffsetDateTime("edited_at")));
    });
  }

  /** Keeps the version being replaced, for moderators. */
  public Future<Void> saveRevision(SqlClient tx, Changeable old) {
    OffsetDateTime writtenAt = old.editedAt() == null ? old.createdAt() : old.editedAt();
    return tx.preparedQuery(CommentSql.SAVE_REVISION)
        .execute(Tuple.of(old.id(), old.body(), old.html(), old.policyVersion(), writtenAt)).mapEmpty();
  }

  public Future<OffsetDateTime> updateBody(SqlClient tx, long id, RenderedBody body) {
    return tx.preparedQuery(CommentSql.UPDATE_BODY).execute(Tuple.of(id, body.source(), body.html(), body.policyVersion()))
        .map(rows -> rows.iterator().next().getOffsetDateTime("edited_at"));
  }

  public Future<Void> setStatus(SqlClient tx, long id, CommentStatus status, String reason) {
    return tx.preparedQuery(CommentSql.SET_STATUS).execute(Tuple.of(id, status.json(), reason)).mapEmpty();
  }

  /** Ids of the top-level comments of one page of threads, in the requested order. */
  public Future<List<RootRef>> roots(SqlClient client, long pageId, ThreadSort sort, Optional<ThreadCursor> cursor,
                                     int limit) {
    Tuple params;
    String sql;
    switch (sort) {
      case OLDEST -> {
        sql = CommentSql.ROOTS_OLDEST;
        params = Tuple.of(pageId, cursor.map(ThreadCursor::id).orElse(0L), limit);
      }
      case NEWEST -> {
        sql = CommentSql.ROOTS_NEWEST;
        params = Tuple.of(pageId, cursor.map(ThreadCursor::id).orElse(Long.MAX_VALUE), limit);
      }
      default -> {
        sql = sort == ThreadSort.TOP ? CommentSql.ROOTS_TOP : CommentSql.ROOTS_REPLIES;
        params = Tuple.of(pageId, cursor.map(ThreadCursor::rankValue).orElse(Integer.MAX_VALUE),
            cursor.map(ThreadCursor::id).orElse(Long.MAX_VALUE), limit);
      }
    }
    boolean ranked = sort == ThreadSort.TOP || sort == ThreadSort.REPLIES;
    return client.preparedQuery(sql).execute(params).map(rows -> {
      List<RootRef> roots = new ArrayList<>();
      rows.forEach(row -> roots.add(new RootRef(row.getLong("id"), ranked ? row.getInteger("rank_value") : 0)));
      return roots;
    });
  }

  /** How many listed top-level comments precede {@code rootId} in oldest-first order. */
  public Future<Long> rootPosition(SqlClient client, long pageId, long rootId) {
    return client.preparedQuery(CommentSql.ROOT_POSITION).execute(Tuple.of(pageId, rootId))
        .map(rows -> rows.iterator().next().getLong("position"));
  }

  /** The listed top-level comment {@code offset + 1} places before {@code rootId}, oldest first. */
  public Future<Optional<Long>> rootBefore(SqlClient client, long pageId, long rootId, long offset) {
    return client.preparedQuery(CommentSql.ROOT_AT_OFFSET).execute(Tuple.of(pageId, rootId, offset))
        .map(rows -> rows.size() == 0 ? Optional.empty() : Optional.of(rows.iterator().next().getLong("id")));
  }

  /**
   * The given threads in display order, with the first {@code perLevel} replies of each level,
   * plus the comments in {@code include} and their first replies (the way to a permalink).
   */
  public Future<List<Comment>> threads(SqlClient client, List<Long> rootIds, int perLevel, int perThread,
                                       List<Long> include) {
    if (rootIds.isEmpty()) {
      return Future.succeededFuture(List.of());
    }
    Tuple params = Tuple.tuple()
        .addArrayOfLong(rootIds.toArray(Long[]::new))
        .addInteger(perLevel)
        .addArrayOfLong(include.toArray(Long[]::new))
        .addInteger(perThread);
    return client.preparedQuery(CommentSql.THREADS).execute(params).map(rows -> {
      List<Comment> comments = new ArrayList<>(rows.size());
      rows.forEach(row -> comments.add(toComment(row)));
      return comments;
    });
  }

  /** A slice of a comment's replies: those ranked after {@code afterRank}, with their first replies per level. */
  public Future<List<RankedComment>> replies(SqlClient client, long parentId, int afterRank, int limit, int perLevel,
                                             int perThread) {
    return client.preparedQuery(CommentSql.REPLIES).execute(Tuple.of(parentId, afterRank, limit, perLevel, perThread))
        .map(rows -> {
      List<RankedComment> comments = new ArrayList<>(rows.size());
      rows.forEach(row -> comments.add(new RankedComment(toComment(row), row.getInteger("sibling_rank"))));
      return comments;
    });
  }

  /** A comment with its position among its siblings. */
  public record RankedComment(Comment comment, int rank) {
  }

  /** The comment and every comment above it up to its top-level comment. */
  public Future<List<Long>> selfAndAncestors(SqlClient client, long id) {
    return client.preparedQuery(CommentSql.ANCESTORS).execute(Tuple.of(id)).map(rows -> {
      List<Long> ids = new ArrayList<>();
      rows.forEach(row -> ids.add(row.getLong("id")));
      return ids;
    });
  }

  public Future<Optional<Located>> find(SqlClient client, long id) {
    return client.preparedQuery(CommentSql.ONE).execute(Tuple.of(id)).map(rows -> {
      if (rows.size() == 0) {
        return Optional.empty();
      }
      Row row = rows.iterator().next();
      return Optional.of(new Located(toComment(row), row.getLong("page_id"), row.getString("site_id")));
    });
  }

  /** A writer's own comments on a page that wait for review, oldest first. */
  public Future<List<Located>> pendingOf(SqlClient client, String siteId, String pageKey, long authorId) {
    return client.preparedQuery(CommentSql.PENDING_OF_AUTHOR).execute(Tuple.of(siteId, pageKey, authorId))
        .map(rows -> {
          List<Located> found = new ArrayList<>();
          rows.forEach(row -> found.add(new Located(toComment(row), row.getLong("page_id"), row.getString("site_id"))));
          return found;
        });
  }

  /** A top-level comment of a page of threads and the value it was ordered by. */
  public record RootRef(long id, int rankValue) {
  }

  static Comment toComment(Row row) {
    return new Comment(
        row.getLong("id"),
        row.getLong("parent_id"),
        row.getLong("root_id"),
        row.getInteger("depth"),
        row.getLong("author_id"),
        row.getString("author_name"),
        row.getString("author_badge"),
        row.getString("body"),
        row.getString("html"),
        CommentStatus.from(row.getString("status")),
        row.getOffsetDateTime("created_at"),
        row.getOffsetDateTime("edited_at"),
        row.getInteger("reply_count"),
        row.getInteger("score"));
  }
}
