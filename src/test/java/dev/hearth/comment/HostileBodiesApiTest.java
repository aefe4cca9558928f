package dev.hearth.comment;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNotNull;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.hearth.demo.DemoSite;
import dev.hearth.support.Api;
import dev.hearth.support.TestHearth;
import dev.hearth.text.CommentMarkup;
import dev.hearth.text.Entities;
import dev.hearth.text.ExecutableMarkup;
import dev.hearth.text.HostileCorpus;
import io.vertx.core.json.JsonObject;
import java.text.Normalizer;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;

/**
 * Every body of the hostile corpus, posted through the real API, comes back out of every
 * reading surface (thread JSON, the server-rendered fragment, the demo article) with nothing
 * that could run in a reader's browser, and with its source text unchanged.
 */
class HostileBodiesApiTest {
  @RegisterExtension
  static TestHearth hearth = new TestHearth();

  /** The demo article's page, so that /demo shows the corpus as well as the fragment does. */
  static final String SITE = DemoSite.SITE_ID;
  static final String PAGE = DemoSite.PAGE_KEY;

  /** The elements the thread templates are built from. */
  static final Set<String> FRAGMENT_TAGS = Set.of("section", "h2", "ol", "li", "article", "header", "span", "time", "div");
  static final Set<String> DEMO_TAGS = union(FRAGMENT_TAGS, Set.of("html", "head", "meta", "title", "link", "body", "main",
      "h1", "p", "a", "noscript"));
  /** The thread page around the comments: its header, composer, dialogs and the comments' actions. */
  static final Set<String> THREAD_PAGE_TAGS = union(DEMO_TAGS, Set.of("nav", "button", "strong", "form", "input",
      "label", "textarea", "template", "dialog", "fieldset", "legend", "h3"));
  static final Pattern OWN_SCRIPT =
      Pattern.compile("<script type=\"module\" src=\"/static/embed/thread\\.js\\?v&#x3D;[0-9a-f]{16}\"></script>");
  static final Pattern MORE_LINK = Pattern.compile("class=\"hearth-more\"><a href=\"([^\"]*)\"");

  /** One corpus entry and what the API answered to it. */
  record Posted(int index, String entry, Api.Response response) {
    boolean accepted() {
      return response.status() == 201;
    }

    long id() {
      return response.json().getLong("id");
    }

    String label() {
      return "#" + index + " " + HostileCorpus.label(entry);
    }
  }

  static final List<Posted> posted = new ArrayList<>();
  static final Map<Long, Posted> accepted = new LinkedHashMap<>();

  @BeforeAll
  static void postCorpus() {
    Api api = hearth.api();
    api.updateSettings(SITE, Api.BURST_SETTINGS); // the corpus is posted in one burst from one address
    List<String> entries = HostileCorpus.entries();
    for (int i = 0; i < entries.size(); i++) {
      Api.Response response = api.postJson("/api/v1/comments",
          Api.newComment(SITE, PAGE, null, "Hostile " + i, entries.get(i)));
      Posted p = new Posted(i, entries.get(i), response);
      posted.add(p);
      if (p.accepted()) {
        accepted.put(p.id(), p);
      }
    }
  }

  /** The body as the API stores it: line endings folded to \n, then NFC. */
  static String stored(String entry) {
    return Normalizer.normalize(entry.replace("\r\n", "\n").replace('\r', '\n'), Normalizer.Form.NFC);
  }

  /** Control characters other than tab and line endings are refused in bodies; everything else is text. */
  static boolean hasForbiddenControls(String entry) {
    return entry.chars().anyMatch(c -> Character.isISOControl(c) && c != '\n' && c != '\t' && c != '\r');
  }

  @Test
  void noEntryCausesAServerError() {
    List<String> serverErrors = posted.stream().filter(p -> p.response().status() >= 500)
        .map(p -> p.label() + " => " + p.response().status() + " " + p.response().body()).toList();
    assertEquals(List.of(), serverErrors);
  }

  @Test
  void entriesAreAcceptedUnlessTheyHoldControlCharacters() {
    List<String> wrong = new ArrayList<>();
    for (Posted p : posted) {
      boolean refusable = hasForbiddenControls(p.entry());
      int status = p.response().status();
      if (refusable && !(status == 400 && "invalid_characters".equals(p.response().json().getString("error")))) {
        wrong.add(p.label() + " should be 400 invalid_characters, was " + status + " " + p.response().body());
      } else if (!refusable && status != 201) {
        wrong.add(p.label() + " should be accepted, was " + status + " " + p.response().body());
      }
    }
    assertEquals(List.of(), wrong);
    assertTrue(accepted.size() >= 80, "only " + accepted.size() + " entries accepted");
  }

  @Test
  void createdResponsesCarryTheBodyAsPostedAndSafeHtml() {
    List<String> wrong = new ArrayList<>();
    for (Posted p : accepted.values()) {
      JsonObject created = p.response().json();
      if (!stored(p.entry()).equals(created.getString("body"))) {
        wrong.add(p.label() + ": body came back as " + created.getString("body"));
      }
      List<String> problems = ExecutableMarkup.findProblems(created.getString("html"));
      if (!problems.isEmpty()) {
        wrong.add(p.label() + " => " + created.getString("html") + " " + problems);
      }
    }
    assertEquals(List.of(), wrong);
  }

  @Test
  void threadJsonHasNothingExecutableAndEveryBodyAsPosted() {
    ThreadWalk walk = ThreadWalk.page(hearth.api(), SITE, PAGE, 100, 100);
    assertEquals(List.of(), walk.duplicates(), "comments listed twice");
    assertTrue(walk.comments().keySet().containsAll(accepted.keySet()), "every accepted entry is listed");
    assertEquals(accepted.size() + 4, walk.comments().size(), "the corpus and the four demo comments");
    List<String> wrong = new ArrayList<>();
    for (JsonObject comment : walk.comments().values()) {
      String html = comment.getString("html");
      List<String> problems = ExecutableMarkup.findProblems(html);
      Posted p = accepted.get(comment.getLong("id"));
      String label = p == null ? "demo comment " + comment.getLong("id") : p.label();
      if (!problems.isEmpty()) {
        wrong.add(label + " => " + html + " " + problems);
      }
      if (p != null && !stored(p.entry()).equals(comment.getString("body"))) {
        wrong.add(label + ": body read back as " + comment.getString("body"));
      }
    }
    assertEquals(List.of(), wrong);
  }

  /** Bodies are markdown: what is stored and shown is the one pipeline's output for the source. */
  @Test
  void htmlIsTheMarkdownPipelinesOutput() {
    List<String> wrong = new ArrayList<>();
    for (Posted p : accepted.values()) {
      String expected = CommentMarkup.toHtml(stored(p.entry()));
      String actual = p.response().json().getString("html");
      if (!expected.equals(actual)) {
        wrong.add(p.label() + "\n  expected " + expected + "\n  actual   " + actual);
      }
    }
    assertEquals("", String.join("\n", wrong.subList(0, Math.min(5, wrong.size()))),
        wrong.size() + " of " + accepted.size() + " bodies not rendered by CommentMarkup");
  }

  @Test
  void everyFragmentPageHasNothingExecutable() {
    Api api = hearth.api();
    String path = "/embed/fragment?site=" + SITE + "&page=" + PAGE + "&limit=100";
    Set<Long> rendered = new HashSet<>();
    List<Long> renderedTwice = new ArrayList<>();
    int pages = 0;
    while (path != null) {
      Api.Response fragment = api.get(path);
      assertEquals(200, fragment.status(), path);
      assertNotNull(fragment.header("content-security-policy"));
      assertEquals(List.of(), ExecutableMarkup.findProblemsInPage(fragment.body(), FRAGMENT_TAGS), path);
      Matcher ids = Pattern.compile("id=\"comment-(\\d+)\"").matcher(fragment.body());
      while (ids.find()) {
        if (!rendered.add(Long.parseLong(ids.group(1)))) {
          renderedTwice.add(Long.parseLong(ids.group(1)));
        }
      }
      Matcher more = MORE_LINK.matcher(fragment.body());
      path = more.find() ? Entities.decode(more.group(1)) : null;
      assertTrue(path == null || path.contains("limit=100"), "the next page keeps the page size: " + path);
      assertTrue(++pages < 50, "fragment pages never end");
    }
    assertTrue(pages >= 2, "the corpus spans more than one fragment page");
    assertEquals(List.of(), renderedTwice);
    assertTrue(rendered.containsAll(accepted.keySet()), "every accepted entry is rendered on some fragment page");
  }

  @Test
  void theEmbeddedThreadRunsNothingButItsOwnScript() {
    Api.Response page = hearth.api().get("/embed/thread?site=" + SITE + "&page=" + PAGE);
    assertEquals(200, page.status());
    Matcher own = OWN_SCRIPT.matcher(page.body());
    assertTrue(own.find(), "the page loads its module from /static");
    String withoutOwnScript = own.replaceAll("");
    assertEquals(List.of(), ExecutableMarkup.findProblemsInPage(withoutOwnScript, THREAD_PAGE_TAGS));
    List<Long> firstPage = hearth.api().thread(SITE, PAGE, null).getJsonArray("comments").stream()
        .map(c -> ((JsonObject) c).getLong("id")).toList();
    assertEquals(20, firstPage.size());
    long shownHostile = firstPage.stream().filter(accepted::containsKey).count();
    assertEquals(18, shownHostile, "the demo's own two threads, then the first hostile ones");
    for (long id : firstPage) {
      assertTrue(page.body().contains("id=\"comment-" + id + "\""), "comment " + id + " on the embedded thread");
    }
  }

  @Test
  void theDemoArticleLoadsNothingButTheLoader() {
    Api.Response demo = hearth.api().get("/demo");
    assertEquals(200, demo.status());
    String withoutLoader = demo.body().replace("<script src=\"/embed.js\" async></script>", "");
    assertEquals(List.of(), ExecutableMarkup.findProblemsInPage(withoutLoader, DEMO_TAGS));
  }

  private static Set<String> union(Set<String> a, Set<String> b) {
    Set<String> all = new HashSet<>(a);
    all.addAll(b);
    return Set.copyOf(all);
  }
}
