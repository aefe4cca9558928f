package dev.hearth.text;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;
import static org.junit.jupiter.api.DynamicTest.dynamicTest;

import java.util.List;
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
  static List<String> corpus() {
    return HostileCorpus.entries();
  }

  @Test
  void corpusCoversEnoughGround() {
    List<String> entries = corpus();
    assertTrue(entries.size() >= 80, "only " + entries.size() + " entries");
    assertTrue(entries.stream().anyMatch(e -> e.contains("\u0000")), "control characters are decoded");
    assertTrue(entries.stream().allMatch(e -> !e.isBlank()), "no empty entries");
  }

  @TestFactory
  Stream<DynamicTest> nothingExecutableSurvivesThePipeline() {
    return corpus().stream().map(entry -> dynamicTest("markdown: " + label(entry), () -> {
      String html = CommentMarkup.toHtml(entry);
      assertEquals(List.of(), ExecutableMarkup.findProblems(html), () -> entry + "\n=>\n" + html);
      assertEquals(html, CommentMarkup.sanitize(html), "sanitizing again changes nothing");
    }));
  }

  @TestFactory
  Stream<DynamicTest> nothingExecutableSurvivesTheSanitizerAlone() {
    return corpus().stream().map(entry -> dynamicTest("html: " + label(entry), () -> {
      String html = CommentMarkup.sanitize(entry);
      assertEquals(List.of(), ExecutableMarkup.findProblems(html), () -> entry + "\n=>\n" + html);
      assertEquals(html, CommentMarkup.sanitize(html), "sanitizing again changes nothing");
    }));
  }

  private static String label(String entry) {
    return HostileCorpus.label(entry);
  }
}
