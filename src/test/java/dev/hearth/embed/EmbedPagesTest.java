package dev.hearth.embed;

import static dev.hearth.embed.EmbedHtml.attribute;
import static dev.hearth.embed.EmbedHtml.commentIds;
import static dev.hearth.embed.EmbedHtml.link;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNotNull;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.hearth.support.Api;
import dev.hearth.support.LiveClient;
import dev.hearth.support.TestHearth;
import io.vertx.core.Vertx;
import io.vertx.core.json.JsonObject;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;

/**
 * The embedded thread page through real HTTP: what it renders on the server (escaped, with
 * microdata), who may frame it, what it echoes back to the host page, how it is asked for one
 * comment, and the loader, theme sheet, sign-in popup and demo host page around it.
 */
class EmbedPagesTest {
  @RegisterExtension
  static TestHearth hearth = new TestHearth();

  static final String SITE = "blog";
  static final String ORIGIN = "https://blog.example";
  static final String OTHER_ORIGIN = "https://www.blog.example";
  static final String HOSTILE_NAME = "<img src=x onerror=alert(1)>";

  static Vertx vertx;
  /** Top-level comments of page "long", oldest first: more than one page of threads. */
  static final List<Long> longRoots = new ArrayList<>();
  static long otherPageComment;

  @BeforeAll
  static void seed() {
    vertx = Vertx.vertx();
    Api api = hearth.api();
    api.createSite(SITE, ORIGIN, OTHER_ORIGIN);
    api.createSite("elsewhere", "https://elsewhere.example");
    api.comment(SITE, "hello", null, HOSTILE_NAME, "Hello <script>alert(2)</script> **warmly**");
    for (int i = 1; i <= 23; i++) {
      longRoots.add(api.comment(SITE, "long", null, "Reader " + i, "Long thread comment #" + i).getLong("id"));
    }
    otherPageComment = api.comment(SITE, "other", null, "Olga", "On another page").getLong("id");
  }

  @AfterAll
  static void closeVertx() {
    vertx.close().await();
  }

  static Api.Response thread(String query) {
    return hearth.api().get("/embed/thread?site=" + SITE + "&" + query);
  }

  static String ok(Api.Response response) {
    assertEquals(200, response.status(), response.body());
    assertTrue(response.header("content-type").startsWith("text/html"), response.header("content-type"));
    return response.body();
  }

  static void refused(Api.Response response, int status, String code) {
    assertEquals(status, response.status(), response.body());
    assertEquals(code, response.json().getString("error"), response.body());
  }

  @Test
  void theThreadIsRenderedOnTheServerEscapedWithMicrodata() {
    String html = ok(thread("page=hello"));
    assertTrue(html.contains("<strong>warmly</strong>"), "the body is rendered: " + html);
    assertTrue(html.contains("&lt;img src"), "the hostile name is shown as text");
    assertFalse(html.contains("<img src=x"), "the hostile name is never markup");
    assertFalse(html.contains("<script>alert(2)"), "a script in the body never becomes a tag");
    assertTrue(html.contains("itemtype=\"https://schema.org/Comment\""));
    assertTrue(html.contains("itemprop=\"text\""));
    assertTrue(html.contains("<h1 class=\"hearth-count\">1 comment</h1>"));
    assertTrue(html.contains("data-hearth-composer"), "an open page has the composer");
    assertTrue(html.contains(">Reply</button>"), "comments carry their actions");
  }

  @Test
  void onlyTheSitesOriginsMayFrameItAndNoInlineCodeRuns() {
    Api.Response response = thread("page=hello");
    ok(response);
    String csp = response.header("content-security-policy");
    assertNotNull(csp);
    String ancestors = Arrays.stream(csp.split(";")).map(String::trim).filter(d -> d.startsWith("frame-ancestors "))
        .findFirst().orElseThrow(() -> new AssertionError("no frame-ancestors in " + csp));
    List<String> sources = List.of(ancestors.substring("frame-ancestors ".length()).split(" "));
    assertEquals("'self'", sources.get(0), csp);
    assertTrue(sources.contains(ORIGIN) && sources.contains(OTHER_ORIGIN), csp);
    assertFalse(sources.contains("https://elsewhere.example"), "another site's origin frames nothing: " + csp);
    assertFalse(sources.contains("*"), csp);
    assertFalse(csp.contains("unsafe-inline"), csp);
    assertFalse(csp.contains("unsafe-eval"), csp);
    assertTrue(csp.contains("script-src 'self'"), csp);
  }

  @Test
  void theOriginIsEchoedOnlyWhenTheSiteAllowsIt() {
    String allowed = ok(thread("page=hello&origin=" + Api.encode(OTHER_ORIGIN) + "&frame=f1"));
    assertEquals(OTHER_ORIGIN, attribute(allowed, "data-origin"));
    assertEquals("f1", attribute(allowed, "data-frame"));
    assertEquals("", attribute(ok(thread("page=hello&origin=" + Api.encode("https://evil.example"))), "data-origin"));
    assertEquals("", attribute(ok(thread("page=hello&origin=" + Api.encode("https://elsewhere.example"))),
        "data-origin"), "another site's origin is a foreign one here");
    String forged = ok(thread("page=hello&origin=" + Api.encode(ORIGIN + "\"><script>alert(3)</script>")));
    assertEquals("", attribute(forged, "data-origin"));
    assertFalse(forged.contains("alert(3)"));
    assertEquals("", attribute(ok(thread("page=hello")), "data-origin"));
  }

  @Test
  void unknownSitesAndBadLooksAreRefused() {
    refused(hearth.api().get("/embed/thread?site=nowhere&page=hello"), 404, "site_not_found");
    for (String bad : List.of("theme=neon", "radius=25", "radius=-1", "radius=6px", "accent=red",
        "accent=" + Api.encode("red;}body{display:none"), "accent=" + Api.encode("#b4461f;}"),
        "font=" + Api.encode("Georgia;}body{display:none}"), "font=" + Api.encode("serif;}"),
        "font=" + Api.encode("'Comic Sans'"),
        "comment=abc", "colour=red")) {
      refused(thread("page=hello&" + bad), 400, "invalid_query");
    }
  }

  @Test
  void aLookLinksTheThemeSheetAndDefaultsLinkNone() {
    assertFalse(ok(thread("page=hello")).contains("/embed/theme.css"));
    String html = ok(thread("page=hello&theme=dark&accent=" + Api.encode("#b4461f") + "&radius=6"));
    assertTrue(html.contains("data-theme=\"dark\""));
    String sheet = link(html, "<link rel=\"stylesheet\" href=\"(/embed/theme\\.css\\?[^\"]*)\"");
    assertNotNull(sheet, html);
    Api.Response css = hearth.api().get(sheet);
    assertEquals(200, css.status(), sheet + " → " + css.body());
    assertTrue(css.body().contains("--hearth-accent: #b4461f;"), css.body());
    assertTrue(css.body().contains("--hearth-radius: 6px;"), css.body());
  }

  @Test
  void aCommentOfThisPageOpensThePageOfThreadsThatHoldsIt() {
    long beyond = longRoots.get(21);
    String first = ok(thread("page=long"));
    assertFalse(commentIds(first).contains(beyond), "the 22nd thread is not on the first page");
    assertEquals("", attribute(first, "data-target"));

    String opened = ok(thread("page=long&comment=" + beyond));
    assertEquals(longRoots.subList(20, 23), commentIds(opened));
    assertEquals(String.valueOf(beyond), attribute(opened, "data-target"));

  }

  /** The host page passes its #comment-ID to each of its threads: the others open from their start. */
  @Test
  void aCommentOfAnotherPageOrNoneOpensTheThreadFromItsStart() {
    for (long elsewhere : List.of(otherPageComment, 999_999L)) {
      String html = ok(thread("page=long&comment=" + elsewhere));
      assertEquals(longRoots.subList(0, 20), commentIds(html));
      assertEquals("", attribute(html, "data-target"));
      assertFalse(html.contains("id=\"comment-" + otherPageComment + "\""), "another page's comment never shows");
    }
  }

  @Test
  void aThreadOpenedForOneCommentIsInOldestOrderWhateverTheSortAsked() {
    String opened = ok(thread("page=long&sort=newest&comment=" + longRoots.get(5)));
    assertEquals(longRoots.subList(0, 20), commentIds(opened));
    assertEquals("oldest", attribute(opened, "data-sort"), "the page says the order it shows");
    String more = link(opened, "<a href=\"([^\"]+)\" data-hearth-more>");
    assertNotNull(more, "more threads follow");
    assertEquals(longRoots.subList(20, 23), commentIds(ok(hearth.api().get(more))), more);
  }

  @Test
  void moreConversationsLeadsToTheNextPage() {
    String first = ok(thread("page=long"));
    assertEquals(longRoots.subList(0, 20), commentIds(first));
    String more = link(first, "<a href=\"([^\"]+)\" data-hearth-more>");
    assertNotNull(more);
    String second = ok(hearth.api().get(more));
    assertEquals(longRoots.subList(20, 23), commentIds(second));
    assertNull(link(second, "<a href=\"([^\"]+)\" data-hearth-more>"), "the last page links no further");
  }

  @Test
  void aClosedPageSaysSoAndOffersNoComposer() {
    Api api = hearth.api();
    api.comment(SITE, "closed", null, "Cleo", "Before closing");
    Api.Response closing = api.adminJson("PATCH", "/api/v1/sites/" + SITE + "/pages/closed",
        new JsonObject().put("closed", true));
    assertEquals(200, closing.status(), closing.body());
    String html = ok(thread("page=closed"));
    assertTrue(html.contains("Comments are closed."));
    assertEquals("true", attribute(html, "data-closed"));
    assertFalse(html.contains("data-hearth-composer"), "no composer, not even for replies");
    assertTrue(html.contains("Before closing"));
    assertEquals("false", attribute(ok(thread("page=hello")), "data-closed"));
  }

  @Test
  void aPageWithoutCommentsIsAnEmptyThread() {
    String html = ok(thread("page=untouched"));
    assertTrue(html.contains("No comments yet."));
    assertEquals(List.of(), commentIds(html));
    assertEquals("0", attribute(html, "data-last-event"));
  }

  @Test
  void theLastEventIsThePagesNewestSoTheSocketMissesNothing() {
    Api api = hearth.api();
    try (LiveClient live = LiveClient.connect(vertx, api.base(), ORIGIN)) {
      live.subscribed(SITE, "events", null);
      JsonObject first = api.comment(SITE, "events", null, "Eve", "First");
      api.comment(SITE, "events", null, "Finn", "Second");
      String token = first.getString("ownerToken");
      assertEquals(200, api.json("PATCH", "/api/v1/comments/" + first.getLong("id"),
          new JsonObject().put("body", "First, edited"), token).status());
      assertEquals(204, api.json("DELETE", "/api/v1/comments/" + first.getLong("id"), null, token).status());
      // Frames are rendered from the comment as it is when the hub reads the event, so the edit
      // of a comment already deleted by then reaches no reader: wait for the delete, whatever came before.
      List<JsonObject> events = new ArrayList<>(live.events(3, 10));
      while (events.stream().noneMatch(e -> "comment.deleted".equals(e.getString("kind")))) {
        JsonObject next = live.next(10);
        assertNotNull(next, "the delete reaches the reader: " + events);
        events.add(next);
      }
      long newest = events.get(events.size() - 1).getLong("id");
      assertEquals("comment.deleted", events.get(events.size() - 1).getString("kind"), "the delete is the newest");

      api.comment(SITE, "not-events", null, "Gus", "Another page moves on");
      assertEquals(String.valueOf(newest), attribute(ok(thread("page=events")), "data-last-event"));

      api.comment(SITE, "events", null, "Hal", "Third");
      long after = live.events(1, 10).get(0).getLong("id");
      assertEquals(String.valueOf(after), attribute(ok(thread("page=events")), "data-last-event"));
    }
  }

  @Test
  void theLoaderIsRevalidatedWithItsEtag() {
    Api api = hearth.api();
    Api.Response first = api.get("/embed.js");
    assertEquals(200, first.status());
    assertTrue(first.header("content-type").startsWith("text/javascript"), first.header("content-type"));
    assertTrue(first.header("cache-control").contains("public"), first.header("cache-control"));
    String etag = first.header("etag");
    assertNotNull(etag);
    assertTrue(etag.matches("\"[^\"]+\""), "a strong ETag: " + etag);
    assertFalse(first.body().isEmpty());

    Api.Response again = api.send("GET", "/embed.js", null, null, Map.of("If-None-Match", etag));
    assertEquals(304, again.status());
    assertEquals("", again.body());
    assertEquals(etag, again.header("etag"));

    Api.Response stale = api.send("GET", "/embed.js", null, null, Map.of("If-None-Match", "\"0000\""));
    assertEquals(200, stale.status());
    assertEquals(first.body(), stale.body());
  }

  @Test
  void theThemeSheetHoldsOnlyValuesThatFitTheirPatterns() {
    Api api = hearth.api();
    Api.Response css = api.get("/embed/theme.css?accent=" + Api.encode("#B4461F") + "&font="
        + Api.encode("Georgia, Times New Roman, serif") + "&radius=0");
    assertEquals(200, css.status(), css.body());
    assertTrue(css.header("content-type").startsWith("text/css"), css.header("content-type"));
    assertEquals(":root { --hearth-accent: #B4461F; --hearth-font: Georgia, Times New Roman, serif;"
        + " --hearth-radius: 0px; }", css.body().trim());
    assertEquals(":root { --hearth-accent: #abc; }", api.get("/embed/theme.css?accent=" + Api.encode("#abc"))
        .body().trim());
    for (String bad : List.of("accent=" + Api.encode("#abcd"), "accent=" + Api.encode("#fff;}body{display:none"),
        "accent=" + Api.encode("url(https://evil.example/x)"), "font=" + Api.encode("Georgia;}*{display:none}"),
        "font=" + Api.encode("\"Georgia\""), "font=" + Api.encode("a\\3b"), "font=" + Api.encode("x".repeat(121)),
        "font=" + Api.encode("Georgia</style>"), "font=" + Api.encode("serif;}"), "font=" + Api.encode("a{}"),
        "radius=" + Api.encode("6;}"), "radius=100", "size=3")) {
      Api.Response refused = api.get("/embed/theme.css?" + bad);
      assertEquals(400, refused.status(), bad + " → " + refused.body());
      assertEquals("invalid_query", refused.json().getString("error"));
      assertFalse(refused.body().contains("--hearth-"), bad);
    }
  }

  @Test
  void theSignInPopupKeepsItsOpenerAndChecksTheNonce() {
    Api api = hearth.api();
    String nonce = "n0nce_with-22chars__x";
    Api.Response page = api.get("/embed/signin?site=" + SITE + "&nonce=" + nonce);
    assertEquals(200, page.status(), page.body());
    assertEquals("unsafe-none", page.header("cross-origin-opener-policy"));
    assertTrue(page.header("content-type").startsWith("text/html"));
    assertTrue(page.body().contains(nonce));
    assertTrue(page.body().contains("data-hearth-login"));
    for (String bad : List.of("short", "a".repeat(65), Api.encode("abcdefghijklmnop<script>"),
        Api.encode("abcdefghijklmnop qrs"), "abcdefghijklmnop.qrs")) {
      refused(api.get("/embed/signin?site=" + SITE + "&nonce=" + bad), 400, "invalid_query");
    }
    refused(api.get("/embed/signin?site=" + SITE), 400, "invalid_query");
    refused(api.get("/embed/signin?site=nowhere&nonce=" + nonce), 404, "site_not_found");
  }

  @Test
  void countsMayBeFetchedFromAnyOrigin() {
    Api.Response counts = hearth.api().get("/api/v1/counts?site=" + SITE + "&page=hello&page=untouched");
    assertEquals(200, counts.status(), counts.body());
    assertEquals("*", counts.header("access-control-allow-origin"));
    assertEquals(1, counts.json().getJsonObject("counts").getInteger("hello"));
  }

  @Test
  void theDemoIsAHostPageThatEmbedsTheThread() {
    Api.Response demo = hearth.api().get("/demo");
    assertEquals(200, demo.status());
    assertTrue(demo.body().contains("id=\"hearth-thread\""), demo.body());
    assertTrue(demo.body().contains("src=\"/embed.js\""), demo.body());
    String csp = demo.header("content-security-policy");
    assertTrue(csp.contains("frame-src 'self'"), csp);
    assertFalse(csp.contains("unsafe-inline"), csp);
  }

  @Test
  void aSitesOwnStyleSheetLoadsAfterHearthsWithItsOriginInTheCsp() {
    Api api = hearth.api();
    api.createSite("styled", "https://styled.example");
    Api.Response refused = api.adminJson("PATCH", "/api/v1/sites/styled",
        new JsonObject().put("settings", new JsonObject().put("customCss", "javascript:alert(1)")));
    assertEquals(400, refused.status(), refused.body());
    api.updateSettings("styled", new JsonObject().put("customCss", "https://cdn.styled.example/hearth.css?v=2"));
    Api.Response page = api.get("/embed/thread?site=styled&page=p");
    assertTrue(page.body().contains("<link rel=\"stylesheet\" href=\"https://cdn.styled.example/hearth.css?v&#x3D;2\">"),
        page.body());
    assertTrue(page.header("content-security-policy").contains("style-src 'self' https://cdn.styled.example;"));
    api.updateSettings("styled", new JsonObject().put("customCss", ""));
    Api.Response cleared = api.get("/embed/thread?site=styled&page=p");
    assertFalse(cleared.body().contains("cdn.styled.example"));
    assertTrue(cleared.header("content-security-policy").contains("style-src 'self';"));
  }
}
