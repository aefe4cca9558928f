package dev.hearth.embed;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.List;
import java.util.Optional;
import org.openqa.selenium.By;
import org.openqa.selenium.ElementClickInterceptedException;
import org.openqa.selenium.JavascriptExecutor;
import org.openqa.selenium.NoSuchElementException;
import org.openqa.selenium.OutputType;
import org.openqa.selenium.TakesScreenshot;
import org.openqa.selenium.TimeoutException;
import org.openqa.selenium.SearchContext;
import org.openqa.selenium.StaleElementReferenceException;
import org.openqa.selenium.WebDriver;
import org.openqa.selenium.WebElement;
import org.openqa.selenium.support.ui.ExpectedConditions;
import org.openqa.selenium.support.ui.WebDriverWait;

/**
 * A reader's view of one embedded thread on a host page: controls are found by the names a
 * reader sees (button text, the text of a field's label), never by script hooks, so a test
 * fails when a label a person relies on goes missing.
 */
final class EmbeddedThread {
  static final By IFRAME = By.cssSelector("iframe[title='Comments']");

  final WebDriver driver;
  final WebDriverWait wait;

  EmbeddedThread(WebDriver driver) {
    this.driver = driver;
    this.wait = waiting(() -> "");
  }

  /**
   * A fresh wait (a WebDriverWait keeps its message, so each condition gets its own); when it
   * times out its message names a screenshot of the moment.
   */
  WebDriverWait waiting(java.util.function.Supplier<String> message) {
    WebDriverWait fresh = new WebDriverWait(driver, Duration.ofSeconds(20));
    fresh.ignoring(StaleElementReferenceException.class);
    fresh.withMessage(() -> message.get() + "; the window looked like " + screenshot("wait"));
    return fresh;
  }

  /** Opens a host page and steps into its comments iframe once the thread is there. */
  EmbeddedThread open(String hostUrl) {
    driver.get(hostUrl);
    return enter();
  }

  /** Steps into the comments iframe (from the host page or from anywhere else). */
  EmbeddedThread enter() {
    driver.switchTo().defaultContent();
    waiting(() -> "no iframe titled \"Comments\" on the host page").until(ExpectedConditions.frameToBeAvailableAndSwitchToIt(IFRAME));
    waiting(() -> "the iframe never showed a thread; it reads: " + visibleText())
        .until(ExpectedConditions.presenceOfElementLocated(By.id("hearth-root")));
    return this;
  }

  /** Back to the host page's own document. */
  void leave() {
    driver.switchTo().defaultContent();
  }

  /** What a reader sees in the current document (hidden elements give no text). */
  String visibleText() {
    return driver.findElement(By.tagName("body")).getText();
  }

  void waitForText(String text) {
    waiting(() -> "text \"" + text + "\" never shown; the document reads: " + visibleText())
        .until(d -> visibleText().contains(text));
  }

  /** The one displayed button whose visible text is {@code name} inside {@code scope}, once there. */
  WebElement button(SearchContext scope, String name) {
    return waiting(() -> "no button named \"" + name + "\" shown")
        .until(d -> displayedButton(scope, name).orElse(null));
  }

  WebElement button(String name) {
    return button(driver, name);
  }

  Optional<WebElement> displayedButton(SearchContext scope, String name) {
    List<WebElement> shown = scope.findElements(By.xpath(".//button[normalize-space()=" + literal(name) + "]"))
        .stream().filter(WebElement::isDisplayed).toList();
    if (shown.size() > 1) {
      throw new AssertionError(shown.size() + " buttons named \"" + name + "\" are shown where one was expected");
    }
    return shown.stream().findFirst();
  }

  /** The field whose displayed label (inside {@code scope}) reads {@code label}, through the label's {@code for}. */
  WebElement field(SearchContext scope, String label) {
    return waiting(() -> "no field labelled \"" + label + "\" shown").until(d -> {
      for (WebElement candidate : scope.findElements(By.xpath(".//label[normalize-space()=" + literal(label) + "]"))) {
        String id = candidate.getAttribute("for");
        if (candidate.isDisplayed() && id != null && !id.isEmpty()) {
          return driver.findElement(By.id(id));
        }
      }
      return null;
    });
  }

  Optional<WebElement> displayedField(SearchContext scope, String label) {
    return scope.findElements(By.xpath(".//label[normalize-space()=" + literal(label) + "]")).stream()
        .filter(WebElement::isDisplayed)
        .map(l -> driver.findElement(By.id(l.getAttribute("for"))))
        .filter(WebElement::isDisplayed)
        .findFirst();
  }

  /** The thread's own composer (not a reply form). */
  WebElement composer() {
    return wait.until(ExpectedConditions.visibilityOfElementLocated(
        By.xpath("//form[@data-hearth-composer][not(ancestor::li)]")));
  }

  /** The list item of the comment whose own text contains {@code text} (not one of its replies'). */
  static By commentWith(String text) {
    return By.xpath("//li[contains(concat(' ', normalize-space(@class), ' '), ' hearth-item ')]"
        + "[article//*[contains(concat(' ', normalize-space(@class), ' '), ' hearth-body ')][contains(normalize-space(.), "
        + literal(text) + ")]]");
  }

  WebElement waitForComment(String text) {
    return waiting(() -> "comment \"" + text + "\" never shown; the thread reads: " + visibleText())
        .until(ExpectedConditions.visibilityOfElementLocated(commentWith(text)));
  }

  boolean commentShown(String text) {
    return driver.findElements(commentWith(text)).stream().anyMatch(WebElement::isDisplayed);
  }

  /** The comment's own article (its actions), without its replies. */
  static WebElement article(WebElement item) {
    return item.findElement(By.xpath("./article"));
  }

  /** Posts through the thread's composer as a reader would (a null name for a signed-in reader); returns the comment once shown. */
  WebElement post(String name, String body) {
    return post(name, body, body);
  }

  /** Posts {@code body} (markdown) and waits for the comment that reads {@code shown}. */
  WebElement post(String name, String body, String shown) {
    WebElement form = composer();
    if (name != null) {
      displayedField(form, "Your name").ifPresent(field -> {
        field.clear();
        field.sendKeys(name);
      });
    }
    WebElement text = field(form, "Your comment");
    text.clear();
    text.sendKeys(body);
    click(button(form, "Post comment"));
    return waitForComment(shown);
  }

  /**
   * Clicks once the element can take the click: the iframe may first ask the host page to
   * scroll it into view (a dialog placed beside its comment), which happens a message later.
   */
  void click(WebElement element) {
    try {
      waiting(() -> "could not click " + element.getTagName() + " \"" + element.getText() + "\"")
          .ignoring(ElementClickInterceptedException.class)
          .until(d -> {
            element.click();
            return true;
          });
    } catch (TimeoutException e) {
      Object where = ((JavascriptExecutor) driver).executeScript(
          "const r = arguments[0].getBoundingClientRect(); return 'element at y ' + Math.round(r.top) + '..'"
          + " + Math.round(r.bottom) + ' in a document viewport of ' + innerHeight + ' px';", element);
      throw new TimeoutException(e.getMessage() + "\n" + where + "; screenshot: " + screenshot("click"), e);
    }
  }

  /**
   * Clicks until {@code outcome} holds. After the iframe asks the host page to bring a dialog
   * into view, the host keeps correcting its scroll for a few seconds, so a click aimed while
   * the page moves can land beside its target; a reader would simply click again.
   */
  <T> T clickUntil(WebElement element, java.util.function.Function<WebDriver, T> outcome, String what) {
    return waiting(() -> what).until(d -> {
      click(element);
      try {
        return new WebDriverWait(d, Duration.ofSeconds(3)).until(outcome);
      } catch (TimeoutException e) {
        return null;
      }
    });
  }

  /** Saves what the browser window shows to target/embed-screenshots (for a failure's report); returns the file. */
  Path screenshot(String name) {
    try {
      Path file = Path.of("target/embed-screenshots/" + name + "-" + System.nanoTime() + ".png");
      Files.createDirectories(file.getParent());
      Files.write(file, ((TakesScreenshot) driver).getScreenshotAs(OutputType.BYTES));
      return file.toAbsolutePath();
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    }
  }

  /** Opens the reply form under {@code parent}, writes and posts; returns the reply once shown. */
  WebElement reply(WebElement parent, String name, String body) {
    String parentId = parent.getAttribute("id");
    click(button(article(parent), "Reply"));
    WebElement form = waiting(() -> "no reply form opened under " + parentId).until(
        ExpectedConditions.visibilityOfElementLocated(By.xpath("//li[@id=" + literal(parentId) + "]//form[@data-hearth-composer]")));
    displayedField(form, "Your name").ifPresent(field -> field.sendKeys(name));
    field(form, "Your comment").sendKeys(body);
    click(button(form, "Post comment"));
    return waitForComment(body);
  }

  /** The list item that holds {@code item} as a reply, or empty for a top-level comment. */
  static Optional<WebElement> parentItem(WebElement item) {
    try {
      return Optional.of(item.findElement(By.xpath("./ancestor::li[1]")));
    } catch (NoSuchElementException e) {
      return Optional.empty();
    }
  }

  /** Selects {@code text} inside the comment's body the way a reader's mouse would. */
  void select(WebElement item, String text) {
    Object found = ((JavascriptExecutor) driver).executeScript("""
        const body = arguments[0].querySelector(':scope > article .hearth-body');
        const walker = document.createTreeWalker(body, NodeFilter.SHOW_TEXT);
        for (let node = walker.nextNode(); node; node = walker.nextNode()) {
          const at = node.data.indexOf(arguments[1]);
          if (at >= 0) {
            const range = document.createRange();
            range.setStart(node, at);
            range.setEnd(node, at + arguments[1].length);
            const selection = window.getSelection();
            selection.removeAllRanges();
            selection.addRange(range);
            return selection.toString();
          }
        }
        return null;""", item, text);
    if (!text.equals(found)) {
      throw new AssertionError("could not select \"" + text + "\" in the comment; selected " + found);
    }
  }

  static String literal(String text) {
    if (!text.contains("'")) {
      return "'" + text + "'";
    }
    return "concat('" + text.replace("'", "', \"'\", '") + "')";
  }
}
