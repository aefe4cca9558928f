package dev.hearth.auth;

import dev.hearth.support.AuthCalls;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNotNull;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.hearth.Hearth;
import dev.hearth.support.Api;
import dev.hearth.support.TestHearth;
import io.vertx.core.json.JsonObject;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;

/** The real sign-in and sign-up limits, hit quickly; counts are shared by every node. */
class SignInLimitsTest {
  @RegisterExtension
  static TestHearth hearth = new TestHearth();
  static AuthCalls auth;

  @BeforeAll
  static void site() {
    auth = new AuthCalls(hearth);
    auth.api().createSite("gate", "https://gate.example");
  }

  @BeforeEach
  void freshLimits() {
    auth.forgetRateLimits();
  }

  @Test
  void sixthWrongPasswordIsRateLimitedEvenOnAnotherNode() {
    assertEquals(201, auth.signUp("gate", "ivan", "ivan@example.org", "ivan's real password").status());
    for (int i = 0; i < 5; i++) {
      assertEquals(401, auth.login("gate", "ivan", "guess number " + i).status());
    }
    try (Hearth second = TestHearth.startNode(hearth.database())) {
      Api other = new Api("http://127.0.0.1:" + second.config().port(), TestHearth.ADMIN_TOKEN);
      Api.Response limited = other.postJson("/api/v1/auth/login",
          new JsonObject().put("site", "gate").put("username", "IVAN").put("password", "ivan's real password"));
      assertRateLimited(limited);
    }
    assertRateLimited(auth.login("gate", "ivan", "ivan's real password"));
    assertEquals(401, auth.login("gate", "someone-else", "a guess").status(), "other accounts are not locked");
  }

  @Test
  void parallelGuessesOnTwoNodesGetNoMoreThanFiveTries() throws Exception {
    assertEquals(201, auth.signUp("gate", "kim", "kim@example.org", "kim's real password").status());
    try (Hearth second = TestHearth.startNode(hearth.database())) {
      Api other = new Api("http://127.0.0.1:" + second.config().port(), TestHearth.ADMIN_TOKEN);
      ExecutorService pool = Executors.newFixedThreadPool(12);
      try {
        List<java.util.concurrent.Future<Integer>> answers = new ArrayList<>();
        for (int i = 0; i < 12; i++) {
          Api api = i % 2 == 0 ? auth.api() : other;
          String guess = "parallel guess " + i;
          answers.add(pool.submit(() -> api.postJson("/api/v1/auth/login",
              new JsonObject().put("site", "gate").put("username", "kim").put("password", guess)).status()));
        }
        int refused = 0;
        int limited = 0;
        for (java.util.concurrent.Future<Integer> answer : answers) {
          int status = answer.get();
          refused += status == 401 ? 1 : 0;
          limited += status == 429 ? 1 : 0;
        }
        assertEquals(5, refused, "five guesses were checked");
        assertEquals(7, limited, "the rest were not even tried");
      } finally {
        pool.shutdownNow();
      }
    }
  }

  @Test
  void aSuccessfulSignInForgetsEarlierFailures() {
    assertEquals(201, auth.signUp("gate", "judy", "judy@example.org", "judy's real password").status());
    for (int round = 0; round < 2; round++) {
      for (int i = 0; i < 4; i++) {
        assertEquals(401, auth.login("gate", "judy", "guess " + i).status());
      }
      assertEquals(200, auth.login("gate", "judy", "judy's real password").status());
    }
  }

  @Test
  void twentyFirstAttemptFromOneAddressIsRateLimited() {
    for (int i = 0; i < 20; i++) {
      assertEquals(401, auth.login("gate", "user" + i, "some password").status());
    }
    assertRateLimited(auth.login("gate", "user-new", "some password"));
  }

  @Test
  void sixthSignUpFromOneAddressInAnHourIsRateLimited() {
    for (int i = 0; i < 5; i++) {
      assertEquals(201, auth.signUp("gate", "member" + i, "m" + i + "@example.org", "member password " + i).status());
    }
    assertRateLimited(auth.signUp("gate", "member5", "m5@example.org", "member password 5"));
  }

  @Test
  void thirtyFirstAnonymousIdentityFromOneAddressInAnHourIsRateLimited() {
    for (int i = 0; i < 30; i++) {
      assertEquals(201, anonymous("Guest " + i).status());
    }
    assertRateLimited(anonymous("Guest 30"));
  }

  private static Api.Response anonymous(String name) {
    return auth.api().postJson("/api/v1/auth/anonymous", new JsonObject().put("site", "gate").put("name", name));
  }

  private static void assertRateLimited(Api.Response response) {
    assertEquals(429, response.status(), response.body());
    assertEquals("rate_limited", response.json().getString("error"));
    int retryAfter = response.json().getInteger("retryAfter");
    assertTrue(retryAfter > 0 && retryAfter <= 3600, "retryAfter " + retryAfter);
    assertNotNull(response.header("retry-after"));
    assertEquals(String.valueOf(retryAfter), response.header("retry-after"));
  }
}
