package dev.hearth.support;

import static org.junit.jupiter.api.Assertions.fail;

import io.vertx.core.json.JsonArray;
import io.vertx.core.json.JsonObject;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import org.openqa.selenium.JavascriptExecutor;
import org.openqa.selenium.WebDriver;

/** axe-core run on the document the driver is in (inside the iframe, the thread's own document). */
public final class Axe {
  public static final Path SCRIPT = Path.of("node_modules/axe-core/axe.min.js");

  private Axe() {
  }

  /** Violations of impact serious or critical, each as "impact rule [targets]"; all of them are printed. */
  public static List<String> seriousViolations(WebDriver driver, String label) {
    if (!Files.isReadable(SCRIPT)) {
      fail("axe-core is needed at " + SCRIPT + "; mvn verify installs it (bin/test-prerequisites runs npm ci)");
    }
    JavascriptExecutor js = (JavascriptExecutor) driver;
    try {
      js.executeScript(Files.readString(SCRIPT, StandardCharsets.UTF_8));
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    }
    Object result = js.executeAsyncScript("var done = arguments[arguments.length - 1];"
        + "axe.run(document, {resultTypes: ['violations']}).then(function (r) {"
        + "  done(JSON.stringify(r.violations.map(function (v) {"
        + "    return {id: v.id, impact: v.impact, targets: v.nodes.map(function (n) { return n.target.join(' '); })}; })));"
        + "}).catch(function (e) { done('failed: ' + e); });");
    String text = String.valueOf(result);
    if (text.startsWith("failed")) {
      fail("axe-core did not run: " + text);
    }
    List<String> serious = new ArrayList<>();
    new JsonArray(text).forEach(v -> {
      JsonObject violation = (JsonObject) v;
      String impact = violation.getString("impact");
      if ("serious".equals(impact) || "critical".equals(impact)) {
        serious.add(impact + " " + violation.getString("id") + " " + violation.getJsonArray("targets").encode());
      }
    });
    System.out.println("axe-core (" + label + "), violations of any impact: " + text);
    return serious;
  }
}
