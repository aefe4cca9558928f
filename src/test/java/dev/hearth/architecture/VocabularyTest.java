package dev.hearth.architecture;

import static org.junit.jupiter.api.Assertions.assertEquals;

import dev.hearth.audit.AuditAction;
import dev.hearth.comment.CommentStatus;
import dev.hearth.event.EventKind;
import dev.hearth.moderation.Queue;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import java.util.stream.Stream;
import org.junit.jupiter.api.Test;

/**
 * Each vocabulary is spelled by its enum alone. A status, event kind, audit action or queue
 * name written as a string anywhere else in the main code is a second copy that drifts (a
 * hand-made list of audit actions once missed two). SQL text, where the database needs the
 * spelling, is not a Java string equal to the word, so it is not caught here.
 */
class VocabularyTest {
  private static final Set<String> OWNERS = Set.of("CommentStatus.java", "EventKind.java", "AuditAction.java",
      "Queue.java");

  /** Words that are also something else in these files; each is the other thing. */
  private static final Map<String, Set<String>> ALSO_MEANT = Map.of(
      // URL segments and the bulk endpoint's "action" field: the commands, not the audit entries they write.
      "ModerationRoutes.java", Set.of("approve", "reject", "ban", "suspend", "unban", "premoderate"),
      "WorkspaceActions.java", Set.of("approve", "reject"),
      "CommentModeration.java", Set.of("approve", "reject"),
      // The report answer's field {commentId, reported: true}.
      "ReportService.java", Set.of("reported"));

  private static final Pattern STRING = Pattern.compile("\"((?:[^\"\\\\]|\\\\.)*)\"");

  @Test
  void noOtherFileSpellsAVocabularyWord() throws IOException {
    Set<String> words = new HashSet<>();
    Arrays.stream(CommentStatus.values()).map(CommentStatus::json).forEach(words::add);
    Arrays.stream(EventKind.values()).map(EventKind::json).forEach(words::add);
    words.addAll(AuditAction.jsonNames());
    words.addAll(Queue.jsonNames());
    List<String> found = new ArrayList<>();
    try (Stream<Path> files = Files.walk(Path.of("src/main/java"))) {
      for (Path file : files.filter(f -> f.toString().endsWith(".java")).toList()) {
        String name = file.getFileName().toString();
        if (OWNERS.contains(name)) {
          continue;
        }
        List<String> lines = Files.readAllLines(file);
        for (int i = 0; i < lines.size(); i++) {
          Matcher literal = STRING.matcher(lines.get(i));
          while (literal.find()) {
            String word = literal.group(1);
            if (words.contains(word) && !ALSO_MEANT.getOrDefault(name, Set.of()).contains(word)) {
              found.add(file + ":" + (i + 1) + " \"" + word + "\"");
            }
          }
        }
      }
    }
    assertEquals(List.of(), found, "use the enum's constant (and json() where a string is needed)");
  }
}
