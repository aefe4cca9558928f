package dev.hearth.embed;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNotNull;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.hearth.embed.Browser.ThirdPartyCookies;
import dev.hearth.support.Api;
import dev.hearth.support.TestHearth;
import java.util.Arrays;
import java.util.List;
import java.util.Map;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;
import org.openqa.selenium.By;
import org.openqa.selenium.JavascriptExecutor;
import org.openqa.selenium.support.ui.ExpectedConditions;

/**
 * Only the site's own origins may frame its thread: the Content-Security-Policy says so, the
 * iframe only talks to an origin of the site, and Chromium refuses to show the thread inside a
 * page of any other origin.
 */
class EmbedFramingTest {
  static final String SITE = "framed";

  @RegisterExtension
  static TestHearth hearth = new TestHearth();

  static HostSite host;
  static HostSite stranger;
  static Browser browser;
  static String hearthBase;

  @BeforeAll
  static void start() {
    host = HostSite.start();
    stranger = HostSite.start();
    hearthBase = "http://localhost:" + hearth.node().config().port();
    Api api = hearth.api();
    api.createSite(SITE, host.origin());
    api.comment(SITE, "river", null, "Ada", "Only the river site may show this.");
    browser = Browser.start(ThirdPartyCookies.BLOCKED);
  }

  @AfterAll
  static void stop() {
    Browser.closeAll(browser, host, stranger);
  }

  @Test
  void theThreadNamesTheSitesOriginsAsItsOnlyFrameAncestors() {
    Api.Response page = hearth.api().get("/embed/thread?site=" + SITE + "&page=river&origin=" + Api.encode(host.origin()));
    assertEquals(200, page.status(), page.body());
    String csp = page.header("Content-Security-Policy");
    assertNotNull(csp, "the thread page has a Content-Security-Policy");
    List<String> ancestors = directive(csp, "frame-ancestors");
    assertTrue(ancestors.contains(host.origin()), "frame-ancestors lists the host origin: " + csp);
    assertFalse(ancestors.contains(stranger.origin()), "frame-ancestors does not list another origin: " + csp);
    assertFalse(ancestors.contains("*"), csp);
    assertEquals(host.origin(), dataOrigin(page.body()), "the host origin is the one the iframe posts messages to");

    Api.Response foreign = hearth.api().get("/embed/thread?site=" + SITE + "&page=river&origin=" + Api.encode(stranger.origin()));
    assertEquals("", dataOrigin(foreign.body()), "the iframe posts messages to no origin outside the site's");
  }

  @Test
  void chromiumShowsTheThreadOnTheSitesPageButNotOnAStrangersPage() {
    String page = HostSite.articlePage(hearthBase, SITE, "river", Map.of());
    EmbeddedThread thread = new EmbeddedThread(browser.driver).open(host.serve("/river", page));
    thread.waitForComment("Only the river site may show this.");

    browser.driver.get(stranger.serve("/river", page));
    thread.waiting(() -> "the stranger's page has no comments iframe")
        .until(ExpectedConditions.frameToBeAvailableAndSwitchToIt(EmbeddedThread.IFRAME));
    JavascriptExecutor frame = (JavascriptExecutor) browser.driver;
    // Wait for the frame to settle on whatever Chromium shows there (its error page when refused).
    thread.waiting(() -> "the framed document never finished loading").until(d -> {
      Object state = frame.executeScript("return location.href !== 'about:blank' && document.readyState === 'complete'");
      return Boolean.TRUE.equals(state);
    });
    String location = String.valueOf(frame.executeScript("return location.href"));
    assertFalse(location.startsWith(hearthBase), "Chromium refused the thread page in the frame; it shows " + location);
    assertTrue(browser.driver.findElements(By.id("hearth-root")).isEmpty(),
        "Chromium must not show the thread inside a stranger's page; the frame is at " + location);
    assertFalse(thread.visibleText().contains("Only the river site may show this."), "the comment is not shown");
  }

  private static List<String> directive(String csp, String name) {
    return Arrays.stream(csp.split(";"))
        .map(String::trim)
        .filter(d -> d.startsWith(name + " "))
        .findFirst()
        .map(d -> Arrays.asList(d.substring(name.length()).trim().split("\\s+")))
        .orElse(List.of());
  }

  private static String dataOrigin(String html) {
    Matcher root = Pattern.compile("<[a-z]+[^>]*\\sid=\"hearth-root\"[^>]*>").matcher(html);
    Matcher origin = root.find() ? Pattern.compile("\\sdata-origin=\"([^\"]*)\"").matcher(root.group()) : null;
    if (origin == null || !origin.find()) {
      throw new AssertionError("no #hearth-root with data-origin in the thread page: "
          + html.substring(0, Math.min(html.length(), 600)));
    }
    return origin.group(1);
  }
}
