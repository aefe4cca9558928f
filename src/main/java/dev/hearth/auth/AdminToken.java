package dev.hearth.auth;

import io.vertx.core.Future;
import io.vertx.sqlclient.Pool;
import io.vertx.sqlclient.Row;
import io.vertx.sqlclient.Tuple;
import java.nio.charset.StandardCharsets;
import java.security.GeneralSecurityException;
import java.security.MessageDigest;
import java.security.SecureRandom;
import java.util.Base64;
import java.util.Optional;
import java.util.function.Consumer;
import javax.crypto.Mac;
import javax.crypto.spec.SecretKeySpec;

/**
 * The bootstrap admin token: it can create sites and grant owners. Either configured
 * (HEARTH_ADMIN_TOKEN) or generated at the first start, shown once and stored only as a
 * SHA-256 hash (the token is 256 random bits, so a fast hash is enough).
 */
public final class AdminToken {
  static final String SECRET_NAME = "admin_token";
  private final byte[] hash;

  private AdminToken(byte[] hash) {
    this.hash = hash;
  }

  /**
   * Loads the token's hash, generating and storing a token when there is none yet.
   * {@code announce} receives a newly generated token, the only time it exists in clear.
   */
  public static Future<AdminToken> load(Pool pool, Optional<String> configured, Consumer<String> announce) {
    if (configured.isPresent()) {
      return Future.succeededFuture(new AdminToken(Sha256.of(configured.get())));
    }
    String candidate = generate();
    return pool.preparedQuery(AdminTokenSql.INSERT_IF_NONE)
        .execute(Tuple.of(SECRET_NAME, io.vertx.core.buffer.Buffer.buffer(Sha256.of(candidate))))
        .compose(inserted -> {
          if (inserted.size() == 1) {
            announce.accept(candidate);
          }
          return pool.preparedQuery(AdminTokenSql.FIND).execute(Tuple.of(SECRET_NAME));
        })
        .map(rows -> {
          Row row = rows.iterator().next();
          return new AdminToken(row.getBuffer("hash").getBytes());
        });
  }

  public boolean matches(String presented) {
    return presented != null && MessageDigest.isEqual(hash, Sha256.of(presented));
  }

  /**
   * HMAC-SHA256 of a workspace session token keyed with this admin token's hash: what
   * {@link AdminSessions} stores, so that a session only counts under the admin token it was
   * issued with.
   */
  byte[] sessionHash(String sessionToken) {
    try {
      Mac mac = Mac.getInstance("HmacSHA256");
      mac.init(new SecretKeySpec(hash, "HmacSHA256"));
      return mac.doFinal(sessionToken.getBytes(StandardCharsets.UTF_8));
    } catch (GeneralSecurityException e) {
      throw new IllegalStateException(e);
    }
  }

  static String generate() {
    byte[] bytes = new byte[32];
    new SecureRandom().nextBytes(bytes);
    return "hearth_admin_" + Base64.getUrlEncoder().withoutPadding().encodeToString(bytes);
  }

}
