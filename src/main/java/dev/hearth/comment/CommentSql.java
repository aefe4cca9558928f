package dev.hearth.comment;

/** SQL for comments. */
final class CommentSql {
  private CommentSql() {
  }

  static final String COLUMNS =
      "c.id, c.parent_id, c.root_id, c.depth, c.body, c.html, c.status, c.created_at, c.edited_at, "
          + "c.reply_count, c.score, u.display_name as author_name";

  static final String PARENT_STATE =
      "select page_id, site_id, status from comments where id = $1";

  /**
   * Takes the parent's next sibling rank and counts the new visible reply; the parent row stays
   * locked until commit, so siblings get distinct ranks.
   */
  static final String CLAIM_REPLY_RANK =
      "update comments set child_seq = child_seq + 1, reply_count = reply_count + $2 "
          + "where id = $1 returning depth, sort_key, root_id, path_max_rank, child_seq";

  static final String CLAIM_ROOT_RANK =
      "update pages set root_seq = root_seq + 1 where id = $1 returning root_seq";

  static final String COUNT_VISIBLE =
      "update pages set comment_count = comment_count + 1, first_comment_at = coalesce(first_comment_at, now()) "
          + "where id = $1";

  static final String INSERT_AUTHOR =
      "insert into users (site_id, kind, display_name, email) values ($1, 'anonymous', $2, $3) returning id";

  /**
   * $5 is the sort key, or for a chronological comment ($13 = true) the prefix its own id is
   * appended to; the id is drawn here so that one statement does it.
   */
  static final String INSERT =
      "insert into comments (id, site_id, page_id, parent_id, root_id, depth, sibling_rank, sort_key, path_max_rank, "
          + "author_id, body, html, policy_version, status) "
          + "select n.id, $1, $2, $3, coalesce($4, n.id), $6, $7, "
          + "case when $13 then $5 || int8send(n.id) else $5 end, $8, $9, $10, $11, $12, $14 "
          + "from (select nextval('comments_id_seq') as id) n "
          + "returning id, created_at";

  static final String ROOTS_OLDEST =
      "select id from comments where page_id = $1 and parent_id is null and id > $2 "
          + "and (status = 'visible' or child_seq > 0) order by id limit $3";
  static final String ROOTS_NEWEST =
      "select id from comments where page_id = $1 and parent_id is null and id < $2 "
          + "and (status = 'visible' or child_seq > 0) order by id desc limit $3";
  static final String ROOTS_TOP =
      "select id, score as rank_value from comments where page_id = $1 and parent_id is null "
          + "and (score, id) < ($2, $3) and (status = 'visible' or child_seq > 0) "
          + "order by score desc, id desc limit $4";
  static final String ROOTS_REPLIES =
      "select id, reply_count as rank_value from comments where page_id = $1 and parent_id is null "
          + "and (reply_count, id) < ($2, $3) and (status = 'visible' or child_seq > 0) "
          + "order by reply_count desc, id desc limit $4";

  static final String THREADS =
      "select " + COLUMNS + " from comments c join users u on u.id = c.author_id "
          + "where c.root_id = any($1::bigint[]) order by c.sort_key";

  static final String ONE =
      "select " + COLUMNS + " from comments c join users u on u.id = c.author_id where c.id = $1";
}
