package dev.hearth.text;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;
import static org.junit.jupiter.api.DynamicTest.dynamicTest;

import java.io.IOException;
import java.io.InputStream;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.List;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import java.util.stream.Stream;
import org.junit.jupiter.api.DynamicTest;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestFactory;

/**
 * Every hostile body must come out of the pipeline with nothing executable in it. Each entry is
 * also fed to the sanitizer directly as HTML, because the markdown renderer escapes raw HTML
 * and would otherwise shield the policy from most of the corpus.
 */
class HostileCorpusTest {
  private static final String SEPARATOR = "%%%%";
  private static final Pattern CODE_POINT = Pattern.compile("\\{U\\+([0-9A-Fa-f]{4,6})\\}");

  static List<String> corpus() throws IOException {
    String text;
    try (InputStream in = HostileCorpusTest.class.getResourceAsStream("/hostile-bodies.txt")) {
      text = new String(in.readAllBytes(), StandardCharsets.UTF_8);
    }
    List<String> entries = new ArrayList<>();
    StringBuilder current = null;
    for (String line : text.split("\n", -1)) {
      if (line.equals(SEPARATOR)) {
        if (current != null) {
          entries.add(withCodePoints(current.toString()));
        }
        current = new StringBuilder();
      } else if (current != null) {
        current.append(current.length() == 0 ? "" : "\n").append(line);
      }
    }
    if (current != null && !current.toString().isBlank()) {
      entries.add(withCodePoints(current.toString()));
    }
    return entries;
  }

  private static String withCodePoints(String entry) {
    Matcher m = CODE_POINT.matcher(entry);
    StringBuilder out = new StringBuilder();
    while (m.find()) {
      m.appendReplacement(out, Matcher.quoteReplacement(Character.toString(Integer.parseInt(m.group(1), 16))));
    }
    return m.appendTail(out).toString();
  }

  @Test
  void corpusCoversEnoughGround() throws IOException {
    List<String> entries = corpus();
    assertTrue(entries.size() >= 80, "only " + entries.size() + " entries");
    assertTrue(entries.stream().anyMatch(e -> e.contains("\u0000")), "control characters are decoded");
    assertTrue(entries.stream().allMatch(e -> !e.isBlank()), "no empty entries");
  }

  @TestFactory
  Stream<DynamicTest> nothingExecutableSurvivesThePipeline() throws IOException {
    return corpus().stream().map(entry -> dynamicTest("markdown: " + label(entry), () -> {
      String html = CommentMarkup.toHtml(entry);
      assertEquals(List.of(), ExecutableMarkup.findProblems(html), () -> entry + "\n=>\n" + html);
      assertEquals(html, CommentMarkup.sanitize(html), "sanitizing again changes nothing");
    }));
  }

  @TestFactory
  Stream<DynamicTest> nothingExecutableSurvivesTheSanitizerAlone() throws IOException {
    return corpus().stream().map(entry -> dynamicTest("html: " + label(entry), () -> {
      String html = CommentMarkup.sanitize(entry);
      assertEquals(List.of(), ExecutableMarkup.findProblems(html), () -> entry + "\n=>\n" + html);
      assertEquals(html, CommentMarkup.sanitize(html), "sanitizing again changes nothing");
    }));
  }

  private static String label(String entry) {
    String oneLine = entry.replaceAll("\\p{Cntrl}", "·");
    return oneLine.length() > 70 ? oneLine.substring(0, 70) + "…" : oneLine;
  }
}
