package dev.hearth.site;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNull;

import dev.hearth.support.Api;
import dev.hearth.support.TestHearth;
import io.vertx.core.json.JsonArray;
import io.vertx.core.json.JsonObject;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;

/** Sites: created and configured only with the admin token, read by anyone without secrets. */
class SiteApiTest {
  @RegisterExtension
  static TestHearth hearth = new TestHearth();

  @Test
  void adminCreatesASiteAndAnyoneReadsItsPublicSettings() {
    Api api = hearth.api();
    Api.Response created = api.adminJson("POST", "/api/v1/sites", new JsonObject()
        .put("id", "blog").put("name", "My “Blog”")
        .put("origins", new JsonArray().add("HTTPS://Blog.Example:443").add("http://localhost:3000"))
        .put("settings", new JsonObject().put("maxBodyLength", 500).put("bannedWords", new JsonArray().add("spam"))));
    assertEquals(201, created.status(), created.body());
    JsonObject site = api.get("/api/v1/sites/blog").json();
    assertEquals("My “Blog”", site.getString("name"));
    assertEquals(new JsonArray().add("http://localhost:3000").add("https://blog.example"), site.getJsonArray("origins"));
    assertEquals(500, site.getJsonObject("settings").getInteger("maxBodyLength"));
    assertEquals(900, site.getJsonObject("settings").getInteger("editWindowSeconds"), "defaults fill the rest");
    assertNull(site.getJsonObject("settings").getValue("bannedWords"), "word lists are not public");
  }

  @Test
  void patchChangesSettingsAndKeepsTheSsoSecretWriteOnly() {
    Api api = hearth.api();
    api.createSite("patchy", "https://patchy.example");
    Api.Response patched = api.adminJson("PATCH", "/api/v1/sites/patchy", new JsonObject()
        .put("settings", new JsonObject().put("displayDepth", 4).put("ssoSecret", "s".repeat(40))));
    assertEquals(200, patched.status(), patched.body());
    assertEquals(4, patched.json().getJsonObject("settings").getInteger("displayDepth"));
    assertFalse(patched.body().contains("ssss"), "the SSO secret is never returned");
    assertEquals(true, patched.json().getJsonObject("settings").getBoolean("ssoConfigured"));
    // A later PATCH of another setting keeps the earlier overrides.
    api.adminJson("PATCH", "/api/v1/sites/patchy", new JsonObject().put("settings", new JsonObject().put("maxLinks", 5)));
    JsonObject settings = api.send("GET", "/api/v1/sites/patchy", null, null,
        java.util.Map.of("Authorization", "Bearer " + TestHearth.ADMIN_TOKEN)).json().getJsonObject("settings");
    assertEquals(4, settings.getInteger("displayDepth"));
    assertEquals(5, settings.getInteger("maxLinks"));
    assertNull(api.get("/api/v1/sites/patchy").json().getJsonObject("settings").getValue("maxLinks"),
        "what holds a comment for review is not public");
  }

  @Test
  void bodyLimitFollowsTheSiteSetting() {
    Api api = hearth.api();
    api.adminJson("POST", "/api/v1/sites", new JsonObject().put("id", "short").put("name", "Short")
        .put("origins", new JsonArray()).put("settings", new JsonObject().put("maxBodyLength", 10)));
    JsonObject body = new JsonObject().put("site", "short").put("page", new JsonObject().put("key", "p"))
        .put("author", new JsonObject().put("name", "A"));
    assertEquals(201, api.postJson("/api/v1/comments", body.copy().put("body", "🔥".repeat(10))).status(),
        "ten emoji are ten characters");
    Api.Response tooLong = api.postJson("/api/v1/comments", body.copy().put("body", "🔥".repeat(11)));
    assertEquals(422, tooLong.status());
    assertEquals(10, tooLong.json().getInteger("limit"));
  }

  @Test
  void unknownSiteIs404() {
    Api.Response response = hearth.api().get("/api/v1/sites/missing");
    assertEquals(404, response.status());
    assertEquals("site_not_found", response.json().getString("error"));
  }
}
