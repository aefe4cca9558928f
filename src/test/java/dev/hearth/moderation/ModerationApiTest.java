package dev.hearth.moderation;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.hearth.support.Api;
import dev.hearth.support.TestHearth;
import dev.hearth.support.TestPostgres;
import io.vertx.core.json.JsonArray;
import io.vertx.core.json.JsonObject;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;

/** Reports with weights, queues, moderator actions and the audit log, through the real API. */
class ModerationApiTest {
  @RegisterExtension
  static TestHearth hearth = new TestHearth();

  static final String SITE = "modsite";
  static String modToken;
  static long modId;
  static String otherModToken;

  @BeforeAll
  static void staff() {
    Api api = hearth.api();
    api.createSite(SITE, "https://mod.example");
    api.createSite("othersite", "https://other.example");
    JsonObject mod = api.comment(SITE, "staff", null, "Mona", "I moderate here");
    modToken = mod.getString("ownerToken");
    modId = mod.getJsonObject("author").getLong("id");
    api.adminJson("POST", "/api/v1/sites/" + SITE + "/roles", new JsonObject().put("userId", modId).put("role", "moderator"));
    JsonObject other = api.comment("othersite", "staff", null, "Otto", "I moderate elsewhere");
    otherModToken = other.getString("ownerToken");
    api.adminJson("POST", "/api/v1/sites/othersite/roles", new JsonObject()
        .put("userId", other.getJsonObject("author").getLong("id")).put("role", "moderator"));
  }

  static Api.Response report(long commentId, String token, String reason) {
    return hearth.api().json("POST", "/api/v1/comments/" + commentId + "/reports",
        new JsonObject().put("reason", reason), token);
  }

  static String anonymousToken(String name) {
    return hearth.api().postJson("/api/v1/auth/anonymous", new JsonObject().put("site", SITE).put("name", name))
        .json().getString("token");
  }

  /** An account whose age is pushed back two days, so it counts as established. */
  static String establishedToken(String username) {
    JsonObject signedUp = hearth.api().postJson("/api/v1/auth/signup", new JsonObject().put("site", SITE)
        .put("username", username).put("email", username + "@example.org").put("password", "correct horse battery"))
        .json();
    long id = signedUp.getJsonObject("user").getLong("id");
    TestPostgres.execute(hearth.database(), "update users set created_at = now() - interval '2 days' where id = " + id);
    TestPostgres.execute(hearth.database(), "delete from rate_events");
    return signedUp.getString("token");
  }

  static String status(long commentId, String page) {
    return hearth.api().thread(SITE, page, "limit=100").getJsonArray("comments").stream()
        .map(c -> (JsonObject) c).filter(c -> c.getLong("id") == commentId).map(c -> c.getString("status"))
        .findFirst().orElse("absent");
  }

  @Test
  void tenFreshAnonymousReportsDoNotHideButThreeEstablishedDo() {
    Api api = hearth.api();
    long trusted = api.comment(SITE, "weights", null, "Trusted", "A fair point, calmly made.").getLong("id");
    for (int i = 0; i < 10; i++) {
      assertEquals(201, report(trusted, anonymousToken("Drive-by " + i), "abusive").status());
    }
    assertEquals("visible", status(trusted, "weights"), "ten throwaway reports weigh less than the threshold");

    long target = api.comment(SITE, "weights", null, "Troll", "Something truly abusive").getLong("id");
    for (int i = 0; i < 3; i++) {
      assertEquals(201, report(target, establishedToken("regular" + i), "abusive").status());
    }
    assertEquals("absent", status(target, "weights"), "three established reports hide it pending review");
    JsonObject hidden = queue(SITE, "hidden", modToken);
    assertTrue(ids(hidden).contains(target));
  }

  @Test
  void reportingTwiceCountsOnceAndOwnCommentsCannotBeReported() {
    Api api = hearth.api();
    JsonObject mine = api.comment(SITE, "twice", null, "Author", "My words");
    long id = mine.getLong("id");
    String reporter = establishedToken("doublereporter");
    Api.Response first = report(id, reporter, "spam");
    assertEquals(201, first.status());
    assertEquals(false, first.json().getBoolean("alreadyReported"));
    Api.Response repeat = report(id, reporter, "spam");
    assertEquals(201, repeat.status(), "a repeat answers success");
    assertEquals(true, repeat.json().getBoolean("alreadyReported"), "and says so, for a polite word to the reader");
    JsonObject reported = queue(SITE, "reported", modToken);
    JsonObject item = item(reported, id);
    assertEquals(1, item.getJsonArray("reports").size(), "counted once");
    Api.Response own = report(id, mine.getString("ownerToken"), "spam");
    assertEquals(403, own.status());
    assertEquals("own_comment", own.json().getString("error"));
    Api.Response noNote = report(id, reporter, "illegal");
    assertEquals(400, noNote.status(), "illegal needs a note");
    assertEquals(401, report(id, null, "spam").status());
  }

  @Test
  void rejectingRemovesFromTheThreadAndTheFragmentAndIsAudited() {
    Api api = hearth.api();
    long id = api.comment(SITE, "rejects", null, "Spammer", "Buy cheap watches now").getLong("id");
    Api.Response rejected = api.json("POST", "/api/v1/moderation/comments/" + id + "/reject",
        new JsonObject().put("reason", "Spam"), modToken);
    assertEquals(200, rejected.status(), rejected.body());
    assertEquals("rejected", rejected.json().getString("status"));
    assertEquals(200, api.json("POST", "/api/v1/moderation/comments/" + id + "/reject", null, modToken).status(),
        "a double click is harmless");
    assertEquals("absent", status(id, "rejects"));
    assertFalse(api.get("/embed/fragment?site=" + SITE + "&page=rejects").body().contains("cheap watches"));
    assertEquals(0, api.thread(SITE, "rejects", null).getJsonObject("page").getInteger("commentCount"));

    Api.Response approved = api.json("POST", "/api/v1/moderation/comments/" + id + "/approve", null, modToken);
    assertEquals("visible", approved.json().getString("status"));
    assertEquals("visible", status(id, "rejects"));

    JsonArray log = api.json("GET", "/api/v1/moderation/log?site=" + SITE, null, modToken).json().getJsonArray("entries");
    List<String> actions = new ArrayList<>();
    log.forEach(e -> {
      JsonObject entry = (JsonObject) e;
      if (Long.valueOf(id).equals(entry.getLong("commentId"))) {
        actions.add(entry.getString("action"));
        assertEquals("Mona", entry.getJsonObject("actor").getString("name"));
      }
    });
    assertEquals(List.of("approve", "reject"), actions, "each action once, newest first");
  }

  @Test
  void bansSuspensionsAndBulkActionsAreAuditedAndEnforced() {
    Api api = hearth.api();
    JsonObject first = api.comment(SITE, "bans", null, "Repeat Offender", "Offensive one");
    String token = first.getString("ownerToken");
    long userId = first.getJsonObject("author").getLong("id");
    long second = api.json("POST", "/api/v1/comments", new JsonObject().put("site", SITE)
        .put("page", new JsonObject().put("key", "bans")).put("body", "Offensive two"), token).json().getLong("id");
    Api.Response ban = api.json("POST", "/api/v1/moderation/users/" + userId + "/ban",
        new JsonObject().put("reason", "Repeated abuse").put("rejectComments", true), modToken);
    assertEquals(200, ban.status(), ban.body());
    assertEquals(2, ban.json().getInteger("rejectedComments"));
    assertEquals(200, api.json("POST", "/api/v1/moderation/users/" + userId + "/ban", null, modToken).status(),
        "a double click on ban is harmless");
    assertEquals("absent", status(second, "bans"));
    assertEquals("banned", api.json("POST", "/api/v1/comments", new JsonObject().put("site", SITE)
        .put("page", new JsonObject().put("key", "bans")).put("body", "Let me in"), token).json().getString("error"));
    assertEquals(200, api.json("POST", "/api/v1/moderation/users/" + userId + "/unban", null, modToken).status());
    assertEquals(200, api.json("POST", "/api/v1/moderation/users/" + userId + "/suspend",
        new JsonObject().put("hours", 24), modToken).status());
    assertEquals("suspended", api.json("POST", "/api/v1/comments", new JsonObject().put("site", SITE)
        .put("page", new JsonObject().put("key", "bans")).put("body", "Still me"), token).json().getString("error"));

    Api.Response bulk = api.json("POST", "/api/v1/moderation/comments/bulk", new JsonObject().put("site", SITE)
        .put("ids", new JsonArray().add(first.getLong("id")).add(second)).put("action", "approve"), modToken);
    assertEquals(200, bulk.status(), bulk.body());
    assertEquals("visible", status(second, "bans"));
    JsonArray log = api.json("GET", "/api/v1/moderation/log?site=" + SITE + "&action=ban", null, modToken).json()
        .getJsonArray("entries");
    assertEquals(1, log.size(), "banned once, logged once");
    assertEquals(userId, log.getJsonObject(0).getLong("userId"));
    assertEquals("Repeated abuse", log.getJsonObject(0).getString("reason"));
  }

  @Test
  void theLogFiltersByEveryAuditedActionAndRefusesOthers() {
    Api api = hearth.api();
    for (boolean held : List.of(true, false)) {
      Api.Response page = api.json("PATCH", "/api/v1/sites/" + SITE + "/pages/held-page",
          new JsonObject().put("premoderated", held), modToken);
      assertEquals(200, page.status(), page.body());
    }
    for (String action : List.of("premoderate_page", "stop_premoderating_page")) {
      Api.Response log = api.json("GET", "/api/v1/moderation/log?site=" + SITE + "&action=" + action, null, modToken);
      assertEquals(200, log.status(), log.body());
      JsonArray entries = log.json().getJsonArray("entries");
      assertEquals(1, entries.size(), log.body());
      assertEquals(action, entries.getJsonObject(0).getString("action"));
      assertEquals("held-page", entries.getJsonObject(0).getString("page"));
      assertEquals("Mona", entries.getJsonObject(0).getJsonObject("actor").getString("name"));
    }
    Api.Response unknown = api.json("GET", "/api/v1/moderation/log?site=" + SITE + "&action=nonsense", null, modToken);
    assertEquals(400, unknown.status(), unknown.body());
    assertEquals("invalid_query", unknown.json().getString("error"));
  }

  @Test
  void queueItemsCarryTheContextForADecision() {
    Api api = hearth.api();
    long parent = api.comment(SITE, "context", null, "Asker", "What do you think?").getLong("id");
    JsonObject reply = api.comment(SITE, "context", parent, "Replier", "First version");
    api.json("PATCH", "/api/v1/comments/" + reply.getLong("id"), new JsonObject().put("body", "Second version"),
        reply.getString("ownerToken"));
    report(reply.getLong("id"), establishedToken("contextreporter"), "off_topic");
    JsonObject item = item(queue(SITE, "reported", modToken), reply.getLong("id"));
    assertEquals("What do you think?", item.getJsonObject("parent").getString("body"));
    assertEquals("context", item.getJsonObject("page").getString("key"));
    assertEquals("off_topic", item.getJsonArray("reports").getJsonObject(0).getString("reason"));
    assertEquals("First version", item.getJsonArray("revisions").getJsonObject(0).getString("body"));
    assertEquals("Replier", item.getJsonObject("author").getString("name"));
    assertTrue(queue(SITE, "reported", modToken).getJsonObject("counts").getLong("reported") >= 1);
  }

  @Test
  void theAuthorIsToldWhyTheirCommentIsGone() {
    Api api = hearth.api();
    JsonObject mine = api.comment(SITE, "why", null, "Writer", "Heated words");
    long id = mine.getLong("id");
    api.json("POST", "/api/v1/moderation/comments/" + id + "/reject", new JsonObject().put("reason", "Personal attack"),
        modToken);
    Api.Response told = api.json("GET", "/api/v1/comments/" + id + "/status", null, mine.getString("ownerToken"));
    assertEquals(200, told.status(), told.body());
    assertEquals("rejected", told.json().getString("status"));
    assertEquals("Personal attack", told.json().getString("reason"));
    String stranger = api.comment(SITE, "why", null, "Stranger", "Hm").getString("ownerToken");
    assertEquals(403, api.json("GET", "/api/v1/comments/" + id + "/status", null, stranger).status());
    assertEquals(401, api.json("GET", "/api/v1/comments/" + id + "/status", null, null).status());
  }

  @Test
  void aModeratorOfAnotherSiteIsRefusedEverywhere() {
    Api api = hearth.api();
    JsonObject victim = api.comment(SITE, "foreign", null, "Victim", "Leave me alone");
    long id = victim.getLong("id");
    long userId = victim.getJsonObject("author").getLong("id");
    List<Api.Response> answers = List.of(
        api.json("GET", "/api/v1/moderation/queue?site=" + SITE + "&queue=pending", null, otherModToken),
        api.json("GET", "/api/v1/moderation/log?site=" + SITE, null, otherModToken),
        api.json("POST", "/api/v1/moderation/comments/" + id + "/reject", null, otherModToken),
        api.json("POST", "/api/v1/moderation/comments/" + id + "/approve", null, otherModToken),
        api.json("POST", "/api/v1/moderation/comments/bulk", new JsonObject().put("site", SITE)
            .put("ids", new JsonArray().add(id)).put("action", "reject"), otherModToken),
        api.json("POST", "/api/v1/moderation/users/" + userId + "/ban", null, otherModToken),
        api.json("POST", "/api/v1/moderation/users/" + userId + "/suspend", new JsonObject().put("hours", 1), otherModToken),
        api.json("POST", "/api/v1/moderation/users/" + userId + "/unban", null, otherModToken),
        api.json("POST", "/api/v1/moderation/users/" + userId + "/premoderate", new JsonObject().put("on", true),
            otherModToken),
        api.json("PATCH", "/api/v1/sites/" + SITE + "/pages/foreign", new JsonObject().put("closed", true),
            otherModToken));
    for (Api.Response answer : answers) {
      assertEquals(403, answer.status(), answer.body());
    }
    assertEquals("visible", status(id, "foreign"), "nothing changed");
    assertEquals(401, api.json("POST", "/api/v1/moderation/comments/" + id + "/reject", null, null).status());
  }

  static JsonObject queue(String site, String name, String token) {
    Api.Response response = hearth.api().send("GET", "/api/v1/moderation/queue?site=" + site + "&queue=" + name
        + "&limit=100", null, null, Map.of("Authorization", "Bearer " + token));
    assertEquals(200, response.status(), response.body());
    return response.json();
  }

  static List<Long> ids(JsonObject queue) {
    return queue.getJsonArray("items").stream().map(i -> ((JsonObject) i).getJsonObject("comment").getLong("id")).toList();
  }

  static JsonObject item(JsonObject queue, long id) {
    return queue.getJsonArray("items").stream().map(i -> (JsonObject) i)
        .filter(i -> i.getJsonObject("comment").getLong("id") == id).findFirst().orElseThrow();
  }
}
