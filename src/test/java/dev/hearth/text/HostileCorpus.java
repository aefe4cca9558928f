package dev.hearth.text;

import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.List;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * The hostile bodies of {@code hostile-bodies.txt}: entries separated by lines holding only
 * {@code %%%%}, with {@code {U+XXXX}} standing for characters that cannot be written down.
 * Shared by the unit test of the text pipeline and the API tests that post every entry.
 */
public final class HostileCorpus {
  private static final String SEPARATOR = "%%%%";
  private static final Pattern CODE_POINT = Pattern.compile("\\{U\\+([0-9A-Fa-f]{4,6})\\}");

  private HostileCorpus() {
  }

  public static List<String> entries() {
    String text;
    try (InputStream in = HostileCorpus.class.getResourceAsStream("/hostile-bodies.txt")) {
      text = new String(in.readAllBytes(), StandardCharsets.UTF_8);
    } catch (IOException e) {
      throw new UncheckedIOException(e);
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
    return List.copyOf(entries);
  }

  /** One line, control characters shown as dots, cut to 70 characters: for test names and messages. */
  public static String label(String entry) {
    String oneLine = entry.replaceAll("\\p{Cntrl}", "·");
    return oneLine.length() > 70 ? oneLine.substring(0, 70) + "…" : oneLine;
  }

  private static String withCodePoints(String entry) {
    Matcher m = CODE_POINT.matcher(entry);
    StringBuilder out = new StringBuilder();
    while (m.find()) {
      m.appendReplacement(out, Matcher.quoteReplacement(Character.toString(Integer.parseInt(m.group(1), 16))));
    }
    return m.appendTail(out).toString();
  }
}
