package dev.hearth.account;

import dev.hearth.support.AuthCalls;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.auth0.jwt.JWT;
import com.auth0.jwt.JWTCreator;
import com.auth0.jwt.algorithms.Algorithm;
import dev.hearth.support.Api;
import dev.hearth.support.TestHearth;
import io.vertx.core.json.JsonObject;
import java.nio.charset.StandardCharsets;
import java.time.Instant;
import java.util.Base64;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;

/** SSO: tokens minted by a site's server (here with java-jwt, as a site would) become Hearth users. */
class SsoTest {
  @RegisterExtension
  static TestHearth hearth = new TestHearth();
  static AuthCalls auth;

  static final String SECRET = "a-site-secret-of-at-least-32-characters!";
  static final String OTHER_SECRET = "another-secret-also-32-characters-long!!";

  @BeforeAll
  static void sites() {
    auth = new AuthCalls(hearth);
    for (String site : new String[] {"news", "twin"}) {
      auth.api().createSite(site, "https://" + site + ".example");
      // Both sites share a secret, so only the audience tells their tokens apart.
      auth.api().adminJson("PATCH", "/api/v1/sites/" + site,
          new JsonObject().put("settings", new JsonObject().put("ssoSecret", SECRET)));
    }
    auth.api().createSite("plain", "https://plain.example");
  }

  static JWTCreator.Builder claims(String site, String sub, String name) {
    Instant now = Instant.now();
    return JWT.create().withAudience(site).withSubject(sub).withClaim("name", name)
        .withIssuedAt(now).withExpiresAt(now.plusSeconds(600));
  }

  static String sign(JWTCreator.Builder builder) {
    return builder.sign(Algorithm.HMAC256(SECRET));
  }

  @Test
  void aValidTokenSignsInPostsAndLaterUpdatesTheName() {
    Api.Response first = auth.sso("news", sign(claims("news", "u-42", "Grace")
        .withClaim("email", "grace.hidden@example.org").withClaim("badge", "Staff")));
    assertEquals(200, first.status(), first.body());
    JsonObject user = first.json().getJsonObject("user");
    assertEquals("Grace", user.getString("name"));
    assertEquals("sso", user.getString("kind"));
    assertEquals("Staff", user.getString("badge"));
    assertFalse(first.body().contains("hidden"), "the email is never returned");

    String token = first.json().getString("token");
    Api.Response me = auth.me(token);
    assertEquals(user, me.json().getJsonObject("user"));
    assertFalse(me.body().contains("hidden"));
    Api.Response posted = auth.post(token, "news", "story", "Signed in through the site");
    assertEquals(201, posted.status(), posted.body());
    assertEquals("Grace", posted.json().getJsonObject("author").getString("name"));
    assertFalse(posted.body().contains("hidden"));

    Api.Response again = auth.sso("news", sign(claims("news", "u-42", "Grace Hopper")));
    assertEquals(200, again.status(), again.body());
    assertEquals(user.getLong("id"), again.json().getJsonObject("user").getLong("id"), "same sub, same user");
    assertEquals("Grace Hopper", again.json().getJsonObject("user").getString("name"));
    assertEquals("Grace Hopper", auth.me(token).json().getJsonObject("user").getString("name"));
    Api.Response thread = auth.api().get("/api/v1/threads?site=news&page=story");
    assertEquals("Grace", thread.json().getJsonArray("comments").getJsonObject(0).getJsonObject("author")
        .getString("name"), "earlier comments keep the name they were written under");
    assertFalse(thread.body().contains("hidden"));
    assertFalse(auth.api().get("/embed/fragment?site=news&page=story").body().contains("hidden"));

    Api.Response elsewhere = auth.sso("twin", sign(claims("twin", "u-42", "Grace")));
    assertEquals(200, elsewhere.status());
    assertFalse(user.getLong("id").equals(elsewhere.json().getJsonObject("user").getLong("id")),
        "the same sub on another site is another user");
  }

  @Test
  void theSitesBadgeIsShownOnCommentsEscapedAndKeptAsItWas() {
    String badge = "Patron & <Friend>";
    Api.Response signedIn = auth.sso("news", sign(claims("news", "u-77", "Ida").withClaim("badge", badge)));
    assertEquals(200, signedIn.status(), signedIn.body());
    String token = signedIn.json().getString("token");
    Api.Response posted = auth.post(token, "news", "badges", "Written as a patron");
    assertEquals(201, posted.status(), posted.body());
    assertEquals(badge, posted.json().getJsonObject("author").getString("badge"));

    // The site drops the badge: later comments carry none, the earlier one keeps what readers saw.
    assertEquals(200, auth.sso("news", sign(claims("news", "u-77", "Ida"))).status());
    Api.Response later = auth.post(token, "news", "badges", "Written after the patronage ended");
    assertEquals(201, later.status(), later.body());
    assertNull(later.json().getJsonObject("author").getString("badge"));

    JsonObject thread = auth.api().get("/api/v1/threads?site=news&page=badges").json();
    assertEquals(badge, thread.getJsonArray("comments").getJsonObject(0).getJsonObject("author").getString("badge"));
    assertNull(thread.getJsonArray("comments").getJsonObject(1).getJsonObject("author").getString("badge"));
    String fragment = auth.api().get("/embed/fragment?site=news&page=badges").body();
    assertTrue(fragment.contains("<span class=\"hearth-badge\">Patron &amp; &lt;Friend&gt;</span>"), fragment);
    assertFalse(fragment.contains("<Friend>"), "the badge is escaped");
  }

  @Test
  void badTokensAreRefusedWithStableCodes() {
    assertError(auth.sso("news", claims("news", "u-1", "Eve").sign(Algorithm.HMAC256(OTHER_SECRET))),
        401, "sso_token_invalid");
    Instant past = Instant.now().minusSeconds(3600);
    assertError(auth.sso("news", sign(claims("news", "u-1", "Eve").withIssuedAt(past).withExpiresAt(past.plusSeconds(600)))),
        401, "sso_token_expired");
    assertError(auth.sso("news", sign(claims("twin", "u-1", "Eve"))), 401, "sso_wrong_site");
    assertError(auth.sso("news", sign(JWT.create().withSubject("u-1").withClaim("name", "Eve")
        .withIssuedAt(Instant.now()).withExpiresAt(Instant.now().plusSeconds(60)))), 401, "sso_token_invalid");
    assertError(auth.sso("news", sign(JWT.create().withAudience("news").withSubject("u-1")
        .withIssuedAt(Instant.now()).withExpiresAt(Instant.now().plusSeconds(60)))), 401, "sso_token_invalid");
    assertError(auth.sso("news", sign(JWT.create().withAudience("news").withClaim("name", "Eve")
        .withIssuedAt(Instant.now()).withExpiresAt(Instant.now().plusSeconds(60)))), 401, "sso_token_invalid");
    assertError(auth.sso("news", sign(JWT.create().withAudience("news").withSubject("u-1").withClaim("name", "Eve")
        .withExpiresAt(Instant.now().plusSeconds(60)))), 401, "sso_token_invalid");
    assertError(auth.sso("news", sign(claims("news", "u-1", "Eve").withExpiresAt(Instant.now().plusSeconds(3 * 86400)))),
        401, "sso_token_invalid");
    assertError(auth.sso("news", sign(claims("news", "u-1", "\u202EEve"))), 401, "sso_token_invalid");
    assertError(auth.sso("news", "not.a.jwt"), 401, "sso_token_invalid");
    assertError(auth.sso("news", JWT.create().withAudience("news").withSubject("u-1").withClaim("name", "Eve")
        .withIssuedAt(Instant.now()).withExpiresAt(Instant.now().plusSeconds(60)).sign(Algorithm.none())),
        401, "sso_token_invalid");

    // The payload changed after signing: the user id swapped for another, the signature kept.
    String[] parts = sign(claims("news", "u-1", "Eve")).split("\\.");
    String payload = new String(Base64.getUrlDecoder().decode(parts[1]), StandardCharsets.UTF_8).replace("u-1", "u-2");
    String tampered = parts[0] + "." + Base64.getUrlEncoder().withoutPadding()
        .encodeToString(payload.getBytes(StandardCharsets.UTF_8)) + "." + parts[2];
    assertError(auth.sso("news", tampered), 401, "sso_token_invalid");

    assertError(auth.sso("plain", sign(claims("plain", "u-1", "Eve"))), 403, "sso_not_configured");
    assertError(auth.sso("nowhere", sign(claims("nowhere", "u-1", "Eve"))), 404, "site_not_found");
  }

  @Test
  void aTokenReplayedAfterSignOutIsRefused() {
    String jwt = sign(claims("news", "u-7", "Heidi"));
    Api.Response signedIn = auth.sso("news", jwt);
    assertEquals(200, signedIn.status(), signedIn.body());
    String token = signedIn.json().getString("token");
    assertEquals(204, auth.logout(token).status());
    assertEquals(401, auth.me(token).status());

    assertError(auth.sso("news", jwt), 401, "sso_token_replayed");
    // A stale token changes nothing, not even the name.
    assertError(auth.sso("news", sign(claims("news", "u-7", "Mallory").withIssuedAt(Instant.now().minusSeconds(30)))),
        401, "sso_token_replayed");

    Api.Response fresh = auth.sso("news", sign(claims("news", "u-7", "Heidi").withIssuedAt(Instant.now().plusSeconds(2))));
    assertEquals(200, fresh.status(), "a token minted after the sign-out works: " + fresh.body());
    assertEquals("Heidi", fresh.json().getJsonObject("user").getString("name"));
  }

  private static void assertError(Api.Response response, int status, String code) {
    assertEquals(status, response.status(), response.body());
    assertEquals(code, response.json().getString("error"), response.body());
  }
}
