package dev.hearth.rules;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

class WordListTest {
  private static final WordList BANNED =
      WordList.of(List.of("spam", "ass", "cunt", "buy followers", "Casino"));

  @ParameterizedTest
  @ValueSource(strings = {
      "spam",
      "This is SPAM.",
      "SpAm!",
      "sp\u200Bam",                      // zero-width space inside
      "s\u200Cp\u200Da\u2060m",          // non-joiner, joiner, word joiner
      "\uFEFFsp\u00ADam",                // byte-order mark, soft hyphen
      "s\u202Ep\u202Cam",                // bidi override and pop
      "sp\u2066am\u2069",                // bidi isolate
      "sp\u0430m",                       // Cyrillic a
      "\u0455\u0440\u0430m",             // Cyrillic dze, er, a
      "\uFF53\uFF50\uFF41\uFF4D",        // fullwidth spam
      "\uFF33\uFF30\uFF21\uFF2D",        // fullwidth SPAM
      "\uD835\uDC2C\uD835\uDC29\uD835\uDC1A\uD835\uDC26", // mathematical bold spam
      "\uD835\uDE68\uD835\uDE65\uD835\uDE56\uD835\uDE62", // mathematical sans-serif bold italic
      "sp\u00E0m",                       // a with grave, composed
      "spa\u0300m",                      // a with combining grave
      "s\u0336p\u0336a\u0336m\u0336",    // struck through with combining long stroke
      "s p a m",                         // spelled out
      "S.P.A.M",
      "s-p-a-m now",
      "go to the c\u0430sino tonight",   // configured with a capital, Cyrillic a in text
      "\u0421\u0410\u0405\u0406\u039D\u039F", // Cyrillic/Greek capitals CASINO
  })
  void findsEvasions(String text) {
    Optional<String> match = BANNED.firstMatch(text);
    assertTrue(match.isPresent(), () -> "no match in " + text);
  }

  @Test
  void reportsTheEntryAsConfigured() {
    assertEquals(Optional.of("Casino"), BANNED.firstMatch("CASINO"));
    assertEquals(Optional.of("spam"), BANNED.firstMatch("\uFF53\uFF50\uFF41\uFF4D"));
  }

  @Test
  void greekOmicronIsLatinO() {
    WordList words = WordList.of(List.of("porn"));
    assertEquals(Optional.of("porn"), words.firstMatch("p\u03BFrn"));
    assertEquals(Optional.of("porn"), words.firstMatch("P\u039FRN"));
  }

  @ParameterizedTest
  @ValueSource(strings = {
      "class",
      "assistant",
      "pass the salt",
      "Scunthorpe United",
      "spammer",
      "antispam",
      "followers buy",
      "buy some followers",
      "",
      "sp am",
  })
  void wholeTokensOnly(String text) {
    assertEquals(Optional.empty(), BANNED.firstMatch(text));
  }

  @Test
  void punctuationAndHyphensSeparateWords() {
    assertEquals(Optional.of("spam"), BANNED.firstMatch("anti-spam"));
    assertEquals(Optional.of("ass"), BANNED.firstMatch("you (ass)"));
    assertEquals(Optional.of("spam"), BANNED.firstMatch("spam_bot"));
  }

  @Test
  void phrasesMatchAsTokenSequences() {
    assertEquals(Optional.of("buy followers"), BANNED.firstMatch("Buy   followers today"));
    assertEquals(Optional.of("buy followers"), BANNED.firstMatch("buy\nfollowers"));
    assertEquals(Optional.of("buy followers"), BANNED.firstMatch("bu\u0443, f\u043Ellowers"));
    assertEquals(Optional.of("buy followers"), BANNED.firstMatch("bu\u200By fo\u200Bllowers"));
  }

  @Test
  void phraseSharingAPrefixWithAnother() {
    WordList words = WordList.of(List.of("free money now", "free money"));
    assertEquals(Optional.of("free money"), words.firstMatch("get free money now"));
    WordList longer = WordList.of(List.of("free money now please"));
    assertEquals(Optional.empty(), longer.firstMatch("free money now"));
    assertEquals(Optional.of("free money now please"), longer.firstMatch("free free money now please"));
  }

  @Test
  void earliestMatchInTheTextWins() {
    assertEquals(Optional.of("casino"), WordList.of(List.of("spam", "casino")).firstMatch("casino spam"));
  }

  @Test
  void spelledOutRunsAreReadWhole() {
    assertEquals(Optional.empty(), BANNED.firstMatch("I s p a m"));
    assertEquals(Optional.of("ass"), BANNED.firstMatch("a s s"));
  }

  @Test
  void lookAlikeSequencesCollide() {
    // "m" and "rn" share a skeleton; accepted, and kept visible here.
    assertEquals(Optional.of("spam"), BANNED.firstMatch("sparn"));
    WordList words = WordList.of(List.of("lol", "porn"));
    assertEquals(Optional.of("lol"), words.firstMatch("101"));
    assertEquals(Optional.of("porn"), words.firstMatch("p0rn"));
    assertEquals(Optional.empty(), words.firstMatch("LOI"));
  }

  @Test
  void emptyListsNeverMatch() {
    assertTrue(WordList.empty().isEmpty());
    assertEquals(Optional.empty(), WordList.empty().firstMatch("spam ass anything"));
    WordList blank = WordList.of(List.of("", "   ", "!!!"));
    assertTrue(blank.isEmpty());
    assertEquals(Optional.empty(), blank.firstMatch("!!! anything   "));
  }

  @Test
  void duplicatesFoldedAlikeCountOnce() {
    WordList words = WordList.of(List.of("spam", "SPAM", "\uFF53\uFF50\uFF41\uFF4D", "eggs"));
    assertEquals(2, words.size());
    assertEquals(Optional.of("spam"), words.firstMatch("Spam"));
  }

  @Test
  void configuredWordsAreFoldedToo() {
    WordList words = WordList.of(List.of("\u0441\u0430\u0455\u0456\u0578\u043E", "sp\u200Bam"));
    assertEquals(Optional.of("\u0441\u0430\u0455\u0456\u0578\u043E"), words.firstMatch("casino"));
    assertEquals(Optional.of("sp\u200Bam"), words.firstMatch("spam"));
  }

  @Test
  void symbolsAreTokensOfTheirOwn() {
    WordList words = WordList.of(List.of("\uD83C\uDF46"));
    assertEquals(Optional.of("\uD83C\uDF46"), words.firstMatch("look\uD83C\uDF46here"));
    assertEquals(Optional.of("\uD83C\uDF46"), words.firstMatch("\uD83C\uDF46\uFE0F"));
  }

  @Test
  void otherScriptsKeepTheirMarks() {
    WordList words = WordList.of(List.of("\u0915\u093F\u0924\u093E\u092C"));   // Hindi "book"
    assertEquals(Optional.of("\u0915\u093F\u0924\u093E\u092C"), words.firstMatch("\u092F\u0939 \u0915\u093F\u0924\u093E\u092C"));
    assertEquals(Optional.empty(), words.firstMatch("\u0915\u0924\u093E\u092C"));
  }

  /**
   * No timing is asserted: the trie walks at most the longest entry's tokens from each text
   * token, so thousands of entries sharing a first word cost no more than one.
   */
  @Test
  void largeListsAgainstALongBody() {
    List<String> entries = new ArrayList<>();
    for (int i = 0; i < 5000; i++) {
      entries.add(i % 2 == 0 ? "word" + i : "buy thing" + i + " now");
    }
    WordList words = WordList.of(entries);
    assertEquals(5000, words.size());
    String body = "buy ".repeat(2048);
    assertEquals(8192, body.length());
    assertEquals(Optional.empty(), words.firstMatch(body));
    String spelled = "a ".repeat(4096);
    assertEquals(Optional.empty(), words.firstMatch(spelled));
    assertEquals(Optional.of("word4998"), words.firstMatch(body + " WORD4998"));
  }
}
