package dev.hearth.embed;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.auth0.jwt.JWT;
import com.auth0.jwt.algorithms.Algorithm;
import dev.hearth.embed.Browser.ThirdPartyCookies;
import dev.hearth.support.Api;
import dev.hearth.support.TestHearth;
import io.vertx.core.json.JsonObject;
import java.time.Instant;
import java.util.Map;
import java.util.Set;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;
import org.openqa.selenium.By;
import org.openqa.selenium.WebDriver;
import org.openqa.selenium.WebElement;
import org.openqa.selenium.support.ui.ExpectedConditions;

/**
 * Who the reader is, inside a cross-site iframe whose cookies are blocked: signing in through
 * Hearth's first-party popup, being signed in by the host site's SSO token, and a closed page
 * that takes no comments.
 */
class EmbedSignInTest {
  static final String SSO_SECRET = "a-site-secret-of-at-least-32-characters!";

  @RegisterExtension
  static TestHearth hearth = new TestHearth();

  static HostSite host;
  static Browser browser;
  static String hearthBase;

  @BeforeAll
  static void start() {
    host = HostSite.start();
    hearthBase = "http://localhost:" + hearth.node().config().port();
    browser = Browser.start(ThirdPartyCookies.BLOCKED);
    assertEquals(1, browser.cookieControlsMode(), "Chromium blocks third-party cookies in this run");
  }

  @AfterAll
  static void stop() {
    try {
      if (browser != null) {
        browser.close();
      }
    } finally {
      if (host != null) {
        host.close();
      }
    }
  }

  static String hostPage(String site, String page, Map<String, String> attributes) {
    return host.serve("/" + site + "/" + page, HostSite.articlePage(hearthBase, site, page, attributes));
  }

  @Test
  void aReaderSignsInThroughThePopupAndStaysSignedIn() {
    Api api = hearth.api();
    api.createSite("popup", host.origin());
    api.signUp("popup", "heronwatcher");
    WebDriver driver = browser.driver;
    EmbeddedThread thread = new EmbeddedThread(driver).open(hostPage("popup", "river", Map.of()));
    String hostWindow = driver.getWindowHandle();

    thread.click(thread.button("Sign in"));
    String popup = thread.waiting(() -> "no sign-in window opened").until(d -> {
      Set<String> handles = d.getWindowHandles();
      return handles.size() == 2 ? handles.stream().filter(h -> !h.equals(hostWindow)).findFirst().orElse(null) : null;
    });
    try {
      driver.switchTo().window(popup);
      EmbeddedThread page = new EmbeddedThread(driver);
      page.waitForText("Sign in to comment");
      assertTrue(driver.getCurrentUrl().startsWith(hearthBase + "/embed/signin"), "the popup is Hearth's own page: " + driver.getCurrentUrl());
      WebElement login = page.waiting(() -> "no form with a \"Sign in\" button")
          .until(ExpectedConditions.visibilityOfElementLocated(By.xpath("//form[.//button[normalize-space()='Sign in']]")));
      page.field(login, "Username").sendKeys("heronwatcher");
      page.field(login, "Password").sendKeys("correct horse battery");
      page.click(page.button(login, "Sign in"));
      thread.waiting(() -> "the sign-in window stayed open").until(d -> d.getWindowHandles().size() == 1);
    } finally {
      if (driver.getWindowHandles().contains(popup) && driver.getWindowHandles().size() > 1) {
        driver.switchTo().window(popup).close();
      }
      driver.switchTo().window(hostWindow);
    }

    thread.enter();
    thread.waitForText("Signed in as heronwatcher");
    assertTrue(thread.displayedField(thread.composer(), "Your name").isEmpty(), "a signed-in reader is not asked for a name");
    WebElement posted = thread.post(null, "Posted while signed in.");
    assertTrue(EmbeddedThread.article(posted).getText().contains("heronwatcher"), posted.getText());

    driver.navigate().refresh();
    thread.enter();
    thread.waitForText("Signed in as heronwatcher");
  }

  @Test
  void theHostSitesSsoTokenSignsTheReaderInWithoutAClick() {
    Api api = hearth.api();
    api.createSite("sso", host.origin());
    api.updateSettings("sso", new JsonObject().put("ssoSecret", SSO_SECRET));
    Instant now = Instant.now();
    String token = JWT.create().withAudience("sso").withSubject("member-7").withClaim("name", "Grace Hopper")
        .withIssuedAt(now).withExpiresAt(now.plusSeconds(600)).sign(Algorithm.HMAC256(SSO_SECRET));

    EmbeddedThread thread = new EmbeddedThread(browser.driver)
        .open(hostPage("sso", "river", Map.of("data-sso-token", token)));
    thread.waitForText("Signed in as Grace Hopper");
    WebElement posted = thread.post(null, "Posted as a member of the host site.");
    assertTrue(EmbeddedThread.article(posted).getText().contains("Grace Hopper"), posted.getText());
  }

  @Test
  void aClosedPageSaysSoAndOffersNoComposer() {
    Api api = hearth.api();
    api.createSite("closing", host.origin());
    api.comment("closing", "river", null, "Ada", "Said before the page closed.");
    Api.Response closed = api.adminJson("PATCH", "/api/v1/sites/closing/pages/river", new JsonObject().put("closed", true));
    assertEquals(200, closed.status(), closed.body());

    EmbeddedThread thread = new EmbeddedThread(browser.driver).open(hostPage("closing", "river", Map.of()));
    thread.waitForText("Comments are closed.");
    thread.waitForComment("Said before the page closed.");
    assertTrue(thread.displayedButton(browser.driver, "Post comment").isEmpty(), "no Post comment on a closed page");
  }
}
