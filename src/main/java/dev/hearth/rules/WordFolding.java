package dev.hearth.rules;

import com.ibm.icu.lang.UCharacter;
import com.ibm.icu.lang.UCharacterCategory;
import com.ibm.icu.lang.UScript;
import com.ibm.icu.text.Normalizer2;
import com.ibm.icu.text.SpoofChecker;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;

/**
 * Folds text into the tokens word filters compare, so that the ways people dress a word up to
 * slip past a filter all come out as the same token:
 *
 * <ol>
 *   <li>format and invisible characters are dropped (zero-width space and joiners, word
 *       joiner, byte-order mark, soft hyphen, bidi controls, blank braille cell), so they
 *       cannot split a word;
 *   <li>NFKC turns fullwidth, mathematical (𝐬𝐩𝐚𝐦) and circled letters and ligatures into
 *       plain ones;
 *   <li>generic accents are dropped ("spàm", "s̶p̶a̶m̶"), but not the vowel signs of scripts
 *       such as Devanagari, where they are part of the letter;
 *   <li>Greek and Cyrillic capitals that look like Latin capitals become those ("САЅІΝΟ"),
 *       then case folding turns all capitals into small letters;
 *   <li>the text is cut into tokens: runs of letters, digits and marks; every other symbol (an
 *       emoji, say) is a token of its own; spaces and punctuation only separate;
 *   <li>each token is replaced by its Unicode confusable skeleton, folded to small letters
 *       again, so Cyrillic "а", Greek "ο" and Latin "a", "o" compare equal.
 * </ol>
 *
 * <p>Skeletons are taken per token and are deliberately lossy: "rn" and "m" share one, as do
 * "l" and "1", and "0" and "o" (so those digits standing in for letters are caught; other
 * digit-for-letter spellings such as "5" for "s" are not). A configured word therefore also
 * matches the words it can be confused with; that is the price of matching what a reader
 * would read.
 *
 * <p>Everything here is linear in the length of the text. The ICU objects are immutable and
 * safe to share between threads.
 */
final class WordFolding {
  private static final Normalizer2 NFKC = Normalizer2.getNFKCInstance();
  private static final Normalizer2 NFKC_CASEFOLD = Normalizer2.getNFKCCasefoldInstance();
  private static final Normalizer2 NFD = Normalizer2.getNFDInstance();
  private static final SpoofChecker CONFUSABLES = new SpoofChecker.Builder().build();
  private static final Map<String, Integer> LATIN_CAPITAL_BY_SKELETON = latinCapitalsBySkeleton();

  /** One folded token; {@code lone} when it was a single letter or digit before its skeleton. */
  record Token(String skeleton, boolean lone) {
  }

  private WordFolding() {
  }

  static List<Token> tokens(String text) {
    String folded = NFD.normalize(NFKC_CASEFOLD.normalize(latinCapitals(
        NFD.normalize(NFKC.normalize(withoutInvisibles(text))))));
    List<Token> tokens = new ArrayList<>();
    StringBuilder word = new StringBuilder();
    int wordCodePoints = 0;
    for (int i = 0; i < folded.length(); ) {
      int cp = folded.codePointAt(i);
      i += Character.charCount(cp);
      if (isAccent(cp)) {
        continue;
      }
      if (isWordPart(cp)) {
        word.appendCodePoint(cp);
        wordCodePoints++;
        continue;
      }
      if (wordCodePoints > 0) {
        tokens.add(token(word, wordCodePoints == 1));
        word.setLength(0);
        wordCodePoints = 0;
      }
      if (isSymbol(cp)) {
        tokens.add(token(new StringBuilder().appendCodePoint(cp), false));
      }
    }
    if (wordCodePoints > 0) {
      tokens.add(token(word, wordCodePoints == 1));
    }
    return tokens;
  }

  private static Token token(CharSequence raw, boolean lone) {
    return new Token(UCharacter.foldCase(CONFUSABLES.getSkeleton(raw), true), lone);
  }

  /**
   * Capitals of other scripts written as the Latin capitals they look like. Case folding
   * alone would lose the likeness: Greek "Ν" and Cyrillic "Н" look like "N" and "H", but
   * their small letters "ν" and "н" look like "v" and nothing Latin.
   */
  private static String latinCapitals(String text) {
    StringBuilder mapped = new StringBuilder(text.length());
    for (int i = 0; i < text.length(); ) {
      int cp = text.codePointAt(i);
      i += Character.charCount(cp);
      if (isAccent(cp)) {
        continue;
      }
      mapped.appendCodePoint(isForeignCapital(cp) ? LATIN_CAPITAL_BY_SKELETON.getOrDefault(
          CONFUSABLES.getSkeleton(new String(Character.toChars(cp))), cp) : cp);
    }
    return mapped.toString();
  }

  private static boolean isForeignCapital(int cp) {
    int type = UCharacter.getType(cp);
    return (type == UCharacterCategory.UPPERCASE_LETTER || type == UCharacterCategory.TITLECASE_LETTER)
        && UScript.getScript(cp) != UScript.LATIN;
  }

  /** No two of A to Z share a skeleton, so the reverse lookup is unambiguous. */
  private static Map<String, Integer> latinCapitalsBySkeleton() {
    Map<String, Integer> capitals = new HashMap<>();
    for (int letter = 'A'; letter <= 'Z'; letter++) {
      capitals.put(CONFUSABLES.getSkeleton(String.valueOf((char) letter)), letter);
    }
    return Map.copyOf(capitals);
  }

  private static String withoutInvisibles(String text) {
    StringBuilder visible = new StringBuilder(text.length());
    text.codePoints().filter(cp -> !isInvisible(cp)).forEach(visible::appendCodePoint);
    return visible.toString();
  }

  /**
   * Format characters (Cf) cover the zero-width characters, U+2060, U+FEFF, U+00AD and the
   * bidi controls. The others render as nothing in common fonts and are used as padding.
   */
  private static boolean isInvisible(int cp) {
    return UCharacter.getType(cp) == UCharacterCategory.FORMAT
        || cp == 0x2800 || cp == 0x3164 || cp == 0xFFA0 || cp == 0x115F || cp == 0x1160
        || cp == 0x034F || (cp >= 0x180B && cp <= 0x180F)
        || (cp >= 0xFE00 && cp <= 0xFE0F) || (cp >= 0xE0100 && cp <= 0xE01EF);
  }

  /** Combining marks shared by the Latin, Greek and Cyrillic scripts, after decomposition. */
  private static boolean isAccent(int cp) {
    return (cp >= 0x0300 && cp <= 0x036F)
        || (cp >= 0x1AB0 && cp <= 0x1AFF)
        || (cp >= 0x1DC0 && cp <= 0x1DFF)
        || (cp >= 0x20D0 && cp <= 0x20FF)
        || (cp >= 0xFE20 && cp <= 0xFE2F);
  }

  private static boolean isWordPart(int cp) {
    if (UCharacter.isLetterOrDigit(cp)) {
      return true;
    }
    int type = UCharacter.getType(cp);
    return type == UCharacterCategory.NON_SPACING_MARK
        || type == UCharacterCategory.COMBINING_SPACING_MARK
        || type == UCharacterCategory.ENCLOSING_MARK
        || type == UCharacterCategory.LETTER_NUMBER
        || type == UCharacterCategory.OTHER_NUMBER;
  }

  private static boolean isSymbol(int cp) {
    return UCharacter.getType(cp) == UCharacterCategory.OTHER_SYMBOL;
  }
}
