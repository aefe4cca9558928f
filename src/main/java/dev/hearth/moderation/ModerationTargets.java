package dev.hearth.moderation;

import dev.hearth.web.ApiError;
import io.vertx.core.Future;
import io.vertx.sqlclient.Pool;
import io.vertx.sqlclient.Tuple;
import java.util.List;

/**
 * What a moderation request names, and on which site: an action on a comment or a user is
 * authorized on the site it belongs to, and a bulk action only on comments of the site it names.
 */
public final class ModerationTargets {
  private final Pool pool;

  public ModerationTargets(Pool pool) {
    this.pool = pool;
  }

  /** The site of a comment; 404 {@code comment_not_found}. */
  public Future<String> siteOfComment(long id) {
    return siteOf(ModerationSql.SITE_OF_COMMENT, id, "comment_not_found", "comment");
  }

  /** The site of a user; 404 {@code user_not_found}. */
  public Future<String> siteOfUser(long id) {
    return siteOf(ModerationSql.SITE_OF_USER, id, "user_not_found", "user");
  }

  /** Succeeds when every id is a comment of the site; else 422 {@code comment_not_found}. */
  public Future<Void> allOnSite(List<Long> ids, String site) {
    return pool.preparedQuery(ModerationSql.COUNT_ON_SITE)
        .execute(Tuple.tuple().addArrayOfLong(ids.toArray(Long[]::new)).addString(site))
        .map(rows -> {
          if (rows.iterator().next().getLong("n") != ids.size()) {
            throw ApiError.unprocessable("comment_not_found", "Some ids are not comments of site " + site);
          }
          return null;
        });
  }

  /** What its author (or a moderator) may learn of a comment's fate. */
  public record Fate(long id, String siteId, long authorId, String status, String moderationReason) {
  }

  /** A comment's site, author, status and the reason a moderator gave; 404 {@code comment_not_found}. */
  public Future<Fate> fateOf(long id) {
    return pool.preparedQuery(ModerationSql.STATUS_FOR_AUTHOR).execute(Tuple.of(id)).map(rows -> {
      if (rows.size() == 0) {
        throw ApiError.notFound("comment_not_found", "No comment " + id);
      }
      var row = rows.iterator().next();
      return new Fate(id, row.getString("site_id"), row.getLong("author_id"), row.getString("status"),
          row.getString("moderation_reason"));
    });
  }

  private Future<String> siteOf(String sql, long id, String notFound, String what) {
    return pool.preparedQuery(sql).execute(Tuple.of(id)).map(rows -> {
      if (rows.size() == 0) {
        throw ApiError.notFound(notFound, "No such " + what + ": " + id);
      }
      return rows.iterator().next().getString("site_id");
    });
  }
}
