package dev.hearth.workspace;

import dev.hearth.site.OriginPolicy;
import dev.hearth.web.ApiError;
import io.vertx.ext.web.RoutingContext;
import java.nio.charset.StandardCharsets;
import java.security.GeneralSecurityException;
import java.security.MessageDigest;
import java.util.Base64;
import javax.crypto.Mac;
import javax.crypto.spec.SecretKeySpec;

/**
 * Cross-site request forgery defence for the workspace's POSTs, in two layers.
 *
 * <p>The CSRF token is HMAC-SHA256 keyed with the session token itself over a fixed label. A
 * forging page cannot compute it (the session token is in an HttpOnly cookie it cannot read),
 * and knowing it reveals nothing about the session token. Because it is derived, not stored,
 * any node behind a load balancer checks it the same way and it survives restarts, which a
 * per-process random key would not; it changes with every sign-in and dies with the token.
 *
 * <p>Besides, a POST whose {@code Origin} header is present and is not Hearth's own origin is
 * refused before anything else (browsers send Origin on every cross-origin POST).
 */
final class CsrfGuard {
  static final String FIELD = "csrf";
  static final String HEADER = "X-CSRF-Token";
  private static final byte[] LABEL = "hearth moderator workspace csrf v1".getBytes(StandardCharsets.UTF_8);

  private final OriginPolicy origins;

  CsrfGuard(OriginPolicy origins) {
    this.origins = origins;
  }

  static String tokenFor(String sessionToken) {
    try {
      Mac mac = Mac.getInstance("HmacSHA256");
      mac.init(new SecretKeySpec(sessionToken.getBytes(StandardCharsets.UTF_8), "HmacSHA256"));
      return Base64.getUrlEncoder().withoutPadding().encodeToString(mac.doFinal(LABEL));
    } catch (GeneralSecurityException e) {
      throw new IllegalStateException(e);
    }
  }

  /** Refuses a POST sent from another origin (also used for the sign-in form, which has no session yet). */
  void checkOrigin(RoutingContext ctx) {
    String origin = ctx.request().getHeader("origin");
    if (origin != null && !origins.isOwn(origin)) {
      throw ApiError.forbidden("origin_not_allowed", "This form may only be posted from Hearth's own pages");
    }
  }

  /** Refuses a POST without the session's CSRF token, in the form field or the header. */
  void check(RoutingContext ctx, String sessionToken, String formValue) {
    checkOrigin(ctx);
    String presented = ctx.request().getHeader(HEADER);
    if (presented == null) {
      presented = formValue;
    }
    byte[] expected = tokenFor(sessionToken).getBytes(StandardCharsets.UTF_8);
    if (presented == null || !MessageDigest.isEqual(expected, presented.getBytes(StandardCharsets.UTF_8))) {
      throw ApiError.forbidden("csrf_failed", "The form is stale or was not sent from the workspace; reload the page");
    }
  }
}
