package dev.hearth.auth;

/** SQL for bearer tokens. */
final class TokenSql {
  private TokenSql() {
  }

  static final String INSERT =
      "insert into auth_tokens (user_id, site_id, token_hash, expires_at) values ($1, $2, $3, now() + $4 * interval '1 second')";

  static final String RESOLVE =
      "select u.id, u.site_id, u.kind, u.display_name, u.sso_badge from auth_tokens t join users u on u.id = t.user_id "
          + "where t.token_hash = $1 and t.revoked_at is null and t.expires_at > now()";

  static final String REVOKE =
      "update auth_tokens set revoked_at = now() where token_hash = $1 and revoked_at is null";
}
