package dev.hearth.moderation;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.hearth.support.Api;
import dev.hearth.support.TestHearth;
import io.vertx.core.json.JsonArray;
import io.vertx.core.json.JsonObject;
import java.util.Map;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;

/** The site's rules applied to every new comment, through the real API. */
class AutoModerationApiTest {
  @RegisterExtension
  static TestHearth hearth = new TestHearth();

  static final String SITE = "rules";

  @BeforeAll
  static void site() {
    Api api = hearth.api();
    api.createSite(SITE, "https://rules.example");
    api.adminJson("PATCH", "/api/v1/sites/" + SITE, new JsonObject().put("settings", new JsonObject()
        .put("bannedWords", new JsonArray().add("spam").add("buy followers"))
        .put("suspectWords", new JsonArray().add("casino"))
        .put("maxLinks", 2)));
  }

  static Api.Response post(String page, String body) {
    return hearth.api().postJson("/api/v1/comments", new JsonObject().put("site", SITE)
        .put("page", new JsonObject().put("key", page)).put("body", body)
        .put("author", new JsonObject().put("name", "Writer")));
  }

  @Test
  void bannedWordsAreCaughtBehindInvisibleAndLookAlikeLetters() {
    for (String body : new String[] {"pure spam here", "pure sp\u200Bam here", "pure ѕраm here", "ＳＰＡＭ!",
        "s p a m", "Please BUY   followers now"}) {
      Api.Response refused = post("banned", body);
      assertEquals(422, refused.status(), body);
      assertEquals("comment_refused", refused.json().getString("error"));
    }
    assertEquals(201, post("banned", "A spammer's spamming is not the word itself").status(),
        "whole words only: no Scunthorpe problem");
    assertEquals(1, hearth.api().thread(SITE, "banned", null).getJsonObject("page").getInteger("commentCount"),
        "only the innocent comment was stored");
  }

  @Test
  void suspectWordsAndTooManyLinksHoldForReviewWithTheRule() {
    JsonObject suspect = post("held", "Visit my саsino").json();
    assertEquals("pending", suspect.getString("status"));
    assertEquals(true, suspect.getBoolean("heldForReview"));
    JsonObject links = post("held", "https://a.example https://b.example https://c.example").json();
    assertEquals("pending", links.getString("status"));
    Api.Response queue = hearth.api().send("GET", "/api/v1/moderation/queue?site=" + SITE + "&queue=pending", null,
        null, Map.of("Authorization", "Bearer " + TestHearth.ADMIN_TOKEN));
    JsonArray items = queue.json().getJsonArray("items");
    JsonObject heldSuspect = find(items, suspect.getLong("id"));
    assertEquals("suspect_word", heldSuspect.getJsonObject("heldBy").getString("rule"));
    assertEquals("too_many_links", find(items, links.getLong("id")).getJsonObject("heldBy").getString("rule"));
    assertEquals(0, hearth.api().get("/api/v1/counts?site=" + SITE + "&page=held").json()
        .getJsonObject("counts").getInteger("held"), "held comments are not counted");
    assertTrue(hearth.api().get("/embed/fragment?site=" + SITE + "&page=held").body().contains("No comments yet"));
  }

  @Test
  void pagePremoderationHoldsEverythingOnThatPage() {
    Api api = hearth.api();
    assertEquals(201, post("quiet", "First, before the switch").status());
    Api.Response switched = api.adminJson("PATCH", "/api/v1/sites/" + SITE + "/pages/quiet",
        new JsonObject().put("premoderated", true));
    assertEquals(200, switched.status(), switched.body());
    assertEquals("pending", post("quiet", "Now held").json().getString("status"));
    assertEquals("visible", post("elsewhere", "Other pages are not").json().getString("status"));
  }

  static JsonObject find(JsonArray items, long id) {
    return items.stream().map(i -> (JsonObject) i).filter(i -> i.getJsonObject("comment").getLong("id") == id)
        .findFirst().orElseThrow();
  }
}
