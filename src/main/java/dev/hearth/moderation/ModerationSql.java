package dev.hearth.moderation;

/** SQL for reports, moderation state and the audit log. */
final class ModerationSql {
  private ModerationSql() {
  }

  static final String MARK_APPROVED =
      "update comments set approved_at = now(), moderation_reason = null where id = $1";

  static final String CLEAR_REPORTS =
      "update comments set report_score = 0, open_reports = 0 where id = $1";

  static final String RESOLVE_REPORTS =
      "update reports set status = $2, resolved_at = now() where comment_id = $1 and status = 'open'";

  static final String INSERT_REPORT =
      "insert into reports (site_id, comment_id, reporter_id, reason, note, weight) values ($1, $2, $3, $4, $5, $6) "
          + "on conflict (comment_id, reporter_id) do nothing returning id";

  static final String ADD_REPORT_SCORE =
      "update comments set report_score = report_score + $2, open_reports = open_reports + 1, last_report_at = now() "
          + "where id = $1 returning report_score";

  static final String REPORTS_TODAY =
      "select count(*) as n from reports where reporter_id = $1 and created_at > now() - interval '1 day'";

  /** What a reporter's weight depends on: who they are and how their past reports ended. */
  static final String REPORTER =
      "select u.kind, u.created_at < now() - interval '1 day' as day_old, "
          + "(select count(*) from comments c where c.author_id = u.id and c.status = 'visible') as visible_comments, "
          + "(select count(*) from reports r where r.reporter_id = u.id and r.status = 'dismissed') as dismissed, "
          + "(select count(*) from reports r where r.reporter_id = u.id and r.status <> 'open') as resolved "
          + "from users u where u.id = $1";

  static final String STATUS_FOR_AUTHOR =
      "select id, site_id, author_id, status, held_by, moderation_reason from comments where id = $1";

  static final String BAN =
      "update users set banned_at = now(), ban_reason = $3 where id = $1 and site_id = $2 and banned_at is null";
  static final String UNBAN =
      "update users set banned_at = null, ban_reason = null, suspended_until = null where id = $1 and site_id = $2 "
          + "and (banned_at is not null or suspended_until > now())";
  static final String SUSPEND =
      "update users set suspended_until = now() + make_interval(secs => $3) where id = $1 and site_id = $2 "
          + "returning suspended_until";
  static final String PREMODERATE =
      "update users set premoderated = $3 where id = $1 and site_id = $2 and premoderated <> $3";
  static final String USER_ON_SITE =
      "select id from users where id = $1 and site_id = $2";
  static final String USER_COMMENTS_TO_REJECT =
      "select id from comments where author_id = $1 and status in ('visible', 'pending', 'hidden') order by id";

  static final String QUEUE_COUNTS =
      "select count(*) filter (where open_reports > 0 and status in ('visible', 'hidden')) as reported, "
          + "count(*) filter (where status = 'pending') as pending, "
          + "count(*) filter (where status = 'hidden') as hidden, "
          + "count(*) filter (where status = 'rejected') as rejected, "
          + "count(*) filter (where status = 'visible' and approved_at is not null) as approved "
          + "from comments where site_id = $1 and ($2::bigint is null or page_id = $2)";

  static final String ITEM_COLUMNS =
      "c.id, c.parent_id, c.root_id, c.depth, c.author_id, c.author_name, c.body, c.html, c.status, c.created_at, "
          + "c.edited_at, c.reply_count, c.score, c.report_score, c.open_reports, c.last_report_at, c.held_by, "
          + "c.held_detail, c.moderation_reason, c.approved_at, c.page_id, p.key as page_key, p.title as page_title, "
          + "p.url as page_url";

  static final String QUEUE_REPORTED =
      "select " + ITEM_COLUMNS + " from comments c join pages p on p.id = c.page_id "
          + "where c.site_id = $1 and c.open_reports > 0 and c.status in ('visible', 'hidden') "
          + "and ($2::bigint is null or c.page_id = $2) "
          + "and (c.report_score, c.last_report_at, c.id) < ($3::real, $4::timestamptz, $5::bigint) "
          + "order by c.report_score desc, c.last_report_at desc, c.id desc limit $6";

  static final String QUEUE_BY_STATUS =
      "select " + ITEM_COLUMNS + " from comments c join pages p on p.id = c.page_id "
          + "where c.site_id = $1 and c.status = $3 and ($2::bigint is null or c.page_id = $2) "
          + "and (not $4::boolean or c.approved_at is not null) and c.id < $5 order by c.id desc limit $6";

  static final String REPORTS_OF =
      "select r.comment_id, r.reason, r.note, r.weight, r.status, r.created_at, r.reporter_id, u.display_name "
          + "from reports r join users u on u.id = r.reporter_id where r.comment_id = any($1::bigint[]) order by r.id";

  static final String REVISIONS_OF =
      "select comment_id, body, html, written_at, replaced_at from comment_revisions "
          + "where comment_id = any($1::bigint[]) order by id";

  static final String AUTHOR_RECORDS =
      "select u.id, u.display_name, u.kind, u.banned_at, u.ban_reason, u.suspended_until, u.premoderated, "
          + "(select count(*) from comments c where c.author_id = u.id and c.status = 'visible') as visible_comments, "
          + "(select count(*) from comments c where c.author_id = u.id and c.status = 'rejected') as rejected_comments, "
          + "(select count(*) from reports r join comments c on c.id = r.comment_id where c.author_id = u.id) "
          + "as reports_against from users u where u.id = any($1::bigint[])";

  static final String PARENTS_OF =
      "select c.id, c.author_name, c.body, c.html, c.status from comments c where c.id = any($1::bigint[])";

  static final String SITE_OF_COMMENT = "select site_id from comments where id = $1";

  static final String SITE_OF_USER = "select site_id from users where id = $1";

  static final String COUNT_ON_SITE = "select count(*) as n from comments where id = any($1::bigint[]) and site_id = $2";
}
