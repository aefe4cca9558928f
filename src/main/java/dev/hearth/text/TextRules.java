package dev.hearth.text;

import java.text.Normalizer;

/**
 * Rules every user-supplied string passes before it is stored. Lengths are counted in code
 * points after NFC, so "é" typed either way and an emoji each count once.
 */
public final class TextRules {
  private TextRules() {
  }

  public static String nfc(String text) {
    return Normalizer.normalize(text, Normalizer.Form.NFC);
  }

  public static int codePoints(String text) {
    return text.codePointCount(0, text.length());
  }

  /** A lone surrogate cannot be encoded as UTF-8 and would corrupt storage. */
  public static boolean hasLoneSurrogate(String text) {
    for (int i = 0; i < text.length(); i++) {
      char c = text.charAt(i);
      if (Character.isHighSurrogate(c)) {
        if (i + 1 >= text.length() || !Character.isLowSurrogate(text.charAt(i + 1))) {
          return true;
        }
        i++;
      } else if (Character.isLowSurrogate(c)) {
        return true;
      }
    }
    return false;
  }

  /** Control characters other than newline and tab (which multi-line text needs). */
  public static boolean hasControlCharacters(String text, boolean multiline) {
    for (int i = 0; i < text.length(); i++) {
      char c = text.charAt(i);
      if (multiline && (c == '\n' || c == '\t' || c == '\r')) {
        continue;
      }
      if (Character.isISOControl(c)) {
        return true;
      }
    }
    return false;
  }

  /**
   * Characters that make a name look like something else: bidi overrides and isolates, and
   * zero-width characters. Names are shown next to other people's words, so they must not
   * reorder or hide text.
   */
  public static boolean hasInvisibleOrBidiControls(String text) {
    return text.codePoints().anyMatch(TextRules::isInvisibleOrBidi);
  }

  static boolean isInvisibleOrBidi(int cp) {
    return (cp >= 0x202A && cp <= 0x202E)   // LRE, RLE, PDF, LRO, RLO
        || (cp >= 0x2066 && cp <= 0x2069)   // LRI, RLI, FSI, PDI
        || cp == 0x200E || cp == 0x200F || cp == 0x061C // marks
        || (cp >= 0x200B && cp <= 0x200D)   // zero-width space, non-joiner, joiner
        || cp == 0x2060 || cp == 0xFEFF || cp == 0x00AD || cp == 0x180E
        || (cp >= 0xFFF9 && cp <= 0xFFFB)
        || Character.getType(cp) == Character.FORMAT && cp != 0x200D;
  }

  /** Line endings folded to \n so the same text is stored the same way from every browser. */
  public static String normalizeNewlines(String text) {
    return text.replace("\r\n", "\n").replace('\r', '\n');
  }
}
