package dev.hearth.comment;

import io.vertx.core.Future;
import io.vertx.core.buffer.Buffer;
import io.vertx.sqlclient.Row;
import io.vertx.sqlclient.SqlClient;
import io.vertx.sqlclient.Tuple;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;

/** Reads and writes comments. Methods take the client so the service decides the transaction. */
public final class CommentRepository {

  /** Where a reply's parent is and whether it can be answered. */
  public record ParentState(long pageId, String siteId, String status) {
  }

  /** What a new comment inherits from its parent (or the page, for a top-level comment). */
  public record Placement(Long parentId, long rootId, int depth, int rank, byte[] sortKey, boolean chronological,
                          int pathMaxRank) {
  }

  /** The id and creation time the database gave a new comment. */
  public record Inserted(long id, java.time.OffsetDateTime createdAt) {
  }

  public Future<Optional<ParentState>> parentState(SqlClient tx, long parentId) {
    return tx.preparedQuery(CommentSql.PARENT_STATE).execute(Tuple.of(parentId)).map(rows -> {
      if (rows.size() == 0) {
        return Optional.empty();
      }
      Row row = rows.iterator().next();
      return Optional.of(new ParentState(row.getLong("page_id"), row.getString("site_id"), row.getString("status")));
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

  public Future<Void> countVisible(SqlClient tx, long pageId) {
    return tx.preparedQuery(CommentSql.COUNT_VISIBLE).execute(Tuple.of(pageId)).mapEmpty();
  }

  public Future<Long> insertAnonymousAuthor(SqlClient tx, String siteId, String name, String email) {
    return tx.preparedQuery(CommentSql.INSERT_AUTHOR).execute(Tuple.of(siteId, name, email))
        .map(rows -> rows.iterator().next().getLong("id"));
  }

  public Future<Inserted> insert(SqlClient tx, String siteId, long pageId, Placement placement, long authorId,
                                 String body, String html, int policyVersion, String status) {
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
        .addString(body)
        .addString(html)
        .addInteger(policyVersion)
        .addBoolean(placement.chronological())
        .addString(status);
    return tx.preparedQuery(CommentSql.INSERT).execute(params).map(rows -> {
      Row row = rows.iterator().next();
      return new Inserted(row.getLong("id"), row.getOffsetDateTime("created_at"));
    });
  }

  /** Ids of the top-level comments of one page of threads, in the requested order. */
  public Future<List<RootRef>> roots(SqlClient client, long pageId, ThreadQuery query) {
    Tuple params;
    String sql;
    switch (query.sort()) {
      case OLDEST -> {
        sql = CommentSql.ROOTS_OLDEST;
        params = Tuple.of(pageId, query.cursor().map(ThreadCursor::id).orElse(0L), query.limit() + 1);
      }
      case NEWEST -> {
        sql = CommentSql.ROOTS_NEWEST;
        params = Tuple.of(pageId, query.cursor().map(ThreadCursor::id).orElse(Long.MAX_VALUE), query.limit() + 1);
      }
      default -> {
        sql = query.sort() == ThreadSort.TOP ? CommentSql.ROOTS_TOP : CommentSql.ROOTS_REPLIES;
        params = Tuple.of(pageId,
            query.cursor().map(ThreadCursor::rankValue).orElse(Integer.MAX_VALUE),
            query.cursor().map(ThreadCursor::id).orElse(Long.MAX_VALUE),
            query.limit() + 1);
      }
    }
    boolean ranked = query.sort() == ThreadSort.TOP || query.sort() == ThreadSort.REPLIES;
    return client.preparedQuery(sql).execute(params).map(rows -> {
      List<RootRef> roots = new ArrayList<>();
      rows.forEach(row -> roots.add(new RootRef(row.getLong("id"), ranked ? row.getInteger("rank_value") : 0)));
      return roots;
    });
  }

  /** Every comment of the given threads, in display order. */
  public Future<List<Comment>> threads(SqlClient client, List<Long> rootIds) {
    if (rootIds.isEmpty()) {
      return Future.succeededFuture(List.of());
    }
    return client.preparedQuery(CommentSql.THREADS).execute(Tuple.tuple().addArrayOfLong(rootIds.toArray(Long[]::new))).map(rows -> {
      List<Comment> comments = new ArrayList<>(rows.size());
      rows.forEach(row -> comments.add(toComment(row)));
      return comments;
    });
  }

  public Future<Optional<Comment>> find(SqlClient client, long id) {
    return client.preparedQuery(CommentSql.ONE).execute(Tuple.of(id))
        .map(rows -> rows.size() == 0 ? Optional.empty() : Optional.of(toComment(rows.iterator().next())));
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
        row.getString("author_name"),
        row.getString("body"),
        row.getString("html"),
        row.getString("status"),
        row.getOffsetDateTime("created_at"),
        row.getOffsetDateTime("edited_at"),
        row.getInteger("reply_count"),
        row.getInteger("score"));
  }
}
