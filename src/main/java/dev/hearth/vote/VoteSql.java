package dev.hearth.vote;

/** SQL for votes. */
final class VoteSql {
  private VoteSql() {
  }

  static final String CURRENT =
      "select value from comment_votes where comment_id = $1 and user_id = $2";

  static final String UPSERT =
      "insert into comment_votes (comment_id, user_id, value) values ($1, $2, $3) "
          + "on conflict (comment_id, user_id) do update set value = excluded.value, updated_at = now()";

  static final String WITHDRAW =
      "delete from comment_votes where comment_id = $1 and user_id = $2";

  static final String ADD_SCORE =
      "update comments set score = score + $2 where id = $1 returning score";

  static final String SCORE = "select score from comments where id = $1";

  /** The user's votes on one page ($1 user, $2 site, $3 page key). */
  static final String ON_PAGE =
      "select v.comment_id, v.value from comment_votes v join comments c on c.id = v.comment_id "
          + "join pages p on p.id = c.page_id where v.user_id = $1 and p.site_id = $2 and p.key = $3";
}
