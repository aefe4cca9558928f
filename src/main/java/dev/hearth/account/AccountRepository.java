package dev.hearth.account;

import io.vertx.core.Future;
import io.vertx.core.buffer.Buffer;
import io.vertx.sqlclient.Row;
import io.vertx.sqlclient.RowSet;
import io.vertx.sqlclient.SqlClient;
import io.vertx.sqlclient.Tuple;
import java.time.OffsetDateTime;
import java.util.Optional;

/** Reads and writes the account columns of {@code users}. */
final class AccountRepository {

  /** An SSO user after the upsert, with the sign-out that was recorded before it. */
  record SsoUpsert(Account account, Optional<OffsetDateTime> loggedOutAt) {
  }

  Future<Account> insertAnonymous(SqlClient client, String siteId, String name) {
    return client.preparedQuery(AccountSql.INSERT_ANONYMOUS).execute(Tuple.of(siteId, name)).map(AccountRepository::one);
  }

  /** Fails with SQLSTATE 23505 when the username key is taken on this site. */
  Future<Account> insertLocal(SqlClient client, String siteId, Usernames.Username username, String email, String hash) {
    return client.preparedQuery(AccountSql.INSERT_LOCAL)
        .execute(Tuple.of(siteId, username.display(), username.key(), email, hash))
        .map(AccountRepository::one);
  }

  Future<Optional<Account>> findLocal(SqlClient client, String siteId, String usernameKey) {
    return client.preparedQuery(AccountSql.FIND_LOCAL).execute(Tuple.of(siteId, usernameKey))
        .map(AccountRepository::optional);
  }

  Future<Optional<Account>> findById(SqlClient client, long id) {
    return client.preparedQuery(AccountSql.FIND_BY_ID).execute(Tuple.of(id)).map(AccountRepository::optional);
  }

  Future<Void> setPassword(SqlClient client, long id, String hash) {
    return client.preparedQuery(AccountSql.SET_PASSWORD).execute(Tuple.of(id, hash)).mapEmpty();
  }

  Future<SsoUpsert> upsertSso(SqlClient client, String siteId, SsoClaims claims) {
    return client.preparedQuery(AccountSql.UPSERT_SSO)
        .execute(Tuple.of(siteId, claims.name(), claims.email(), claims.subject(), claims.badge()))
        .map(rows -> {
          Row row = rows.iterator().next();
          return new SsoUpsert(Account.from(row), Optional.ofNullable(row.getOffsetDateTime("logged_out_at")));
        });
  }

  Future<Void> markSignedOut(SqlClient client, long id) {
    return client.preparedQuery(AccountSql.MARK_SIGNED_OUT).execute(Tuple.of(id)).mapEmpty();
  }

  /** Revokes every live token of the user except the one whose hash is given. */
  Future<Void> revokeOtherTokens(SqlClient client, long userId, byte[] keptTokenHash) {
    return client.preparedQuery(AccountSql.REVOKE_OTHER_TOKENS)
        .execute(Tuple.of(userId, Buffer.buffer(keptTokenHash))).mapEmpty();
  }

  private static Account one(RowSet<Row> rows) {
    return Account.from(rows.iterator().next());
  }

  private static Optional<Account> optional(RowSet<Row> rows) {
    return rows.size() == 0 ? Optional.empty() : Optional.of(Account.from(rows.iterator().next()));
  }
}
