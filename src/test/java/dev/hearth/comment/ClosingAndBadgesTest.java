package dev.hearth.comment;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.hearth.support.Api;
import dev.hearth.support.TestHearth;
import dev.hearth.support.TestPostgres;
import io.vertx.core.json.JsonObject;
import java.util.Map;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;

/** Pages closed by hand or by age refuse comments; a page's author carries a badge. */
class ClosingAndBadgesTest {
  @RegisterExtension
  static TestHearth hearth = new TestHearth();

  static final String SITE = "closing";

  @BeforeAll
  static void site() {
    hearth.api().createSite(SITE, "https://closing.example");
  }

  static Api.Response post(String page, Long parentId, String name, String body) {
    return hearth.api().postJson("/api/v1/comments", Api.newComment(SITE, page, parentId, name, body));
  }

  static Api.Response patchPage(String page, JsonObject body) {
    return hearth.api().adminJson("PATCH", "/api/v1/sites/" + SITE + "/pages/" + page, body);
  }

  static String fragment(String page) {
    Api.Response response = hearth.api().get("/embed/fragment?site=" + SITE + "&page=" + page);
    assertEquals(200, response.status(), response.body());
    return response.body();
  }

  static void assertError(Api.Response response, int status, String code) {
    assertEquals(status, response.status(), response.body());
    assertEquals(code, response.json().getString("error"), response.body());
  }

  @Test
  void aClosedPageRefusesCommentsUntilReopened() {
    JsonObject first = post("closable", null, "Ann", "Before closing").json();
    assertFalse(hearth.api().thread(SITE, "closable", null).getJsonObject("page").getBoolean("closed"));
    assertFalse(fragment("closable").contains("Comments are closed."));

    Api.Response closed = patchPage("closable", new JsonObject().put("closed", true));
    assertEquals(200, closed.status(), closed.body());
    assertTrue(closed.json().getBoolean("closed"));
    assertEquals("closable", closed.json().getString("key"));
    assertEquals(1, closed.json().getInteger("commentCount"));

    assertError(post("closable", null, "Bob", "After closing"), 403, "page_closed");
    assertError(post("closable", first.getLong("id"), "Bob", "A reply after closing"), 403, "page_closed");
    JsonObject thread = hearth.api().thread(SITE, "closable", null);
    assertTrue(thread.getJsonObject("page").getBoolean("closed"));
    assertEquals(1, thread.getJsonObject("page").getInteger("commentCount"), "refused comments were not counted");
    assertEquals(1, thread.getJsonArray("comments").size());
    String html = fragment("closable");
    assertTrue(html.contains("Comments are closed."), html);
    assertTrue(html.contains("Before closing"), "what was said stays readable");

    Api.Response reopened = patchPage("closable", new JsonObject().put("closed", false));
    assertEquals(200, reopened.status(), reopened.body());
    assertFalse(reopened.json().getBoolean("closed"));
    Api.Response after = post("closable", null, "Bob", "After reopening");
    assertEquals(201, after.status(), after.body());
    assertFalse(after.json().getJsonObject("page").getBoolean("closed"));
    assertFalse(hearth.api().thread(SITE, "closable", null).getJsonObject("page").getBoolean("closed"));
    assertFalse(fragment("closable").contains("Comments are closed."));
    assertEquals(2, hearth.api().thread(SITE, "closable", null).getJsonObject("page").getInteger("commentCount"));
  }

  @Test
  void aPageCanBeClosedBeforeItsFirstComment() {
    Api.Response closed = patchPage("closed-early", new JsonObject().put("closed", true));
    assertEquals(200, closed.status(), closed.body());
    assertTrue(closed.json().getBoolean("closed"));
    assertEquals(0, closed.json().getInteger("commentCount"));
    assertError(post("closed-early", null, "Ann", "First!"), 403, "page_closed");
    assertTrue(fragment("closed-early").contains("Comments are closed."));
  }

  @Test
  void closingNeedsStaffOfTheSite() {
    String ownerToken = post("guarded", null, "Ann", "Mine").json().getString("ownerToken");
    JsonObject close = new JsonObject().put("closed", true);
    String path = "/api/v1/sites/" + SITE + "/pages/guarded";
    assertError(hearth.api().json("PATCH", path, close, null), 401, "unauthorized");
    assertError(hearth.api().json("PATCH", path, close, ownerToken), 403, "forbidden");
    assertError(hearth.api().json("PATCH", path, close, "wrong-admin-token"), 401, "invalid_token");
    assertError(hearth.api().json("PATCH", path, new JsonObject().put("authorUserId", 1), ownerToken), 403,
        "forbidden");
    assertFalse(hearth.api().thread(SITE, "guarded", null).getJsonObject("page").getBoolean("closed"));
    assertEquals(201, post("guarded", null, "Bob", "Still open").status());
  }

  @Test
  void pageUpdatesAreChecked() {
    post("checked", null, "Ann", "Hello");
    assertError(patchPage("checked", new JsonObject().put("closed", "yes")), 400, "invalid_field");
    assertError(patchPage("checked", new JsonObject().put("locked", true)), 400, "unknown_field");
    assertError(patchPage("checked", new JsonObject().put("authorUserId", 987_654_321L)), 422, "user_not_found");
    assertError(hearth.api().adminJson("PATCH", "/api/v1/sites/no-such-site/pages/checked",
        new JsonObject().put("closed", true)), 404, "site_not_found");
  }

  @Test
  void autoCloseCountsDaysFromTheFirstComment() {
    assertEquals(201, post("aging", null, "Ann", "Long ago").status());
    TestPostgres.execute(hearth.database(), "update pages set first_comment_at = now() - interval '2 days' "
        + "where site_id = '" + SITE + "' and key = 'aging'");
    try {
      // Off (0, the default): age never closes a page.
      assertEquals(201, post("aging", null, "Bob", "Still open").status());
      hearth.api().updateSettings(SITE, new JsonObject().put("autoCloseDays", 3));
      assertEquals(201, post("aging", null, "Cy", "Two days is under three").status());
      hearth.api().updateSettings(SITE, new JsonObject().put("autoCloseDays", 1));
      assertError(post("aging", null, "Dee", "Two days is over one"), 403, "page_closed");
      assertTrue(hearth.api().thread(SITE, "aging", null).getJsonObject("page").getBoolean("closed"));
      assertTrue(fragment("aging").contains("Comments are closed."));
      assertEquals(201, post("fresh", null, "Eve", "A new page has its own clock").status());
    } finally {
      hearth.api().updateSettings(SITE, new JsonObject().put("autoCloseDays", 0));
    }
    assertEquals(201, post("aging", null, "Fay", "Open again once auto-closing is off").status());
  }

  @Test
  void thePagesAuthorCarriesABadge() {
    JsonObject ann = post("badged", null, "Ann", "I wrote the article").json();
    JsonObject bob = post("badged", ann.getLong("id"), "Bob", "Nice article").json();
    long annId = ann.getJsonObject("author").getLong("id");
    String annToken = ann.getString("ownerToken");
    Api.Response annReply = hearth.api().json("POST", "/api/v1/comments",
        Api.newComment(SITE, "badged", bob.getLong("id"), null, "Thank you"), annToken);
    assertEquals(201, annReply.status(), annReply.body());
    assertNull(annReply.json().getJsonObject("author").getString("badge"), "no badge before the page names its author");
    post("elsewhere", null, "Ann", "placeholder for another page");
    Api.Response annElsewhere = hearth.api().json("POST", "/api/v1/comments",
        Api.newComment(SITE, "elsewhere", null, null, "On another page"), annToken);
    assertEquals(201, annElsewhere.status(), annElsewhere.body());

    Api.Response named = patchPage("badged", new JsonObject().put("authorUserId", annId));
    assertEquals(200, named.status(), named.body());
    assertEquals(annId, named.json().getLong("authorUserId"));

    Map<Long, JsonObject> shown = PermalinkTest.byId(hearth.api().thread(SITE, "badged", null));
    assertEquals("Author", shown.get(ann.getLong("id")).getJsonObject("author").getString("badge"));
    assertEquals("Author", shown.get(annReply.json().getLong("id")).getJsonObject("author").getString("badge"));
    assertNull(shown.get(bob.getLong("id")).getJsonObject("author").getString("badge"));
    Map<Long, JsonObject> other = PermalinkTest.byId(hearth.api().thread(SITE, "elsewhere", null));
    assertNull(other.get(annElsewhere.json().getLong("id")).getJsonObject("author").getString("badge"),
        "the badge belongs to the page, not the person");

    Api.Response next = hearth.api().json("POST", "/api/v1/comments",
        Api.newComment(SITE, "badged", null, null, "One more from the author"), annToken);
    assertEquals("Author", next.json().getJsonObject("author").getString("badge"), "new comments carry it at once");

    String html = fragment("badged");
    assertEquals("Author", badgeIn(html, ann.getLong("id")));
    assertEquals("Author", badgeIn(html, annReply.json().getLong("id")));
    assertNull(badgeIn(html, bob.getLong("id")));
  }

  /** {"authorUserId": null} takes the badge away again (a page named the wrong author). */
  @Test
  void theBadgeCanBeTakenAway() {
    JsonObject ann = post("unbadged", null, "Ann", "Named by mistake").json();
    long annId = ann.getJsonObject("author").getLong("id");
    assertEquals(annId, patchPage("unbadged", new JsonObject().put("authorUserId", annId)).json().getLong("authorUserId"));
    assertEquals("Author", badgeIn(fragment("unbadged"), ann.getLong("id")));

    Api.Response cleared = patchPage("unbadged", new JsonObject().putNull("authorUserId"));
    assertEquals(200, cleared.status(), cleared.body());
    assertNull(cleared.json().getValue("authorUserId"), cleared.body());
    Map<Long, JsonObject> shown = PermalinkTest.byId(hearth.api().thread(SITE, "unbadged", null));
    assertNull(shown.get(ann.getLong("id")).getJsonObject("author").getString("badge"));
    assertNull(badgeIn(fragment("unbadged"), ann.getLong("id")));
  }

  /** The badge text in the header of one comment of a fragment, or null. */
  static String badgeIn(String html, long commentId) {
    int start = html.indexOf("id=\"comment-" + commentId + "\"");
    assertTrue(start >= 0, "comment " + commentId + " rendered");
    int end = html.indexOf("</header>", start);
    Matcher badge = Pattern.compile("<span class=\"hearth-badge\">([^<]*)</span>").matcher(html.substring(start, end));
    return badge.find() ? badge.group(1) : null;
  }
}
