package dev.hearth.account;

import dev.hearth.support.AuthCalls;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNotEquals;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.hearth.support.Api;
import dev.hearth.support.TestHearth;
import io.vertx.core.json.JsonObject;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;

/** Local accounts and anonymous identities, through real HTTP against a real database. */
class AccountsTest {
  @RegisterExtension
  static TestHearth hearth = new TestHearth();
  static AuthCalls auth;

  @BeforeAll
  static void sites() {
    auth = new AuthCalls(hearth);
    auth.api().createSite("club", "https://club.example");
    auth.api().createSite("members", "https://members.example");
    auth.api().adminJson("PATCH", "/api/v1/sites/members",
        new JsonObject().put("settings", new JsonObject().put("allowAnonymous", false)));
  }

  @BeforeEach
  void freshLimits() {
    auth.forgetRateLimits();
  }

  @Test
  void signUpSignInPostEditAndSignOut() {
    Api.Response signedUp = auth.signUp("club", "Ann_Lee", "ann.private@example.org", "correct horse battery");
    assertEquals(201, signedUp.status(), signedUp.body());
    JsonObject user = signedUp.json().getJsonObject("user");
    assertEquals("Ann_Lee", user.getString("name"));
    assertEquals("Ann_Lee", user.getString("username"));
    assertEquals("local", user.getString("kind"));
    assertFalse(signedUp.body().contains("ann.private"), "the email is never returned");

    Api.Response login = auth.login("club", "ann_lee", "correct horse battery");
    assertEquals(200, login.status(), login.body());
    String token = login.json().getString("token");
    assertNotEquals(signedUp.json().getString("token"), token, "each sign-in issues its own token");
    assertEquals(user.getLong("id"), login.json().getJsonObject("user").getLong("id"));

    Api.Response me = auth.me(token);
    assertEquals(200, me.status(), me.body());
    assertEquals(new JsonObject().put("id", user.getLong("id")).put("name", "Ann_Lee").put("kind", "local")
        .put("username", "Ann_Lee"), me.json().getJsonObject("user"));

    Api.Response posted = auth.post(token, "club", "first", "Hello from an account");
    assertEquals(201, posted.status(), posted.body());
    assertEquals("Ann_Lee", posted.json().getJsonObject("author").getString("name"));
    assertNull(posted.json().getString("ownerToken"), "a signed-in writer needs no owner token");
    long commentId = posted.json().getLong("id");
    Api.Response edited = auth.edit(token, commentId, "Hello, edited");
    assertEquals(200, edited.status(), edited.body());

    assertEquals(204, auth.logout(token).status());
    assertInvalidToken(auth.me(token));
    assertInvalidToken(auth.post(token, "club", "first", "after sign-out"));
    assertInvalidToken(auth.edit(token, commentId, "after sign-out"));
    assertInvalidToken(auth.logout(token));
    assertEquals(200, auth.me(signedUp.json().getString("token")).status(), "other sessions stay signed in");
  }

  @Test
  void wrongPasswordAndUnknownUserGetTheSameAnswer() {
    assertEquals(201, auth.signUp("club", "bob", "bob@example.org", "bob's long password").status());
    Api.Response wrong = auth.login("club", "bob", "not bob's password");
    Api.Response unknown = auth.login("club", "nobody-here", "not bob's password");
    assertEquals(401, wrong.status());
    assertEquals(401, unknown.status());
    assertEquals(wrong.body(), unknown.body());
    assertEquals("invalid_credentials", wrong.json().getString("error"));
    assertEquals(401, auth.login("members", "bob", "bob's long password").status(), "accounts belong to one site");
  }

  @Test
  void usernamesAreUniqueAfterNfkcAndCaseFolding() {
    assertEquals(201, auth.signUp("club", "alice", "a1@example.org", "alice password 1").status());
    for (String twin : new String[] {"\uFF21lice", "ALICE", "Alice"}) {
      Api.Response taken = auth.signUp("club", twin, "a2@example.org", "alice password 2");
      assertEquals(409, taken.status(), twin + ": " + taken.body());
      assertEquals("username_taken", taken.json().getString("error"));
    }
    assertEquals(200, auth.login("club", "\uFF21LICE", "alice password 1").status(), "sign-in folds the same way");
    auth.forgetRateLimits();
    assertEquals(201, auth.signUp("members", "alice", "a3@example.org", "alice password 3").status(),
        "another site has its own usernames");
  }

  @Test
  void usernameRulesRefuseHiddenCharactersAndOddLengths() {
    String[] refused = {"ev\u200Bil", "\u202Eadmin", "ab", "x".repeat(33), "has space", "semi;colon", ".dot", "ad\u0000min"};
    for (String username : refused) {
      Api.Response response = auth.signUp("club", username, "x@example.org", "some long password");
      assertEquals(400, response.status(), username + ": " + response.body());
    }
    Api.Response invisible = auth.signUp("club", "ev\u200Bil", "x@example.org", "some long password");
    assertEquals("username", invisible.json().getString("field"));
  }

  @Test
  void passwordAndEmailRules() {
    assertField(auth.signUp("club", "carol", "carol@example.org", "short"), "password");
    assertField(auth.signUp("club", "carol", "carol@example.org", "p".repeat(257)), "password");
    assertField(auth.signUp("club", "carolinesmith", "carol@example.org", "CarolineSmith"), "password");
    assertField(auth.signUp("club", "carol", "not-an-email", "carol's password"), "email");
    Api.Response extra = auth.api().postJson("/api/v1/auth/signup", new JsonObject().put("site", "club")
        .put("username", "carol").put("email", "c@example.org").put("password", "carol's password").put("admin", true));
    assertEquals("unknown_field", extra.json().getString("error"));
    assertEquals(404, auth.signUp("nowhere", "carol", "c@example.org", "carol's password").status());
  }

  @Test
  void changingThePasswordRefusesTheOldOneAndRevokesOtherSessions() {
    Api.Response signedUp = auth.signUp("club", "dave", "dave@example.org", "dave's first password");
    String other = signedUp.json().getString("token");
    String token = auth.login("club", "dave", "dave's first password").json().getString("token");

    Api.Response wrongCurrent = auth.changePassword(token, "not my password", "dave's second password");
    assertEquals(403, wrongCurrent.status(), wrongCurrent.body());
    assertEquals("wrong_password", wrongCurrent.json().getString("error"));
    assertEquals(400, auth.changePassword(token, "dave's first password", "short").status());

    assertEquals(204, auth.changePassword(token, "dave's first password", "dave's second password").status());
    assertEquals(401, auth.login("club", "dave", "dave's first password").status());
    assertEquals(200, auth.login("club", "dave", "dave's second password").status());
    assertEquals(200, auth.me(token).status(), "the session that changed it stays");
    assertInvalidToken(auth.me(other));
  }

  @Test
  void anonymousIdentities() {
    Api.Response created = auth.api().postJson("/api/v1/auth/anonymous",
        new JsonObject().put("site", "club").put("name", " Guest "));
    assertEquals(201, created.status(), created.body());
    JsonObject user = created.json().getJsonObject("user");
    assertEquals("Guest", user.getString("name"));
    assertEquals("anonymous", user.getString("kind"));
    String token = created.json().getString("token");
    assertEquals(user, auth.me(token).json().getJsonObject("user"));
    assertEquals("Guest", auth.post(token, "club", "anon", "Hi").json().getJsonObject("author").getString("name"));
    Api.Response password = auth.changePassword(token, "whatever password", "another long password");
    assertEquals(403, password.status());
    assertEquals("not_local_account", password.json().getString("error"));

    Api.Response refused = auth.api().postJson("/api/v1/auth/anonymous",
        new JsonObject().put("site", "members").put("name", "Guest"));
    assertEquals(403, refused.status());
    assertEquals("anonymous_not_allowed", refused.json().getString("error"));
    assertEquals(400, auth.api().postJson("/api/v1/auth/anonymous",
        new JsonObject().put("site", "club").put("name", "a\u202Eb")).status());
  }

  @Test
  void bearerRequiredWhereItMatters() {
    assertEquals(401, auth.api().get("/api/v1/auth/me").status());
    assertInvalidToken(auth.me("hth_not-a-real-token"));
    assertEquals(401, auth.api().send("POST", "/api/v1/auth/logout", null, null, java.util.Map.of()).status());
  }

  @Test
  void emailsNeverAppearInResponses() {
    String email = "erin.hidden@example.org";
    Api.Response signedUp = auth.signUp("club", "erin", email, "erin's long password");
    Api.Response login = auth.login("club", "erin", "erin's long password");
    String token = login.json().getString("token");
    Api.Response posted = auth.post(token, "club", "mail", "No email here");
    Api.Response anonymous = auth.api().postJson("/api/v1/comments", new JsonObject().put("site", "club")
        .put("page", new JsonObject().put("key", "mail")).put("body", "Me neither")
        .put("author", new JsonObject().put("name", "Frank").put("email", "frank.hidden@example.org")));
    long commentId = posted.json().getLong("id");
    // Reported, so that the comment and its author show up in the moderators' queue too.
    Api.Response reported = auth.api().json("POST", "/api/v1/comments/" + commentId + "/reports",
        new JsonObject().put("reason", "spam"), anonymous.json().getString("ownerToken"));
    Api.Response[] responses = {signedUp, login, auth.me(token), posted, anonymous, reported,
        auth.api().get("/api/v1/threads?site=club&page=mail"), auth.api().get("/embed/fragment?site=club&page=mail"),
        auth.api().get("/api/v1/comments/" + commentId + "/context"),
        auth.api().json("GET", "/api/v1/moderation/queue?site=club&queue=reported", null, TestHearth.ADMIN_TOKEN)};
    for (Api.Response response : responses) {
      assertTrue(response.status() < 300, response.body());
      assertFalse(response.body().contains("hidden@"), response.body());
      assertFalse(response.body().contains("example.org"), response.body());
    }
    assertTrue(responses[responses.length - 1].body().contains("\"erin\""), "the queue lists the comment");
  }

  @Test
  void passwordsAreStoredAsArgon2idHashes() throws Exception {
    assertEquals(201, auth.signUp("club", "gina", "gina@example.org", "gina's long password").status());
    var db = hearth.database();
    try (var connection = java.sql.DriverManager.getConnection(db.jdbcUrl(), db.user(), db.password());
         var rows = connection.createStatement().executeQuery("select password_hash from users where username = 'gina'")) {
      assertTrue(rows.next());
      String hash = rows.getString(1);
      assertTrue(hash.startsWith("$argon2id$v=19$m=19456,t=2,p=1$"), hash);
      assertFalse(hash.contains("gina's"));
    }
  }

  private static void assertInvalidToken(Api.Response response) {
    assertEquals(401, response.status(), response.body());
    assertEquals("invalid_token", response.json().getString("error"));
  }

  private static void assertField(Api.Response response, String field) {
    assertEquals(400, response.status(), response.body());
    assertEquals(field, response.json().getString("field"), response.body());
  }
}
