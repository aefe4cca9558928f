package dev.hearth.auth;

import io.vertx.core.Future;
import io.vertx.core.buffer.Buffer;
import io.vertx.sqlclient.SqlClient;
import io.vertx.sqlclient.Tuple;
import java.security.SecureRandom;
import java.time.Duration;
import java.util.Base64;
import java.util.Optional;

/**
 * The instance admin's sessions in the moderator workspace. Presenting the admin token on the
 * sign-in form opens a session whose own random token goes into the cookie, so the root
 * credential never sits in a browser: the session ends by itself, signing out ends it on every
 * node at once, and a stolen cookie is worth the workspace for a few hours, not the whole API
 * for good. The token is shown once (in the cookie) and stored only as a keyed hash.
 *
 * <p>The stored hash is HMAC-SHA256 keyed with the admin token's hash rather than a plain
 * SHA-256: a leaked table reveals no session token either way, and this way rotating the admin
 * token ends every session opened with the old one (its row no longer matches), without anyone
 * having to remember to clear the table.
 */
public final class AdminSessions {
  /**
   * How long an admin session lasts, from sign-in, without renewal: a working day of
   * moderation, yet short enough that a browser left signed in on a shared machine is not
   * admin the next day. Shorter than an account's 30 days because this is the root credential's
   * stand-in, and signing in again only takes the admin token.
   */
  public static final Duration LIFETIME = Duration.ofHours(12);
  /** Tells an admin session token from a user's ({@code hth_}) at a glance, without a query. */
  static final String PREFIX = "hth_adm_";

  private final AdminToken adminToken;
  private final SecureRandom random = new SecureRandom();

  public AdminSessions(AdminToken adminToken) {
    this.adminToken = adminToken;
  }

  /** A new session's token when {@code presented} is the admin token; empty when it is not. */
  public Future<Optional<String>> open(SqlClient client, String presented) {
    if (!adminToken.matches(presented)) {
      return Future.succeededFuture(Optional.empty());
    }
    byte[] bytes = new byte[32];
    random.nextBytes(bytes);
    String token = PREFIX + Base64.getUrlEncoder().withoutPadding().encodeToString(bytes);
    return client.preparedQuery(AdminSessionSql.INSERT)
        .execute(Tuple.of(Buffer.buffer(adminToken.sessionHash(token)), LIFETIME.toSeconds()))
        .map(Optional.of(token));
  }

  /** Whether {@code token} is a session that has neither expired nor been signed out. */
  public Future<Boolean> isLive(SqlClient client, String token) {
    if (token == null || !token.startsWith(PREFIX) || token.length() > 100) {
      return Future.succeededFuture(false);
    }
    return client.preparedQuery(AdminSessionSql.LIVE).execute(Tuple.of(Buffer.buffer(adminToken.sessionHash(token))))
        .map(rows -> rows.size() > 0);
  }

  /** Ends the session; true when there was one to end. */
  public Future<Boolean> revoke(SqlClient client, String token) {
    return client.preparedQuery(AdminSessionSql.DELETE).execute(Tuple.of(Buffer.buffer(adminToken.sessionHash(token))))
        .map(rows -> rows.rowCount() > 0);
  }
}
