package dev.hearth.account;

import com.auth0.jwt.JWT;
import com.auth0.jwt.algorithms.Algorithm;
import com.auth0.jwt.exceptions.IncorrectClaimException;
import com.auth0.jwt.exceptions.JWTVerificationException;
import com.auth0.jwt.exceptions.MissingClaimException;
import com.auth0.jwt.exceptions.TokenExpiredException;
import com.auth0.jwt.interfaces.Claim;
import com.auth0.jwt.interfaces.DecodedJWT;
import dev.hearth.text.TextRules;
import dev.hearth.web.ApiError;
import io.vertx.core.json.JsonObject;
import java.time.Duration;
import java.time.Instant;

/**
 * Checks an SSO token minted by a site's own server: HS256 with the site's {@code ssoSecret},
 * {@code aud} equal to the site id (so a token for one site is useless on another, even if
 * both share a secret), {@code sub}, {@code name}, {@code iat} and {@code exp} present, a
 * lifetime of at most one day, and 60 seconds of tolerated clock skew. Pure: no I/O.
 */
final class SsoTokenVerifier {
  static final Duration MAX_LIFETIME = Duration.ofDays(1);
  static final long CLOCK_SKEW_SECONDS = 60;
  static final int MAX_TOKEN_CHARS = 8192;
  static final int MAX_SUBJECT = 255;
  static final int MAX_BADGE = 32;

  private SsoTokenVerifier() {
  }

  static SsoClaims verify(String token, String siteId, String secret) {
    if (token.length() > MAX_TOKEN_CHARS) {
      throw invalid("The SSO token is too long");
    }
    DecodedJWT jwt;
    try {
      jwt = JWT.require(Algorithm.HMAC256(secret))
          .withAudience(siteId)
          .withClaimPresence("sub")
          .withClaimPresence("name")
          .withClaimPresence("iat")
          .withClaimPresence("exp")
          .acceptLeeway(CLOCK_SKEW_SECONDS)
          .build()
          .verify(token);
    } catch (TokenExpiredException e) {
      throw new ApiError(401, "sso_token_expired", "The SSO token has expired; mint a new one");
    } catch (MissingClaimException e) {
      throw missingClaim(e.getClaimName());
    } catch (IncorrectClaimException e) {
      if ("aud".equals(e.getClaimName())) {
        throw new ApiError(401, "sso_wrong_site", "The SSO token was minted for another site (its aud is not '"
            + siteId + "')");
      }
      throw invalid("The SSO token's " + e.getClaimName() + " claim is not acceptable");
    } catch (JWTVerificationException e) {
      // Bad signature, another algorithm, a malformed token: nothing more is worth telling.
      throw invalid("The SSO token is malformed or its signature does not match the site's secret");
    }
    Instant issuedAt = jwt.getIssuedAtAsInstant();
    Instant expiresAt = jwt.getExpiresAtAsInstant();
    if (Duration.between(issuedAt, expiresAt).compareTo(MAX_LIFETIME) > 0) {
      throw invalid("The SSO token lives longer than one day (exp - iat)");
    }
    String subject = text(jwt, "sub", true);
    if (subject.length() > MAX_SUBJECT) {
      throw invalid("The SSO token's sub is longer than " + MAX_SUBJECT + " characters");
    }
    String name = field("name", () -> AccountFields.name("name", text(jwt, "name", true)));
    String email = field("email", () -> {
      String raw = text(jwt, "email", false);
      return raw == null || raw.isBlank() ? null : AccountFields.email("email", raw);
    });
    String badge = field("badge", () -> {
      String raw = text(jwt, "badge", false);
      if (raw == null || raw.isBlank()) {
        return null;
      }
      String label = TextRules.nfc(raw.strip());
      if (TextRules.codePoints(label) > MAX_BADGE || TextRules.hasInvisibleOrBidiControls(label)) {
        throw invalid("The SSO token's badge must be 1 to " + MAX_BADGE + " visible characters");
      }
      return label;
    });
    return new SsoClaims(subject, name, email, badge, issuedAt);
  }

  /** A string claim, checked for control characters; null when optional and absent. */
  private static String text(DecodedJWT jwt, String claim, boolean required) {
    Claim value = jwt.getClaim(claim);
    if (value.isMissing() || value.isNull()) {
      if (required) {
        throw missingClaim(claim);
      }
      return null;
    }
    String text = value.asString();
    if (text == null || TextRules.hasLoneSurrogate(text) || TextRules.hasControlCharacters(text, false)
        || (required && text.isBlank())) {
      throw invalid("The SSO token's " + claim + " claim must be a non-empty string without control characters");
    }
    return text;
  }

  /** Runs a field rule, reporting its refusal as an invalid token naming the claim. */
  private static String field(String claim, java.util.function.Supplier<String> rule) {
    try {
      return rule.get();
    } catch (ApiError e) {
      if (e.code().startsWith("sso_")) {
        throw e;
      }
      throw new ApiError(401, "sso_token_invalid", "The SSO token's " + claim + " claim: " + e.getMessage(),
          new JsonObject().put("claim", claim));
    }
  }

  private static ApiError missingClaim(String claim) {
    return new ApiError(401, "sso_token_invalid", "The SSO token lacks the required claim '" + claim + "'",
        new JsonObject().put("claim", claim));
  }

  private static ApiError invalid(String message) {
    return new ApiError(401, "sso_token_invalid", message);
  }
}
