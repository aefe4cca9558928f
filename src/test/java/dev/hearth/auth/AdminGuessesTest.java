package dev.hearth.auth;

import dev.hearth.support.AuthCalls;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.hearth.support.Api;
import dev.hearth.support.LiveClient;
import dev.hearth.support.TestHearth;
import io.vertx.core.Vertx;
import io.vertx.core.json.JsonObject;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;

/** Wrong guesses at the admin token, through the API, the workspace form and the live socket. */
class AdminGuessesTest {
  @RegisterExtension
  static TestHearth hearth = new TestHearth();
  static AuthCalls auth;
  static Vertx vertx;

  @BeforeAll
  static void setUp() {
    auth = new AuthCalls(hearth);
    auth.api().createSite("guarded", "https://guarded.example");
    vertx = Vertx.vertx();
  }

  @AfterAll
  static void tearDown() {
    vertx.close();
  }

  @BeforeEach
  void freshLimits() {
    auth.forgetRateLimits();
  }

  static Api.Response createSite(String id, String bearer) {
    return auth.api().json("POST", "/api/v1/sites",
        new JsonObject().put("id", id).put("name", id).put("origins", new io.vertx.core.json.JsonArray()), bearer);
  }

  @Test
  void theEleventhWrongGuessFromOneAddressIsRateLimitedButTheRealTokenStillWorks() {
    for (int i = 0; i < 10; i++) {
      assertEquals(403, createSite("guess" + i, "admin-guess-" + i).status());
    }
    Api.Response limited = createSite("guess10", "admin-guess-10");
    assertEquals(429, limited.status(), limited.body());
    assertEquals("rate_limited", limited.json().getString("error"));
    assertEquals(String.valueOf(limited.json().getLong("retryAfter")), limited.header("Retry-After"));
    assertEquals(429, auth.api().json("GET", "/api/v1/sites/guarded", null, "another-guess").status(),
        "every API route checks");
    assertEquals(201, createSite("realadmin", TestHearth.ADMIN_TOKEN).status(), "the admin token is never slowed");
  }

  @Test
  void wrongHearthTokensAreNotAdminGuesses() {
    for (int i = 0; i < 15; i++) {
      Api.Response response = auth.me("hth_not-a-token-" + i);
      assertEquals(401, response.status(), response.body());
      assertEquals("invalid_token", response.json().getString("error"));
    }
  }

  @Test
  void theWorkspaceFormCountsWrongAdminTokens() {
    for (int i = 0; i < 10; i++) {
      assertEquals(401, adminForm("wrong-admin-token-" + i).status());
    }
    Api.Response limited = adminForm("wrong-admin-token-10");
    assertEquals(429, limited.status());
    assertTrue(limited.body().contains("try again in"), limited.body());
  }

  @Test
  void theLiveSocketCountsWrongAdminTokens() {
    try (LiveClient live = LiveClient.connect(vertx, auth.api().base(), "https://guarded.example")) {
      for (int i = 0; i < 10; i++) {
        live.send(new JsonObject().put("type", "auth").put("token", "live-guess-" + i));
        assertEquals("invalid_token", live.next(10).getString("error"));
      }
      live.send(new JsonObject().put("type", "auth").put("token", "live-guess-10"));
      assertEquals("rate_limited", live.next(10).getString("error"));
    }
  }

  private static Api.Response adminForm(String token) {
    return auth.api().form("/moderate/login", List.of(Map.entry("site", "guarded"), Map.entry("adminToken", token)),
        Map.of());
  }
}
