package dev.hearth.account;

import dev.hearth.text.TextRules;
import dev.hearth.web.ApiError;
import java.text.Normalizer;
import java.util.Locale;
import java.util.Optional;

/**
 * Usernames: what a person may choose, and the key two usernames are compared by.
 *
 * <p>The key is NFKC, then case folded, then NFKC again, so "Ａlice" (fullwidth), "ALICE" and
 * "alice" are one name. Case folding is the JDK's {@code toUpperCase} then {@code toLowerCase}
 * in {@link Locale#ROOT}: going through upper case first folds the characters that have
 * several lower-case forms (final sigma, "ſ" long s, Kelvin sign) the way full Unicode case
 * folding does, without the 14 MB of ICU4J. The last NFKC pass re-composes what the case
 * mapping may have decomposed (e.g. "İ" lowers to "i" + U+0307).
 */
public final class Usernames {
  public static final int MIN_LENGTH = 3;
  public static final int MAX_LENGTH = 32;

  private Usernames() {
  }

  /** A valid username: as displayed (NFKC of what was typed) and its comparison key. */
  public record Username(String display, String key) {
  }

  /** Validates a username chosen at sign-up; refusals name the field {@code username}. */
  public static Username parse(String raw) {
    if (TextRules.hasInvisibleOrBidiControls(raw)) {
      throw ApiError.invalidField("username", "contains invisible or text-direction control characters");
    }
    String display = Normalizer.normalize(raw, Normalizer.Form.NFKC);
    String key = key(display);
    int length = TextRules.codePoints(key);
    if (length < MIN_LENGTH || length > MAX_LENGTH) {
      throw ApiError.invalidField("username", "must be " + MIN_LENGTH + " to " + MAX_LENGTH + " characters");
    }
    if (!key.codePoints().allMatch(Usernames::allowed) || !Character.isLetterOrDigit(key.codePointAt(0))) {
      throw ApiError.invalidField("username",
          "may hold letters, digits, '.', '_' and '-', and must start with a letter or digit");
    }
    return new Username(display, key);
  }

  /** The key of a username typed at sign-in; empty when no account could have it. */
  public static Optional<String> keyForSignIn(String raw) {
    try {
      return Optional.of(parse(raw).key());
    } catch (ApiError invalid) {
      return Optional.empty();
    }
  }

  static String key(String text) {
    String folded = Normalizer.normalize(text, Normalizer.Form.NFKC)
        .toUpperCase(Locale.ROOT)
        .toLowerCase(Locale.ROOT);
    return Normalizer.normalize(folded, Normalizer.Form.NFKC);
  }

  private static boolean allowed(int cp) {
    return Character.isLetterOrDigit(cp) || cp == '.' || cp == '_' || cp == '-';
  }
}
