package dev.hearth.comment;

/** SQL for comments. */
final class CommentSql {
  private CommentSql() {
  }

  static final String COLUMNS =
      "c.id, c.parent_id, c.root_id, c.depth, c.author_id, c.body, c.html, c.status, c.created_at, c.edited_at, "
          + "c.reply_count, c.score, c.author_name, c.author_badge";

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

  static final String ADD_REPLY_COUNT =
      "update comments set reply_count = reply_count + $2 where id = $1";

  /**
   * $5 is the sort key, or for a chronological comment ($13 = true) the prefix its own id is
   * appended to; the id is drawn here so that one statement does it.
   */
  static final String INSERT =
      "insert into comments (id, site_id, page_id, parent_id, root_id, depth, sibling_rank, sort_key, path_max_rank, "
          + "author_id, author_name, body, html, policy_version, status, held_by, held_detail, author_badge, "
          + "author_ip_hash) "
          + "select n.id, $1, $2, $3, coalesce($4, n.id), $6, $7, "
          + "case when $13 then $5 || int8send(n.id) else $5 end, $8, $9, $15, $10, $11, $12, $14, $16, $17, $18, $19 "
          + "from (select nextval('comments_id_seq') as id) n "
          + "returning id, created_at";

  /** A comment with what edits and deletes need to decide, locked for the transaction. */
  static final String FOR_CHANGE =
      "select id, site_id, page_id, parent_id, author_id, body, html, policy_version, status, created_at, edited_at "
          + "from comments where id = $1 for update";

  static final String SAVE_REVISION =
      "insert into comment_revisions (comment_id, body, html, policy_version, written_at) values ($1, $2, $3, $4, $5)";

  static final String UPDATE_BODY =
      "update comments set body = $2, html = $3, policy_version = $4, edited_at = now() where id = $1 returning edited_at";

  /** A status and the reason its author is shown; approval time kept for the approved queue. */
  static final String SET_STATUS =
      "update comments set status = $2, moderation_reason = $3, "
          + "approved_at = case when $2 = 'visible' then now() else approved_at end where id = $1";

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

  /** How many listed top-level comments come before a given one (oldest first): finds its page. */
  static final String ROOT_POSITION =
      "select count(*) as position from comments where page_id = $1 and parent_id is null and id < $2 "
          + "and (status = 'visible' or child_seq > 0)";
  static final String ROOT_AT_OFFSET =
      "select id from comments where page_id = $1 and parent_id is null and id < $2 "
          + "and (status = 'visible' or child_seq > 0) order by id desc offset $3 limit 1";

  /**
   * The threads of the given top-level comments in display order: replies within the first $2
   * of their level (path_max_rank), at most $4 comments per thread (a parent always comes
   * before its replies in this order, so the cut never orphans one), plus the comments in $3
   * and their first replies (the way down to a permalink).
   */
  static final String THREADS =
      "select " + COLUMNS + " from (select c.*, row_number() over (partition by c.root_id order by c.sort_key) as position "
          + "from comments c where c.root_id = any($1::bigint[]) and (c.path_max_rank <= $2 or c.id = any($3::bigint[]) "
          + "or c.parent_id = any($3::bigint[]) and c.sibling_rank <= $2)) c "
          + "where c.position <= $4 or c.id = any($3::bigint[]) or c.parent_id = any($3::bigint[]) order by c.sort_key";

  /**
   * Replies of one comment after a sibling rank ($2), at most $3 of them, each with its own
   * first $4 replies per level and at most $5 comments below it in display order.
   */
  static final String REPLIES =
      "with recursive sub as ("
          + " (select id, id as anchor, sort_key from comments where parent_id = $1 and sibling_rank > $2"
          + " order by sibling_rank limit $3)"
          + " union all"
          + " select c.id, sub.anchor, c.sort_key from comments c join sub on c.parent_id = sub.id where c.sibling_rank <= $4"
          + "), ranked as (select id, row_number() over (partition by anchor order by sort_key) as position from sub)"
          + " select " + COLUMNS + ", c.sibling_rank from ranked r join comments c on c.id = r.id where r.position <= $5"
          + " order by c.sort_key";

  static final String ANCESTORS =
      "with recursive up as (select id, parent_id from comments where id = $1"
          + " union all select c.id, c.parent_id from comments c join up on c.id = up.parent_id)"
          + " select id from up";

  static final String ONE =
      "select " + COLUMNS + ", c.page_id, c.site_id from comments c where c.id = $1";

  /** A writer's comments on one page that wait for a moderator (they see them; nobody else does). */
  static final String PENDING_OF_AUTHOR =
      "select " + COLUMNS + ", c.page_id, c.site_id from comments c join pages p on p.id = c.page_id "
          + "where p.site_id = $1 and p.key = $2 and c.author_id = $3 and c.status = 'pending' order by c.id limit 50";

  static final String UPDATE_AUTHOR_NAME =
      "update users set display_name = $2 where id = $1 and kind = 'anonymous'";

  static final String SANCTION_STATE = "select banned_at, ban_reason, suspended_until, now() as now from users where id = $1";

  static final String INSERT_ANONYMOUS =
      "insert into users (site_id, kind, display_name, email) values ($1, 'anonymous', $2, $3) returning id";
}
