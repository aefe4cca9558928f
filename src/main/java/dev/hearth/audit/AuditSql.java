package dev.hearth.audit;

/** SQL for the audit log ({@code moderation_actions}). */
final class AuditSql {
  private AuditSql() {
  }

  static final String AUDIT =
      "insert into moderation_actions (site_id, actor_user_id, actor_admin, action, target_comment_id, target_user_id, "
          + "page_id, reason) values ($1, $2, $3, $4, $5, $6, $7, $8)";

  static final String LOG =
      "select a.id, a.action, a.actor_user_id, a.actor_admin, u.display_name as actor_name, a.target_comment_id, "
          + "a.target_user_id, a.reason, a.created_at, p.key as page_key from moderation_actions a "
          + "left join users u on u.id = a.actor_user_id left join pages p on p.id = a.page_id "
          + "where a.site_id = $1 and a.id < $2 and ($3::text is null or a.action = $3) "
          + "and ($4::bigint is null or a.actor_user_id = $4) order by a.id desc limit $5";
}
