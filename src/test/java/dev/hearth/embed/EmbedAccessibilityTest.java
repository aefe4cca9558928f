package dev.hearth.embed;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.hearth.embed.Browser.ThirdPartyCookies;
import dev.hearth.support.Api;
import dev.hearth.support.Axe;
import dev.hearth.support.TestHearth;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.extension.RegisterExtension;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;
import org.openqa.selenium.JavascriptExecutor;
import org.openqa.selenium.OutputType;
import org.openqa.selenium.WebElement;

/**
 * The embedded thread passes axe-core's serious and critical checks in light and dark, on a
 * desktop and a phone width, and fits the phone without sideways scrolling. With
 * {@code -Dhearth.screenshots=true} it also writes the screenshots docs/img shows.
 */
class EmbedAccessibilityTest {
  static final String SITE = "look";

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
    Api api = hearth.api();
    api.createSite(SITE, host.origin());
    long first = api.comment(SITE, "river", null, "Ada Lovelace",
        "The herons were out early today, standing in the shallows by the weir.").getLong("id");
    long reply = api.comment(SITE, "river", first, "Brook", "> standing in the shallows\n\nThey do that when the "
        + "water is high: the fish come close to the bank.").getLong("id");
    api.comment(SITE, "river", reply, "Ada Lovelace", "Good to know, thank you! I will go back *tomorrow* morning.");
    api.comment(SITE, "river", null, "Wren", "Is the path along the **east bank** open again? "
        + "Last month it was closed after the storm; see [the council's notice](https://example.org/notice).");
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

  @ParameterizedTest(name = "{0} at {1} px")
  @CsvSource({"light, 1280, desktop", "dark, 1280, desktop", "light, 390, phone", "dark, 390, phone"})
  void theThreadIsAccessible(String theme, int width, String device) throws IOException {
    String url = host.serve("/" + theme + "/river", HostSite.articlePage(hearthBase, SITE, "river", Map.of("data-theme", theme)));
    browser.driver.get("about:blank");
    browser.viewportWidth(width, width > 480 ? 900 : 844);
    EmbeddedThread thread = new EmbeddedThread(browser.driver).open(url);
    thread.waitForComment("Good to know, thank you!");
    thread.waitForComment("east bank");
    JavascriptExecutor js = (JavascriptExecutor) browser.driver;
    assertEquals(theme, js.executeScript("return document.documentElement.dataset.theme"),
        "the host's data-theme reaches the thread");
    long innerWidth = ((Number) js.executeScript("return window.innerWidth")).longValue();
    long scrollWidth = ((Number) js.executeScript("return document.documentElement.scrollWidth")).longValue();
    assertTrue(innerWidth <= width, "the iframe is no wider than the window: " + innerWidth);
    assertTrue(scrollWidth <= innerWidth, "no sideways scrolling in the thread: content " + scrollWidth
        + " px in " + innerWidth + " px");

    List<String> serious = Axe.seriousViolations(browser.driver, theme + " " + width + " px");
    assertEquals(List.of(), serious, "axe-core: serious or critical violations (" + theme + ", " + width + " px)");

    if (Boolean.getBoolean("hearth.screenshots")) {
      thread.leave();
      WebElement frame = browser.driver.findElement(EmbeddedThread.IFRAME);
      // A screenshot shows only the viewport: make the window tall enough for the whole thread.
      int needed = frame.getRect().getY() + frame.getRect().getHeight() + 40;
      browser.viewportWidth(width, needed + 200);
      thread.waiting(() -> "the window never grew to show the whole thread")
          .until(d -> ((Number) js.executeScript("return innerHeight")).intValue() >= needed);
      js.executeScript("arguments[0].scrollIntoView()", frame);
      Path file = Path.of("docs/img/embed-" + device + "-" + theme + ".png");
      Files.createDirectories(file.getParent());
      Files.write(file, frame.getScreenshotAs(OutputType.BYTES));
      System.out.println("EmbedAccessibilityTest: wrote " + file.toAbsolutePath());
    }
  }
}
