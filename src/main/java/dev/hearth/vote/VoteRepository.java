package dev.hearth.vote;

import io.vertx.core.Future;
import io.vertx.core.json.JsonObject;
import io.vertx.sqlclient.SqlClient;
import io.vertx.sqlclient.Tuple;

/** Stored votes and the score they add up to. */
final class VoteRepository {

  /** The user's current vote on a comment: -1, 1, or 0 for none. */
  Future<Integer> current(SqlClient tx, long commentId, long userId) {
    return tx.preparedQuery(VoteSql.CURRENT).execute(Tuple.of(commentId, userId))
        .map(rows -> rows.size() == 0 ? 0 : (int) rows.iterator().next().getShort("value"));
  }

  /** Stores the vote (0 withdraws it). */
  Future<Void> set(SqlClient tx, long commentId, long userId, int value) {
    return value == 0
        ? tx.preparedQuery(VoteSql.WITHDRAW).execute(Tuple.of(commentId, userId)).mapEmpty()
        : tx.preparedQuery(VoteSql.UPSERT).execute(Tuple.of(commentId, userId, (short) value)).mapEmpty();
  }

  /** Adds to the comment's score; returns the new score. */
  Future<Integer> addScore(SqlClient tx, long commentId, int delta) {
    return tx.preparedQuery(VoteSql.ADD_SCORE).execute(Tuple.of(commentId, delta))
        .map(rows -> rows.iterator().next().getInteger("score"));
  }

  Future<Integer> score(SqlClient client, long commentId) {
    return client.preparedQuery(VoteSql.SCORE).execute(Tuple.of(commentId))
        .map(rows -> rows.iterator().next().getInteger("score"));
  }

  /** {"commentId": value} for the user's votes on a page. */
  Future<JsonObject> onPage(SqlClient client, long userId, String siteId, String pageKey) {
    return client.preparedQuery(VoteSql.ON_PAGE).execute(Tuple.of(userId, siteId, pageKey)).map(rows -> {
      JsonObject votes = new JsonObject();
      rows.forEach(row -> votes.put(String.valueOf(row.getLong("comment_id")), (int) row.getShort("value")));
      return votes;
    });
  }
}
