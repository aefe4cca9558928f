package dev.hearth.account;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.hearth.web.ApiError;
import org.junit.jupiter.api.Test;

class UsernamesTest {
  @Test
  void compatibilityFormsAndCaseFoldToOneKey() {
    assertEquals("alice", Usernames.parse("\uFF21lice").key());
    assertEquals("Alice", Usernames.parse("\uFF21lice").display());
    assertEquals(Usernames.parse("STRASSE").key(), Usernames.parse("straße").key());
    assertEquals(Usernames.parse("ΟΔΟΣ").key(), Usernames.parse("οδος").key());
    assertEquals(Usernames.parse("οδοσ").key(), Usernames.parse("οδος").key(), "final sigma folds");
    assertEquals(Usernames.parse("\u212Aelvin").key(), Usernames.parse("kelvin").key(), "Kelvin sign");
    assertEquals(Usernames.parse("ﬁne").key(), Usernames.parse("fine").key(), "ligature");
    assertEquals("josé", Usernames.parse("Jose\u0301").key(), "decomposed accents compose");
  }

  @Test
  void refusesHiddenCharactersPunctuationAndBadLengths() {
    for (String bad : new String[] {"ev\u200Bil", "a\u200Dbc", "\u2066abc", "ab\uFEFF", "ab", "a".repeat(33),
        "with space", "a@b", "_lead", "a\u0301\u0301\u0301"}) {
      assertThrows(ApiError.class, () -> Usernames.parse(bad), bad);
    }
    assertTrue(Usernames.keyForSignIn("ab").isEmpty());
    assertEquals("zoë.k-9_x", Usernames.parse("Zoë.K-9_x").key());
  }
}
