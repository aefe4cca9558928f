package dev.hearth.auth;

/** SQL for the instance admin's workspace sessions. */
final class AdminSessionSql {
  private AdminSessionSql() {
  }

  /** Issues a session, pruning the expired ones on the way (sessions are few: one per admin sign-in). */
  static final String INSERT =
      "with pruned as (delete from admin_sessions where expires_at <= now()) "
          + "insert into admin_sessions (token_hash, expires_at) values ($1, now() + $2 * interval '1 second')";

  static final String LIVE =
      "select 1 from admin_sessions where token_hash = $1 and expires_at > now()";

  static final String DELETE =
      "delete from admin_sessions where token_hash = $1";
}
