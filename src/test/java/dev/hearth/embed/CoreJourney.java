package dev.hearth.embed;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.ArrayList;
import java.util.List;
import org.openqa.selenium.JavascriptExecutor;
import org.openqa.selenium.WebElement;

/**
 * The steps every embed must get right whatever the browser's cookie setting: post as an
 * anonymous reader, reply three deep, and see another reader's comment arrive live. Shared by
 * the blocked and the allowed third-party-cookie runs so both prove the same thing.
 */
final class CoreJourney {
  private CoreJourney() {
  }

  /** Types into the composer watching the counter, posts, and checks the comment shows at once with its author. */
  static WebElement postAnonymously(EmbeddedThread thread, String name, String firstPart, String rest) {
    WebElement form = thread.composer();
    assertTrue(form.getText().contains("0 of 8192 characters used"), "the counter before typing: " + form.getText());
    thread.field(form, "Your name").sendKeys(name);
    WebElement body = thread.field(form, "Your comment");
    body.sendKeys(firstPart);
    waitForCounter(thread, form, firstPart.length());
    body.sendKeys(rest);
    String text = firstPart + rest;
    waitForCounter(thread, form, text.length());

    thread.click(thread.button(form, "Post comment"));
    WebElement item = thread.waitForComment(text);
    assertTrue(EmbeddedThread.article(item).getText().contains(name),
        "the comment shows its author's name: " + item.getText());
    assertFalse(EmbeddedThread.parentItem(item).isPresent(), "a comment from the composer is top-level");
    return item;
  }

  private static void waitForCounter(EmbeddedThread thread, WebElement form, int used) {
    String expected = used + " of 8192 characters used";
    thread.waiting(() -> "the counter never read \"" + expected + "\"; the form reads: " + form.getText())
        .until(d -> form.getText().contains(expected));
  }

  /** Replies to {@code top}, then to that reply, then to that one; each must sit under its parent. */
  static List<WebElement> replyThreeDeep(EmbeddedThread thread, WebElement top, String name) {
    List<WebElement> chain = new ArrayList<>(List.of(top));
    for (int depth = 1; depth <= 3; depth++) {
      WebElement parent = chain.get(chain.size() - 1);
      WebElement reply = thread.reply(parent, name, "A reply at depth " + depth + " under the one above.");
      String parentId = parent.getAttribute("id");
      assertEquals(parentId, EmbeddedThread.parentItem(reply).map(p -> p.getAttribute("id")).orElse("(top level)"),
          "the reply at depth " + depth + " is nested in its parent's list item");
      int parentLeft = EmbeddedThread.article(parent).getRect().getX();
      int replyLeft = EmbeddedThread.article(reply).getRect().getX();
      assertTrue(replyLeft > parentLeft, "the reply at depth " + depth + " is indented under its parent ("
          + replyLeft + " px vs " + parentLeft + " px)");
      chain.add(reply);
    }
    return chain;
  }

  /**
   * The reader of {@code watcher} already has the page open when {@code poster} posts: the new
   * comment waits behind "1 new comment", and a click shows it and moves focus to it.
   */
  static WebElement seenLive(EmbeddedThread poster, EmbeddedThread watcher, String name, String text) {
    WebElement posted = poster.post(name, text);
    String id = posted.getAttribute("id");
    WebElement bar = watcher.button("1 new comment");
    assertFalse(watcher.commentShown(text), "the new comment waits behind the bar until the reader asks for it");
    watcher.click(bar);
    WebElement seen = watcher.waitForComment(text);
    assertEquals(id, seen.getAttribute("id"), "the watcher sees the same comment");
    watcher.waiting(() -> "the bar stays after it was clicked").until(d -> watcher.displayedButton(d, "1 new comment").isEmpty());
    Object focused = ((JavascriptExecutor) watcher.driver).executeScript(
        "const li = document.activeElement && document.activeElement.closest('li.hearth-item'); return li ? li.id : null;");
    assertEquals(id, focused, "focus moves to the first new comment");
    return seen;
  }
}
