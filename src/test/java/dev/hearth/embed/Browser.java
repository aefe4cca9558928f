package dev.hearth.embed;

import static org.junit.jupiter.api.Assertions.fail;

import io.vertx.core.json.JsonObject;
import java.io.File;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.Comparator;
import java.util.Map;
import java.util.stream.Stream;
import org.openqa.selenium.By;
import org.openqa.selenium.Dimension;
import org.openqa.selenium.JavascriptExecutor;
import org.openqa.selenium.chrome.ChromeDriver;
import org.openqa.selenium.chrome.ChromeDriverService;
import org.openqa.selenium.chrome.ChromeOptions;

/**
 * One headless Debian Chromium with its own profile, set up as DESIGN.md (Tests) says works
 * on these machines. The third-party cookie setting is always given explicitly, so a test
 * states which condition the embed runs under rather than inheriting the distribution's default.
 */
final class Browser implements AutoCloseable {
  static final Path CHROMIUM = Path.of("/usr/lib/chromium/chromium");
  static final Path CHROMEDRIVER = Path.of("/usr/bin/chromedriver");

  /** Chromium's {@code profile.cookie_controls_mode}: 1 blocks third-party cookies, 0 allows them. */
  enum ThirdPartyCookies {
    BLOCKED(1), ALLOWED(0);

    final int cookieControlsMode;

    ThirdPartyCookies(int mode) {
      this.cookieControlsMode = mode;
    }
  }

  final ChromeDriver driver;
  private final Path home;

  private Browser(ChromeDriver driver, Path home) {
    this.driver = driver;
    this.home = home;
  }

  static Browser start(ThirdPartyCookies cookies) {
    if (!Files.isExecutable(CHROMIUM) || !Files.isExecutable(CHROMEDRIVER)) {
      fail("Chromium and its driver are needed at " + CHROMIUM + " and " + CHROMEDRIVER
          + "; mvn verify installs them as root (bin/test-prerequisites), else apt-get install chromium chromium-driver");
    }
    try {
      Path home = Files.createTempDirectory("hearth-embed-chromium");
      ChromeOptions options = new ChromeOptions();
      options.setBinary(CHROMIUM.toFile());
      options.addArguments("--headless=new", "--no-sandbox", "--disable-gpu", "--disable-dev-shm-usage",
          "--disable-background-networking", "--disable-component-update", "--disable-sync", "--no-first-run",
          "--user-data-dir=" + Files.createDirectory(home.resolve("profile")), "--window-size=1280,900");
      options.setExperimentalOption("prefs", Map.of("profile.cookie_controls_mode", cookies.cookieControlsMode));
      ChromeDriverService service = new ChromeDriverService.Builder()
          .usingDriverExecutable(new File(CHROMEDRIVER.toString()))
          .usingAnyFreePort()
          .withEnvironment(Map.of("HOME", home.toString()))
          .build();
      ChromeDriver driver = new ChromeDriver(service, options);
      driver.manage().timeouts().scriptTimeout(Duration.ofSeconds(60));
      return new Browser(driver, home);
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    }
  }

  /** The profile's {@code profile.cookie_controls_mode} as Chromium itself reports it (chrome://prefs-internals). */
  int cookieControlsMode() {
    driver.get("chrome://prefs-internals");
    JsonObject prefs = new JsonObject(driver.findElement(By.tagName("body")).getText());
    // Each pref reads {metadata: [...], value: ...}.
    return prefs.getJsonObject("profile").getJsonObject("cookie_controls_mode").getInteger("value");
  }

  /** Sizes the window so that the page's viewport is {@code width} CSS pixels wide. */
  void viewportWidth(int width, int height) {
    driver.manage().window().setSize(new Dimension(width, height));
    Object inner = ((JavascriptExecutor) driver).executeScript("return window.innerWidth");
    long actual = ((Number) inner).longValue();
    if (actual != width) {
      // Window chrome or a minimum window size got in the way: make up the difference once.
      driver.manage().window().setSize(new Dimension((int) (width + (width - actual)), height));
    }
  }

  @Override
  public void close() {
    try {
      driver.quit();
    } finally {
      try (Stream<Path> files = Files.walk(home)) {
        files.sorted(Comparator.reverseOrder()).forEach(path -> path.toFile().delete());
      } catch (IOException ignored) {
        // a leftover temporary profile is harmless
      }
    }
  }

  /** Closes each of them (browsers, host sites), going on past one that fails or was never opened. */
  static void closeAll(AutoCloseable... all) {
    for (AutoCloseable closeable : all) {
      try {
        if (closeable != null) {
          closeable.close();
        }
      } catch (Exception ignored) {
        // close the rest
      }
    }
  }
}
