package dev.hearth.role;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNotNull;
import static org.junit.jupiter.api.Assertions.assertNull;

import dev.hearth.support.Api;
import dev.hearth.support.TestHearth;
import dev.hearth.support.TestPostgres;
import io.vertx.core.json.JsonObject;
import java.util.Map;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;

/**
 * Roles are per site and checked on the server: the admin makes owners, owners make
 * moderators, and staff of one site have no power on another. Bans and suspensions stop
 * writing but not reading.
 */
class RolesAndBansTest {
  @RegisterExtension
  static TestHearth hearth = new TestHearth();

  static String ownerToken;
  static long ownerId;
  static String modToken;
  static long modId;
  static String otherToken;
  static long otherId;

  @BeforeAll
  static void staff() {
    Api api = hearth.api();
    api.createSite("alpha", "https://alpha.example");
    api.createSite("beta", "https://beta.example");
    JsonObject owner = created(api, "alpha", "Olga");
    ownerToken = owner.getString("ownerToken");
    ownerId = owner.getJsonObject("author").getLong("id");
    JsonObject mod = created(api, "alpha", "Milo");
    modToken = mod.getString("ownerToken");
    modId = mod.getJsonObject("author").getLong("id");
    JsonObject other = created(api, "beta", "Bea");
    otherToken = other.getString("ownerToken");
    otherId = other.getJsonObject("author").getLong("id");
    assertEquals(200, grant("alpha", TestHearth.ADMIN_TOKEN, ownerId, "owner").status());
    assertEquals(200, grant("alpha", ownerToken, modId, "moderator").status());
  }

  static JsonObject created(Api api, String site, String name) {
    return api.postJson("/api/v1/comments", new JsonObject().put("site", site)
        .put("page", new JsonObject().put("key", "staff-room")).put("body", "Hello from " + name)
        .put("author", new JsonObject().put("name", name))).json();
  }

  static Api.Response grant(String site, String token, long userId, String role) {
    return hearth.api().json("POST", "/api/v1/sites/" + site + "/roles",
        new JsonObject().put("userId", userId).put("role", role), token);
  }

  static Api.Response closePage(String site, String token, boolean closed) {
    return hearth.api().json("PATCH", "/api/v1/sites/" + site + "/pages/staff-room",
        new JsonObject().put("closed", closed), token);
  }

  @Test
  void staffBadgesShowInThreads() {
    JsonObject thread = hearth.api().thread("alpha", "staff-room", null);
    Map<String, Object> badges = new java.util.HashMap<>();
    thread.getJsonArray("comments").forEach(c -> {
      JsonObject author = ((JsonObject) c).getJsonObject("author");
      badges.put(author.getString("name"), author.getValue("badge"));
    });
    assertEquals("Owner", badges.get("Olga"));
    assertEquals("Moderator", badges.get("Milo"));
  }

  @Test
  void aModeratorActsOnItsSiteOnly() {
    assertEquals(200, closePage("alpha", modToken, true).status());
    assertEquals(200, closePage("alpha", modToken, false).status());
    Api.Response elsewhere = closePage("beta", modToken, true);
    assertEquals(403, elsewhere.status(), elsewhere.body());
    assertEquals("forbidden", elsewhere.json().getString("error"));
    assertEquals(403, hearth.api().json("PATCH", "/api/v1/sites/alpha",
        new JsonObject().put("settings", new JsonObject().put("maxLinks", 5)), modToken).status(),
        "settings are the owner's");
    assertEquals(403, grant("alpha", modToken, otherId, "moderator").status(), "moderators do not grant roles");
  }

  @Test
  void anOwnerConfiguresItsSiteButNotAnother() {
    Api.Response own = hearth.api().json("PATCH", "/api/v1/sites/alpha",
        new JsonObject().put("settings", new JsonObject().put("maxLinks", 4)), ownerToken);
    assertEquals(200, own.status(), own.body());
    assertEquals(4, own.json().getJsonObject("settings").getInteger("maxLinks"));
    assertEquals(403, hearth.api().json("PATCH", "/api/v1/sites/beta",
        new JsonObject().put("name", "Taken over"), ownerToken).status());
    assertEquals(403, grant("alpha", ownerToken, modId, "owner").status(), "only the admin makes owners");
    assertEquals(403, grant("alpha", ownerToken, ownerId, "commenter").status(), "nobody changes their own role");
    assertEquals(422, grant("alpha", ownerToken, otherId, "moderator").status(), "a user of another site");
    assertEquals(401, closePage("alpha", null, true).status());
    assertEquals(401, closePage("alpha", "hth_not-a-token", true).status());
  }

  @Test
  void staffSeeModerationSettingsOthersDoNot() {
    Api.Response asMod = hearth.api().send("GET", "/api/v1/sites/alpha", null, null,
        Map.of("Authorization", "Bearer " + modToken));
    assertNotNull(asMod.json().getJsonObject("settings").getJsonArray("bannedWords"), asMod.body());
    Api.Response asOther = hearth.api().send("GET", "/api/v1/sites/alpha", null, null,
        Map.of("Authorization", "Bearer " + otherToken));
    assertNull(asOther.json().getJsonObject("settings").getValue("bannedWords"));
  }

  @Test
  void bannedUsersReadButCannotWrite() {
    Api api = hearth.api();
    JsonObject mine = created(api, "beta", "Bannable");
    String token = mine.getString("ownerToken");
    long userId = mine.getJsonObject("author").getLong("id");
    TestPostgres.execute(hearth.database(), "update users set banned_at = now(), ban_reason = 'spam' where id = " + userId);
    JsonObject body = new JsonObject().put("site", "beta").put("page", new JsonObject().put("key", "staff-room"))
        .put("body", "Let me back in");
    Api.Response post = api.json("POST", "/api/v1/comments", body, token);
    assertEquals(403, post.status());
    assertEquals("banned", post.json().getString("error"));
    Api.Response edit = api.json("PATCH", "/api/v1/comments/" + mine.getLong("id"), new JsonObject().put("body", "x"), token);
    assertEquals("banned", edit.json().getString("error"));
    long someoneElses = created(api, "beta", "Bystander").getLong("id");
    Api.Response report = api.json("POST", "/api/v1/comments/" + someoneElses + "/reports",
        new JsonObject().put("reason", "spam"), token);
    assertEquals(403, report.status(), report.body());
    assertEquals("banned", report.json().getString("error"));
    Api.Response delete = api.json("DELETE", "/api/v1/comments/" + mine.getLong("id"), null, token);
    assertEquals("banned", delete.json().getString("error"));
    assertEquals(200, api.send("GET", "/api/v1/threads?site=beta&page=staff-room", null, null,
        Map.of("Authorization", "Bearer " + token)).status(), "reading still works");
  }

  @Test
  void aSuspensionEndsByItself() {
    Api api = hearth.api();
    JsonObject mine = created(api, "beta", "Suspended Sam");
    String token = mine.getString("ownerToken");
    long userId = mine.getJsonObject("author").getLong("id");
    JsonObject body = new JsonObject().put("site", "beta").put("page", new JsonObject().put("key", "staff-room"))
        .put("body", "Am I back?");
    TestPostgres.execute(hearth.database(),
        "update users set suspended_until = now() + interval '1 hour' where id = " + userId);
    Api.Response during = api.json("POST", "/api/v1/comments", body, token);
    assertEquals(403, during.status());
    assertEquals("suspended", during.json().getString("error"));
    TestPostgres.execute(hearth.database(),
        "update users set suspended_until = now() - interval '1 second' where id = " + userId);
    assertEquals(201, api.json("POST", "/api/v1/comments", body, token).status());
  }
}
