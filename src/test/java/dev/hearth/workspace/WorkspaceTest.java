package dev.hearth.workspace;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.hearth.support.Api;
import dev.hearth.support.TestHearth;
import dev.hearth.support.TestPostgres;
import dev.hearth.text.ExecutableMarkup;
import io.vertx.core.json.JsonObject;
import java.util.List;
import java.util.Map;
import java.util.Set;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;

/** The moderator workspace through real HTTP: sign-in, queues, form actions, CSRF, Origin, roles, escaping. */
class WorkspaceTest {
  @RegisterExtension
  static TestHearth hearth = new TestHearth();

  static final String SITE = "wsa";
  static final String OTHER = "wsb";
  static final Set<String> PAGE_TAGS = Set.of("html", "head", "meta", "title", "link", "script", "body", "header",
      "main", "nav", "section", "article", "div", "span", "h1", "h2", "h3", "form", "input", "button", "label",
      "select", "option", "table", "caption", "thead", "tbody", "tr", "th", "td", "time", "details", "summary",
      "dialog", "dl", "dt", "dd", "kbd");

  @BeforeAll
  static void staff() {
    Api api = hearth.api();
    api.createSite(SITE, "https://wsa.example");
    api.createSite(OTHER, "https://wsb.example");
    api.updateSettings(SITE, new JsonObject().put("premoderation", "all"));
    api.grant(SITE, api.signUp(SITE, "moddy").getJsonObject("user").getLong("id"), "moderator");
    api.signUp(SITE, "plainreader");
    api.grant(OTHER, api.signUp(OTHER, "othermod").getJsonObject("user").getLong("id"), "moderator");
  }

  @BeforeEach
  void forgetRateLimits() {
    TestPostgres.execute(hearth.database(), "delete from rate_events");
  }

  static long held(String site, String page, String body) {
    return hearth.api().comment(site, page, null, "Writer", body).getLong("id");
  }

  static String status(String site, String page, long id) {
    return hearth.api().thread(site, page, "limit=100").getJsonArray("comments").stream()
        .map(c -> (JsonObject) c).filter(c -> c.getLong("id") == id).map(c -> c.getString("status"))
        .findFirst().orElse("absent");
  }

  @Test
  void aModeratorSignsInSeesTheQueueAndActsWithPlainForms() {
    Api api = hearth.api();
    Api.Response signIn = WorkspaceSession.signIn(api, SITE, "moddy", "correct horse battery");
    assertEquals(303, signIn.status(), signIn.body());
    assertEquals("/moderate?site=wsa&queue=reported", signIn.header("location"));
    String cookie = signIn.header("set-cookie");
    assertTrue(cookie.startsWith("hearth_mod=hth_"), cookie);
    assertTrue(cookie.toLowerCase().contains("httponly") && cookie.contains("SameSite=Lax") && cookie.contains("Path=/"), cookie);
    assertFalse(cookie.contains("Secure"), "plain http public URL: no Secure flag: " + cookie);

    WorkspaceSession session = WorkspaceSession.of(api, SITE, "moddy");
    long approveMe = held(SITE, "forms", "Please approve this thoughtful remark");
    long rejectMe = held(SITE, "forms", "Buy cheap watches");
    Api.Response queue = session.get("/moderate?site=wsa&queue=pending");
    assertEquals(200, queue.status());
    assertTrue(queue.header("content-security-policy").contains("script-src 'self'"));
    assertTrue(queue.body().contains("Please approve this thoughtful remark"), queue.body());
    assertTrue(queue.body().contains("/moderate/comments/" + approveMe + "/approve"));
    String csrf = session.csrf(SITE);

    Api.Response approved = session.post("/moderate/comments/" + approveMe + "/approve", Map.of(),
        "csrf", csrf, "queue", "pending");
    assertEquals(303, approved.status(), approved.body());
    assertEquals("/moderate?site=wsa&queue=pending", approved.header("location"));
    assertEquals("visible", status(SITE, "forms", approveMe));

    Api.Response rejected = session.post("/moderate/comments/" + rejectMe + "/reject",
        Map.of("Accept", "application/json"), "csrf", csrf, "queue", "pending", "reason", "spam");
    assertEquals(200, rejected.status(), rejected.body());
    assertEquals("rejected", rejected.json().getString("status"));
    assertTrue(rejected.json().getBoolean("ok"));
    assertEquals("absent", status(SITE, "forms", rejectMe));

    long a = held(SITE, "bulk", "bulk one");
    long b = held(SITE, "bulk", "bulk two");
    Api.Response bulk = session.post("/moderate/comments/bulk", Map.of(), "csrf", csrf, "site", SITE, "queue", "pending",
        "action", "approve", "id", String.valueOf(a), "id", String.valueOf(b));
    assertEquals(303, bulk.status(), bulk.body());
    assertEquals("visible", status(SITE, "bulk", a));
    assertEquals("visible", status(SITE, "bulk", b));

    Api.Response log = session.get("/moderate/log?site=wsa&action=reject");
    assertEquals(200, log.status());
    assertTrue(log.body().contains("spam"), log.body());
  }

  /** Page premoderation is audited like any other action, so the log offers it as a filter and accepts it. */
  @Test
  void theLogFiltersByPagePremoderation() {
    Api api = hearth.api();
    for (boolean held : List.of(true, false)) {
      Api.Response page = api.adminJson("PATCH", "/api/v1/sites/" + SITE + "/pages/watched",
          new JsonObject().put("premoderated", held));
      assertEquals(200, page.status(), page.body());
    }
    WorkspaceSession session = WorkspaceSession.of(api, SITE, "moddy");

    Api.Response log = session.get("/moderate/log?site=wsa&action=premoderate_page");
    assertEquals(200, log.status(), log.body());
    assertTrue(log.body().contains("<option value=\"premoderate_page\" selected>premoderate page</option>"), log.body());
    assertTrue(log.body().contains("<td>premoderate_page</td>") && log.body().contains("<td>watched</td>"), log.body());
    assertFalse(log.body().contains("<td>stop_premoderating_page</td>"), "only the action filtered by");

    Api.Response stopped = session.get("/moderate/log?site=wsa&action=stop_premoderating_page");
    assertEquals(200, stopped.status(), stopped.body());
    assertTrue(stopped.body().contains("<td>stop_premoderating_page</td>"), stopped.body());
    assertEquals(400, session.get("/moderate/log?site=wsa&action=drop_tables").status());
  }

  @Test
  void postsWithoutTheCsrfTokenOrFromAnotherOriginChangeNothing() {
    Api api = hearth.api();
    WorkspaceSession session = WorkspaceSession.of(api, SITE, "moddy");
    long id = held(SITE, "csrf", "Still waiting");
    String csrf = session.csrf(SITE);
    Api.Response missing = session.post("/moderate/comments/" + id + "/approve", Map.of(), "queue", "pending");
    assertEquals(403, missing.status());
    assertTrue(missing.header("content-type").startsWith("text/html"));
    Api.Response wrong = session.post("/moderate/comments/" + id + "/approve", Map.of("Accept", "application/json"),
        "csrf", csrf + "x");
    assertEquals(403, wrong.status());
    assertEquals("csrf_failed", wrong.json().getString("error"));
    Api.Response otherSession = session.post("/moderate/comments/" + id + "/approve", Map.of(),
        "csrf", CsrfGuard.tokenFor("hth_someone-else"));
    assertEquals(403, otherSession.status());
    Api.Response foreign = session.post("/moderate/comments/" + id + "/approve",
        Map.of("Origin", "https://evil.example", "Accept", "application/json"), "csrf", csrf);
    assertEquals(403, foreign.status());
    assertEquals("origin_not_allowed", foreign.json().getString("error"));
    assertEquals(403, api.form("/moderate/login", List.of(Map.entry("site", SITE), Map.entry("username", "moddy"),
        Map.entry("password", "correct horse battery")), Map.of("Origin", "https://evil.example")).status());
    assertEquals("absent", status(SITE, "csrf", id), "still held");
    Api.Response withHeader = session.post("/moderate/comments/" + id + "/approve",
        Map.of("X-CSRF-Token", csrf, "Accept", "application/json", "Origin", api.base()));
    assertEquals(200, withHeader.status(), withHeader.body());
    assertEquals("visible", status(SITE, "csrf", id));
  }

  @Test
  void aCommenterCannotSignInAndAModeratorOfOneSiteIsRefusedOnAnother() {
    Api api = hearth.api();
    Api.Response commenter = WorkspaceSession.signIn(api, SITE, "plainreader", "correct horse battery");
    assertEquals(403, commenter.status());
    assertNull(commenter.header("set-cookie"));
    assertTrue(commenter.body().contains("not_moderator"));
    Api.Response wrongPassword = WorkspaceSession.signIn(api, SITE, "moddy", "not the password");
    assertEquals(401, wrongPassword.status());
    assertTrue(wrongPassword.body().contains("Sign in to moderate"));

    WorkspaceSession other = WorkspaceSession.of(api, OTHER, "othermod");
    long id = held(SITE, "foreign", "Not yours to judge");
    assertEquals(403, other.get("/moderate?site=wsa&queue=pending").status());
    assertEquals(403, other.get("/moderate/log?site=wsa").status());
    String csrf = other.csrf(OTHER);
    assertEquals(403, other.post("/moderate/comments/" + id + "/approve", Map.of(), "csrf", csrf).status());
    assertEquals(403, other.post("/moderate/comments/" + id + "/reject", Map.of(), "csrf", csrf).status());
    assertEquals(403, other.post("/moderate/comments/bulk", Map.of(), "csrf", csrf, "site", SITE, "action", "reject",
        "id", String.valueOf(id)).status());
    assertEquals(200, other.get("/moderate?site=wsb&queue=pending").status());
    assertEquals("absent", status(SITE, "foreign", id));
    assertEquals(200, api.get("/moderate").status(), "signed out: the sign-in form");
    assertTrue(api.get("/moderate").body().contains("Sign in to moderate"));
  }

  @Test
  void signingOutRevokesTheToken() {
    Api api = hearth.api();
    WorkspaceSession session = WorkspaceSession.of(api, SITE, "moddy");
    String csrf = session.csrf(SITE);
    Api.Response out = session.post("/moderate/logout", Map.of(), "csrf", csrf);
    assertEquals(303, out.status());
    assertTrue(out.header("set-cookie").contains("Max-Age=0"), out.header("set-cookie"));
    assertTrue(session.get("/moderate?site=wsa&queue=pending").body().contains("Sign in to moderate"));
  }

  @Test
  void everyUserStringInTheQueueIsEscaped() {
    Api api = hearth.api();
    WorkspaceSession session = WorkspaceSession.of(api, SITE, "moddy");
    JsonObject comment = api.comment(SITE, "hostile", null, "<b onmouseover=alert(1)>Mallory</b>",
        "<script>alert(1)</script> and [a link](javascript:alert(1))");
    long id = comment.getLong("id");
    String csrf = session.csrf(SITE);
    assertEquals(303, session.post("/moderate/comments/" + id + "/approve", Map.of(), "csrf", csrf).status());
    String reporter = api.signUp(SITE, "reporter1").getString("token");
    Api.Response report = api.json("POST", "/api/v1/comments/" + id + "/reports", new JsonObject()
        .put("reason", "other").put("note", "\"><img src=x onerror=alert(1)>"), reporter);
    assertEquals(201, report.status(), report.body());

    Api.Response page = session.get("/moderate?site=wsa&queue=reported");
    assertEquals(200, page.status());
    assertTrue(page.body().contains("&lt;img src&#x3D;x onerror&#x3D;alert(1)&gt;")
        || page.body().contains("&lt;img src=x onerror=alert(1)&gt;"), page.body());
    assertEquals(List.of(), ExecutableMarkup.findProblemsInPage(page.body(), PAGE_TAGS));
    assertEquals(List.of(), ExecutableMarkup.findProblemsInPage(session.get("/moderate/log?site=wsa").body(), PAGE_TAGS));
    assertEquals(List.of(), ExecutableMarkup.findProblemsInPage(api.get("/moderate").body(), PAGE_TAGS));
  }
}
