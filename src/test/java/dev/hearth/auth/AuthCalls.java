package dev.hearth.auth;

import dev.hearth.support.Api;
import dev.hearth.support.TestHearth;
import dev.hearth.support.TestPostgres;
import io.vertx.core.json.JsonObject;
import java.nio.charset.StandardCharsets;
import java.util.Map;

/** The auth endpoints and a few bearer-carrying calls, for the tests of this package. */
final class AuthCalls {
  private final TestHearth hearth;

  AuthCalls(TestHearth hearth) {
    this.hearth = hearth;
  }

  Api api() {
    return hearth.api();
  }

  /** Forgets every rate-limit count: all test requests come from one address. */
  void forgetRateLimits() {
    TestPostgres.execute(hearth.database(), "delete from rate_events");
  }

  Api.Response signUp(String site, String username, String email, String password) {
    return api().postJson("/api/v1/auth/signup", new JsonObject().put("site", site).put("username", username)
        .put("email", email).put("password", password));
  }

  Api.Response login(String site, String username, String password) {
    return api().postJson("/api/v1/auth/login", new JsonObject().put("site", site).put("username", username)
        .put("password", password));
  }

  Api.Response sso(String site, String jwt) {
    return api().postJson("/api/v1/auth/sso", new JsonObject().put("site", site).put("token", jwt));
  }

  Api.Response me(String token) {
    return api().send("GET", "/api/v1/auth/me", null, null, bearer(token));
  }

  Api.Response logout(String token) {
    return api().send("POST", "/api/v1/auth/logout", null, null, bearer(token));
  }

  Api.Response changePassword(String token, String current, String fresh) {
    return withBearer("POST", "/api/v1/auth/password", token,
        new JsonObject().put("currentPassword", current).put("newPassword", fresh));
  }

  /** POST /api/v1/comments as the bearer's user, without an author object. */
  Api.Response post(String token, String site, String page, String body) {
    return withBearer("POST", "/api/v1/comments", token,
        new JsonObject().put("site", site).put("page", new JsonObject().put("key", page)).put("body", body));
  }

  Api.Response edit(String token, long commentId, String body) {
    return withBearer("PATCH", "/api/v1/comments/" + commentId, token, new JsonObject().put("body", body));
  }

  Api.Response withBearer(String method, String path, String token, JsonObject json) {
    return api().send(method, path, "application/json", json.encode().getBytes(StandardCharsets.UTF_8), bearer(token));
  }

  static Map<String, String> bearer(String token) {
    return Map.of("Authorization", "Bearer " + token);
  }
}
