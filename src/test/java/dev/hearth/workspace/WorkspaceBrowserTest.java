package dev.hearth.workspace;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;
import static org.junit.jupiter.api.Assertions.fail;

import dev.hearth.support.Api;
import dev.hearth.support.Axe;
import dev.hearth.support.TestHearth;
import io.vertx.core.json.JsonArray;
import io.vertx.core.json.JsonObject;
import java.io.File;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;
import org.openqa.selenium.By;
import org.openqa.selenium.WebDriver;
import org.openqa.selenium.chrome.ChromeDriver;
import org.openqa.selenium.chrome.ChromeDriverService;
import org.openqa.selenium.chrome.ChromeOptions;
import org.openqa.selenium.interactions.Actions;
import org.openqa.selenium.support.ui.ExpectedConditions;
import org.openqa.selenium.support.ui.WebDriverWait;

/**
 * The workspace in real headless Chromium: sign in through the form, moderate with the
 * keyboard, see a live notice, and pass axe-core's serious and critical checks. Runs, never
 * skips: without Chromium it fails saying how to install it.
 */
class WorkspaceBrowserTest {
  static final Path CHROMIUM = Path.of("/usr/lib/chromium/chromium");
  static final Path CHROMEDRIVER = Path.of("/usr/bin/chromedriver");
  static final String SITE = "browse";

  @RegisterExtension
  static TestHearth hearth = new TestHearth();

  static Path home;
  static WebDriver driver;
  static String modToken;

  @BeforeAll
  static void browser() throws IOException {
    if (!Files.isExecutable(CHROMIUM) || !Files.isExecutable(CHROMEDRIVER)) {
      fail("Chromium and its driver are needed at " + CHROMIUM + " and " + CHROMEDRIVER
          + "; mvn verify installs them as root (bin/test-prerequisites), else apt-get install chromium chromium-driver");
    }
    if (!Files.isReadable(Axe.SCRIPT)) {
      fail("axe-core is needed at " + Axe.SCRIPT + "; mvn verify installs it (bin/test-prerequisites runs npm ci)");
    }
    home = Files.createTempDirectory("hearth-chromium-home");
    ChromeOptions options = new ChromeOptions();
    options.setBinary(CHROMIUM.toFile());
    options.addArguments("--headless=new", "--no-sandbox", "--disable-gpu", "--disable-dev-shm-usage",
        "--disable-background-networking", "--disable-component-update", "--disable-sync", "--no-first-run",
        "--user-data-dir=" + Files.createTempDirectory(home, "profile"), "--window-size=1280,900");
    ChromeDriverService service = new ChromeDriverService.Builder()
        .usingDriverExecutable(new File(CHROMEDRIVER.toString()))
        .usingAnyFreePort()
        .withEnvironment(Map.of("HOME", home.toString()))
        .build();
    driver = new ChromeDriver(service, options);
    driver.manage().timeouts().scriptTimeout(Duration.ofSeconds(60));

    Api api = hearth.api();
    api.createSite(SITE, "https://browse.example");
    api.updateSettings(SITE, new JsonObject().put("premoderation", "all"));
    JsonObject mod = api.signUp(SITE, "keyboardmod");
    modToken = mod.getString("token");
    api.grant(SITE, mod.getJsonObject("user").getLong("id"), "moderator");
  }

  @AfterAll
  static void close() {
    if (driver != null) {
      driver.quit();
    }
  }

  @Test
  void aModeratorWorksTheQueueWithTheKeyboard() throws IOException {
    long started = System.nanoTime();
    Api api = hearth.api();
    for (int i = 1; i <= 3; i++) {
      api.comment(SITE, "keys", null, "Writer " + i, "Held comment number " + i);
    }
    WebDriverWait wait = new WebDriverWait(driver, Duration.ofSeconds(15));
    driver.get(api.base() + "/moderate?site=" + SITE);
    driver.findElement(By.id("signin-username")).sendKeys("keyboardmod");
    driver.findElement(By.id("signin-password")).sendKeys("correct horse battery");
    driver.findElement(By.cssSelector("form[action='/moderate/login'] button[type=submit]")).click();
    wait.until(ExpectedConditions.urlContains("queue=reported"));
    driver.findElement(By.linkText("Pending 3")).click();
    wait.until(ExpectedConditions.numberOfElementsToBe(By.cssSelector("#items .item"), 3));

    assertEquals(List.of(), Axe.seriousViolations(driver, "workspace"), "axe-core: serious or critical violations");

    press("j");
    String first = focusedId();
    press("a");
    wait.until(ExpectedConditions.numberOfElementsToBe(By.cssSelector("#items .item"), 2));
    String second = focusedId();
    press("j");
    String third = focusedId();
    press("r");
    wait.until(ExpectedConditions.visibilityOfElementLocated(By.id("prompt-reason")));
    driver.findElement(By.id("prompt-reason")).sendKeys("off topic\n");
    wait.until(ExpectedConditions.numberOfElementsToBe(By.cssSelector("#items .item"), 1));
    assertEquals(second, driver.findElement(By.cssSelector("#items .item")).getAttribute("data-id"));
    assertEquals("1", driver.findElement(By.cssSelector(".count[data-queue=pending]")).getText());

    JsonArray shown = api.thread(SITE, "keys", null).getJsonArray("comments");
    assertEquals(1, shown.size(), shown.encode());
    assertEquals(Long.parseLong(first), shown.getJsonObject(0).getLong("id"), "the first item was approved");
    JsonObject pending = api.json("GET", "/api/v1/moderation/queue?site=" + SITE + "&queue=pending", null, modToken).json();
    assertEquals(1, pending.getJsonObject("counts").getLong("pending"));
    assertEquals(Long.parseLong(second), pending.getJsonArray("items").getJsonObject(0).getJsonObject("comment").getLong("id"));
    JsonObject rejected = api.json("GET", "/api/v1/moderation/queue?site=" + SITE + "&queue=rejected", null, modToken).json();
    assertEquals(1, rejected.getJsonObject("counts").getLong("rejected"));
    assertEquals(Long.parseLong(third), rejected.getJsonArray("items").getJsonObject(0).getJsonObject("comment").getLong("id"));
    assertEquals("off topic", rejected.getJsonArray("items").getJsonObject(0).getString("moderationReason"));

    press("?");
    wait.until(ExpectedConditions.visibilityOfElementLocated(By.id("help")));
    assertTrue(driver.findElement(By.id("help")).getText().contains("approve the focused item"));
    press("?");
    wait.until(ExpectedConditions.invisibilityOfElementLocated(By.id("help")));

    long late = api.comment(SITE, "keys", null, "Late writer", "A new comment while the moderator watches")
        .getLong("id");
    wait.until(ExpectedConditions.presenceOfElementLocated(By.id("item-" + late)));
    assertTrue(driver.findElement(By.id("item-" + late)).getText().contains("while the moderator watches"),
        "the held comment appeared in the list without a reload");
    wait.until(ExpectedConditions.textToBePresentInElementLocated(By.id("live"), "1 new item"));
    System.out.printf("WorkspaceBrowserTest: keyboard session took %d ms%n", (System.nanoTime() - started) / 1_000_000);
  }

  private static void press(String key) {
    new Actions(driver).sendKeys(key).perform();
  }

  private static String focusedId() {
    return driver.findElement(By.cssSelector("#items .item[aria-current=true]")).getAttribute("data-id");
  }


}
