package dev.hearth.support;

import io.vertx.core.json.JsonObject;
import java.nio.charset.StandardCharsets;
import java.util.Map;

/** The auth endpoints and a few bearer-carrying calls, for the tests of this package. */
public final class AuthCalls {
  private final TestHearth hearth;

  public AuthCalls(TestHearth hearth) {
    this.hearth = hearth;
  }

  public Api api() {
    return hearth.api();
  }

  /** Forgets every rate-limit count: all test requests come from one address. */
  public void forgetRateLimits() {
    TestPostgres.execute(hearth.database(), "delete from rate_events");
  }

  public Api.Response signUp(String site, String username, String email, String password) {
    return api().postJson("/api/v1/auth/signup", new JsonObject().put("site", site).put("username", username)
        .put("email", email).put("password", password));
  }

  public Api.Response login(String site, String username, String password) {
    return api().postJson("/api/v1/auth/login", new JsonObject().put("site", site).put("username", username)
        .put("password", password));
  }

  public Api.Response sso(String site, String jwt) {
    return api().postJson("/api/v1/auth/sso", new JsonObject().put("site", site).put("token", jwt));
  }

  public Api.Response me(String token) {
    return api().send("GET", "/api/v1/auth/me", null, null, bearer(token));
  }

  public Api.Response logout(String token) {
    return api().send("POST", "/api/v1/auth/logout", null, null, bearer(token));
  }

  public Api.Response changePassword(String token, String current, String fresh) {
    return withBearer("POST", "/api/v1/auth/password", token,
        new JsonObject().put("currentPassword", current).put("newPassword", fresh));
  }

  /** POST /api/v1/comments as the bearer's user, without an author object. */
  public Api.Response post(String token, String site, String page, String body) {
    return withBearer("POST", "/api/v1/comments", token,
        new JsonObject().put("site", site).put("page", new JsonObject().put("key", page)).put("body", body));
  }

  public Api.Response edit(String token, long commentId, String body) {
    return withBearer("PATCH", "/api/v1/comments/" + commentId, token, new JsonObject().put("body", body));
  }

  public Api.Response withBearer(String method, String path, String token, JsonObject json) {
    return api().send(method, path, "application/json", json.encode().getBytes(StandardCharsets.UTF_8), bearer(token));
  }

  public static Map<String, String> bearer(String token) {
    return Map.of("Authorization", "Bearer " + token);
  }
}
