package dev.hearth.embed;

import static org.junit.jupiter.api.Assertions.assertEquals;

import dev.hearth.embed.Browser.ThirdPartyCookies;
import dev.hearth.support.TestHearth;
import java.util.Map;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;
import org.openqa.selenium.JavascriptExecutor;
import org.openqa.selenium.WebElement;

/**
 * The core of the embed (post, reply three deep, see another reader's comment live) with
 * third-party cookies allowed, as in browsers that still allow them: the embed must not
 * depend on either setting.
 */
class EmbedCookiesAllowedTest {
  @RegisterExtension
  static TestHearth hearth = new TestHearth();

  static HostSite host;
  static Browser reader;
  static Browser other;
  static String hearthBase;

  @BeforeAll
  static void start() {
    host = HostSite.start();
    hearthBase = "http://localhost:" + hearth.node().config().port();
    reader = Browser.start(ThirdPartyCookies.ALLOWED);
    other = Browser.start(ThirdPartyCookies.ALLOWED);
    assertEquals(0, reader.cookieControlsMode(), "Chromium allows third-party cookies in this run");
    assertEquals(0, other.cookieControlsMode(), "Chromium allows third-party cookies in this run");
  }

  @AfterAll
  static void stop() {
    Browser.closeAll(reader, other, host);
  }

  @Test
  void aReaderPostsRepliesThreeDeepAndAnotherSeesANewCommentLive() {
    hearth.api().createSite("open", host.origin());
    String url = host.serve("/open/river", HostSite.articlePage(hearthBase, "open", "river", Map.of()));
    EmbeddedThread poster = new EmbeddedThread(reader.driver).open(url);
    Object storageAccess = ((JavascriptExecutor) reader.driver).executeAsyncScript(
        "const done = arguments[0]; document.hasStorageAccess().then(done, e => done('failed: ' + e));");
    assertEquals(true, storageAccess, "the iframe may use its cookies in this run");

    WebElement top = CoreJourney.postAnonymously(poster, "Wren", "Lovely walk, ", "thanks for writing it up.");
    CoreJourney.replyThreeDeep(poster, top, "Wren");
    EmbeddedThread watcher = new EmbeddedThread(other.driver).open(url);
    watcher.waitForComment("A reply at depth 3");
    CoreJourney.seenLive(poster, watcher, "Wren", "One more thing: bring boots.");
  }
}
