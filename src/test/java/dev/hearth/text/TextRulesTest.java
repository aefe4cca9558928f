package dev.hearth.text;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import org.junit.jupiter.api.Test;

class TextRulesTest {
  @Test
  void lengthsCountCodePointsAfterNfc() {
    assertEquals(1, TextRules.codePoints(TextRules.nfc("e\u0301")));
    assertEquals(1, TextRules.codePoints("🔥"));
  }

  @Test
  void spotsLoneSurrogatesAndControls() {
    assertTrue(TextRules.hasLoneSurrogate("a\ud800"));
    assertTrue(TextRules.hasLoneSurrogate("\udc00b"));
    assertFalse(TextRules.hasLoneSurrogate("🔥"));
    assertTrue(TextRules.hasControlCharacters("a\u0000", true));
    assertFalse(TextRules.hasControlCharacters("a\nb\tc", true));
    assertTrue(TextRules.hasControlCharacters("a\nb", false));
  }

  @Test
  void spotsInvisibleAndDirectionControls() {
    assertTrue(TextRules.hasInvisibleOrBidiControls("a\u202Eb"));
    assertTrue(TextRules.hasInvisibleOrBidiControls("a\u2066b"));
    assertTrue(TextRules.hasInvisibleOrBidiControls("a\u200Bb"));
    assertTrue(TextRules.hasInvisibleOrBidiControls("a\uFEFFb"));
    assertFalse(TextRules.hasInvisibleOrBidiControls("Zoë 李 محمد"));
  }
}
