package dev.hearth.embed;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.hearth.embed.Browser.ThirdPartyCookies;
import dev.hearth.support.Api;
import dev.hearth.support.TestHearth;
import io.vertx.core.json.JsonObject;
import java.util.Map;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;
import org.openqa.selenium.By;
import org.openqa.selenium.JavascriptExecutor;
import org.openqa.selenium.WebElement;

/**
 * The embedded thread on a host page of another site, in Chromium with third-party cookies
 * blocked (Debian's default, set here explicitly): what a reader sees while reading, posting,
 * replying, quoting, editing, and while others post, report and moderate. Each test has its
 * own site (so its own reader identity) and page.
 */
class EmbedBrowserTest {
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
    reader = Browser.start(ThirdPartyCookies.BLOCKED);
    other = Browser.start(ThirdPartyCookies.BLOCKED);
    assertEquals(1, reader.cookieControlsMode(), "Chromium blocks third-party cookies in this run");
    assertEquals(1, other.cookieControlsMode(), "Chromium blocks third-party cookies in this run");
  }

  @AfterAll
  static void stop() {
    Browser.closeAll(reader, other, host);
  }

  /** A site whose origins hold the host page's origin, and a host page embedding {@code page} of it. */
  static String hostPage(String site, String page) {
    hearth.api().createSite(site, host.origin());
    return host.serve("/" + site + "/" + page, HostSite.articlePage(hearthBase, site, page, Map.of()));
  }

  @Test
  void theThreadAppearsInItsIframeAndTheHostLinkCountsItsComments() {
    String url = hostPage("first", "river");
    Api api = hearth.api();
    api.comment("first", "river", null, "Ada", "The herons were out early today.");
    api.comment("first", "river", null, "Brook", "I counted seven of them.");

    EmbeddedThread thread = new EmbeddedThread(reader.driver);
    reader.driver.get(url);
    thread.waiting(() -> "the host's count link never read \"2 comments\"").until(d ->
        d.findElement(By.cssSelector("a[data-hearth-count]")).getText().equals("2 comments"));
    thread.enter();
    thread.waitForText("2 comments");
    thread.waitForComment("The herons were out early today.");
    thread.waitForComment("I counted seven of them.");
    thread.button("Post comment");
    Object storageAccess = ((JavascriptExecutor) reader.driver).executeAsyncScript(
        "const done = arguments[0]; document.hasStorageAccess().then(done, e => done('failed: ' + e));");
    assertEquals(false, storageAccess, "the iframe is third-party and its cookies are blocked");
  }

  @Test
  void anAnonymousReaderPostsAtOnceAndRepliesThreeDeep() {
    EmbeddedThread thread = new EmbeddedThread(reader.driver).open(hostPage("posting", "river"));
    WebElement top = CoreJourney.postAnonymously(thread, "Wren", "Lovely walk, ", "thanks for writing it up.");
    CoreJourney.replyThreeDeep(thread, top, "Wren");
    thread.waitForText("4 comments");
  }

  @Test
  void quotingASelectionPutsItInTheComposer() {
    String url = hostPage("quoting", "river");
    hearth.api().comment("quoting", "river", null, "Ada", "Herons are patient birds that wait for hours.");
    EmbeddedThread thread = new EmbeddedThread(reader.driver).open(url);
    WebElement item = thread.waitForComment("patient birds");
    thread.select(item, "patient birds that wait");
    thread.click(thread.button(EmbeddedThread.article(item), "Quote"));
    thread.waiting(() -> "no composer holds the quote; composers hold: " + composerValues(thread))
        .until(d -> composerValues(thread).contains("> patient birds that wait"));
  }

  private static String composerValues(EmbeddedThread thread) {
    return String.join(" | ", thread.driver.findElements(By.cssSelector("form[data-hearth-composer] textarea")).stream()
        .filter(WebElement::isDisplayed).map(t -> t.getDomProperty("value")).toList());
  }

  @Test
  void aReaderEditsTheirOwnCommentFromItsMarkdown() {
    String url = hostPage("editing", "river");
    hearth.api().comment("editing", "river", null, "Ada", "Someone else's comment.");
    EmbeddedThread thread = new EmbeddedThread(reader.driver).open(url);
    WebElement mine = thread.post("Wren", "I saw **three** herons.", "I saw three herons.");
    assertTrue(thread.displayedButton(EmbeddedThread.article(thread.waitForComment("Someone else's comment.")), "Edit").isEmpty(),
        "no Edit on another reader's comment");

    thread.click(thread.button(EmbeddedThread.article(mine), "Edit"));
    WebElement editor = thread.waiting(() -> "no editor opened in the comment").until(d ->
        mine.findElements(By.tagName("textarea")).stream().filter(WebElement::isDisplayed).findFirst().orElse(null));
    assertEquals("I saw **three** herons.", editor.getDomProperty("value"), "the editor holds the markdown source");
    editor.clear();
    editor.sendKeys("I saw **four** herons.");
    thread.click(thread.button(mine, "Save"));

    WebElement edited = thread.waitForComment("I saw four herons.");
    assertFalse(thread.commentShown("I saw three herons."), "the old text is gone");
    assertEquals("four", edited.findElement(By.cssSelector(".hearth-body strong")).getText());
    assertTrue(EmbeddedThread.article(edited).getText().contains("edited"), "the comment says it was edited");
  }

  @Test
  void anotherReaderSeesANewCommentLiveAndAModeratorsRejectionRemovesIt() {
    String url = hostPage("live", "river");
    hearth.api().comment("live", "river", null, "Ada", "The first comment on the page.");
    EmbeddedThread poster = new EmbeddedThread(reader.driver).open(url);
    EmbeddedThread watcher = new EmbeddedThread(other.driver).open(url);
    watcher.waitForComment("The first comment on the page.");

    WebElement seen = CoreJourney.seenLive(poster, watcher, "Wren", "Buy cheap heron feathers here!");
    JavascriptExecutor posterPage = (JavascriptExecutor) poster.driver;
    posterPage.executeScript("window.hearthTestNoReload = true;");
    long id = Long.parseLong(seen.getAttribute("data-comment-id"));
    Api.Response rejected = hearth.api().adminJson("POST", "/api/v1/moderation/comments/" + id + "/reject",
        new JsonObject().put("reason", "spam"));
    assertEquals(200, rejected.status(), rejected.body());
    poster.waiting(() -> "the rejected comment stays on the poster's page").until(d -> !poster.commentShown("cheap heron feathers"));
    watcher.waiting(() -> "the rejected comment stays on the watcher's page").until(d -> !watcher.commentShown("cheap heron feathers"));
    assertEquals(true, posterPage.executeScript("return window.hearthTestNoReload === true;"),
        "the comment went without a reload");
    poster.waitForComment("The first comment on the page.");
  }

  @Test
  void aReaderReportsACommentOnceAndIsThankedPolitely() {
    String url = hostPage("reporting", "river");
    hearth.api().comment("reporting", "river", null, "Ada", "The first comment on the page.");
    hearth.api().comment("reporting", "river", null, "Spammer", "Buy cheap heron feathers here!");
    EmbeddedThread thread = new EmbeddedThread(other.driver).open(url);

    report(thread, "cheap heron feathers");
    thread.waitForText("Thank");
    report(thread, "cheap heron feathers");
    thread.waitForText("You have already reported this comment.");
    JsonObject queue = hearth.api().json("GET", "/api/v1/moderation/queue?site=reporting&queue=reported", null, TestHearth.ADMIN_TOKEN).json();
    assertEquals(1, queue.getJsonObject("counts").getInteger("reported"), queue.encode());
  }

  /** Opens the report dialog with "Report comment", picks a reason, gives a name when asked (no identity yet) and sends. */
  private static void report(EmbeddedThread thread, String commentText) {
    WebElement button = thread.button(EmbeddedThread.article(thread.waitForComment(commentText)), "Report comment");
    WebElement dialog = thread.clickUntil(button, d -> d.findElements(By.tagName("dialog")).stream()
        .filter(WebElement::isDisplayed).findFirst().orElse(null), "the report dialog never opened");
    assertTrue(dialog.getText().contains("What is wrong with it?"), dialog.getText());
    thread.click(dialog.findElement(By.xpath(".//label[normalize-space()='Spam']")));
    thread.displayedField(dialog, "Your name").ifPresent(field -> field.sendKeys("Heron fan"));
    thread.click(thread.button(dialog, "Send report"));
  }
}
