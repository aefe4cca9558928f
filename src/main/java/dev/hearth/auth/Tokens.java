package dev.hearth.auth;

import io.vertx.core.Future;
import io.vertx.core.buffer.Buffer;
import io.vertx.sqlclient.Row;
import io.vertx.sqlclient.SqlClient;
import io.vertx.sqlclient.Tuple;
import java.security.SecureRandom;
import java.time.Duration;
import java.util.Base64;
import java.util.Optional;

/**
 * Opaque bearer tokens: 256 random bits shown once to their holder, stored as a SHA-256 hash,
 * revocable, with an expiry. Anonymous authors get one with their first comment; it is what
 * lets them edit or delete their own comments later.
 */
public final class Tokens {
  public static final Duration ANONYMOUS_LIFETIME = Duration.ofDays(365);
  /** Every token Hearth issues starts with this (user tokens, admin workspace sessions). */
  static final String PREFIX = "hth_";
  private final SecureRandom random = new SecureRandom();

  public Future<String> issue(SqlClient client, long userId, String siteId, Duration lifetime) {
    byte[] bytes = new byte[32];
    random.nextBytes(bytes);
    String token = PREFIX + Base64.getUrlEncoder().withoutPadding().encodeToString(bytes);
    return client.preparedQuery(TokenSql.INSERT)
        .execute(Tuple.of(userId, siteId, Buffer.buffer(Sha256.of(token)), lifetime.toSeconds()))
        .map(token);
  }

  /** The user of a live token; empty when unknown, expired or revoked. */
  public Future<Optional<AuthUser>> resolve(SqlClient client, String token) {
    if (token == null || !token.startsWith(PREFIX) || token.length() > 100) {
      return Future.succeededFuture(Optional.empty());
    }
    return client.preparedQuery(TokenSql.RESOLVE).execute(Tuple.of(Buffer.buffer(Sha256.of(token))))
        .map(rows -> {
          if (rows.size() == 0) {
            return Optional.empty();
          }
          Row row = rows.iterator().next();
          return Optional.of(new AuthUser(row.getLong("id"), row.getString("site_id"), row.getString("kind"),
              row.getString("display_name"), row.getString("sso_badge")));
        });
  }

  public Future<Boolean> revoke(SqlClient client, String token) {
    return client.preparedQuery(TokenSql.REVOKE).execute(Tuple.of(Buffer.buffer(Sha256.of(token))))
        .map(rows -> rows.rowCount() > 0);
  }
}
