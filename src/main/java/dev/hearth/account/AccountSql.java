package dev.hearth.account;

/** SQL for accounts, SSO users and the sign-in rate-limit buckets. */
final class AccountSql {
  private AccountSql() {
  }

  static final String COLUMNS =
      "id, site_id, kind, display_name, username, password_hash, sso_badge";

  static final String INSERT_ANONYMOUS =
      "insert into users (site_id, kind, display_name) values ($1, 'anonymous', $2) returning " + COLUMNS;

  static final String INSERT_LOCAL =
      "insert into users (site_id, kind, display_name, username, username_key, email, password_hash) "
          + "values ($1, 'local', $2, $2, $3, $4, $5) returning " + COLUMNS;

  static final String FIND_LOCAL =
      "select " + COLUMNS + " from users where site_id = $1 and username_key = $2 and kind = 'local'";

  static final String FIND_BY_ID =
      "select " + COLUMNS + " from users where id = $1";

  static final String SET_PASSWORD =
      "update users set password_hash = $2, updated_at = now() where id = $1 and kind = 'local'";

  /**
   * Creates an SSO user on first sight, or brings their name, email and badge up to date;
   * returns the previous sign-out so the caller can refuse a replayed token.
   */
  static final String UPSERT_SSO =
      "insert into users (site_id, kind, display_name, email, external_id, sso_badge) "
          + "values ($1, 'sso', $2, $3, $4, $5) "
          + "on conflict (site_id, external_id) where external_id is not null do update "
          + "set display_name = excluded.display_name, email = excluded.email, sso_badge = excluded.sso_badge, "
          + "updated_at = now() "
          + "returning " + COLUMNS + ", logged_out_at";

  static final String MARK_SIGNED_OUT =
      "update users set logged_out_at = now(), updated_at = now() where id = $1";

  static final String REVOKE_OTHER_TOKENS =
      "update auth_tokens set revoked_at = now() where user_id = $1 and token_hash <> $2 and revoked_at is null";
}
