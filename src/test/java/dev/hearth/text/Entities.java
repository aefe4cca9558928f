package dev.hearth.text;

import java.util.Locale;
import java.util.Map;

/**
 * Decodes character references the way a browser does once for an attribute value, enough to
 * see through scheme disguises: numeric references with or without the semicolon, and the named
 * ones that spell URL syntax.
 */
public final class Entities {
  private Entities() {
  }

  private static final Map<String, String> NAMED = Map.ofEntries(
      Map.entry("amp", "&"), Map.entry("lt", "<"), Map.entry("gt", ">"),
      Map.entry("quot", "\""), Map.entry("apos", "'"), Map.entry("colon", ":"),
      Map.entry("tab", "\t"), Map.entry("newline", "\n"), Map.entry("nbsp", "\u00A0"),
      Map.entry("sol", "/"), Map.entry("lpar", "("), Map.entry("rpar", ")"),
      Map.entry("period", "."), Map.entry("comma", ","), Map.entry("excl", "!"),
      Map.entry("num", "#"), Map.entry("percnt", "%"), Map.entry("equals", "="),
      Map.entry("grave", "`"), Map.entry("bsol", "\\"), Map.entry("semi", ";"));

  public static String decode(String text) {
    StringBuilder out = new StringBuilder(text.length());
    int i = 0;
    while (i < text.length()) {
      char c = text.charAt(i);
      if (c != '&') {
        out.append(c);
        i++;
        continue;
      }
      int consumed = decodeReference(text, i, out);
      if (consumed == 0) {
        out.append(c);
        i++;
      } else {
        i += consumed;
      }
    }
    return out.toString();
  }

  /** Appends the decoded reference starting at {@code amp} and returns its length, or 0. */
  private static int decodeReference(String text, int amp, StringBuilder out) {
    int i = amp + 1;
    if (i < text.length() && text.charAt(i) == '#') {
      i++;
      boolean hex = i < text.length() && (text.charAt(i) == 'x' || text.charAt(i) == 'X');
      if (hex) {
        i++;
      }
      int digitsStart = i;
      while (i < text.length() && Character.digit(text.charAt(i), hex ? 16 : 10) >= 0 && i - digitsStart < 8) {
        i++;
      }
      if (i == digitsStart) {
        return 0;
      }
      int codePoint = Integer.parseInt(text.substring(digitsStart, i), hex ? 16 : 10);
      out.appendCodePoint(Character.isValidCodePoint(codePoint) && codePoint != 0 ? codePoint : 0xFFFD);
    } else {
      int nameStart = i;
      while (i < text.length() && Character.isLetterOrDigit(text.charAt(i))) {
        i++;
      }
      String replacement = NAMED.get(text.substring(nameStart, i).toLowerCase(Locale.ROOT));
      if (replacement == null) {
        return 0;
      }
      out.append(replacement);
    }
    if (i < text.length() && text.charAt(i) == ';') {
      i++;
    }
    return i - amp;
  }
}
