package dev.hearth.rules;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;

import dev.hearth.rules.AutoModeration.Input;
import dev.hearth.rules.Verdict.Action;
import java.util.List;
import org.junit.jupiter.api.Test;

class AutoModerationTest {
  private static final WordList BANNED = WordList.of(List.of("spam"));
  private static final WordList SUSPECT = WordList.of(List.of("casino"));

  private final AutoModeration rules = new AutoModeration(new LinkCounter());

  /** An established author with a clean record on an open site. */
  private static Builder input(String body) {
    return new Builder(body);
  }

  @Test
  void cleanCommentIsAccepted() {
    assertEquals(Verdict.accept(), rules.judge(input("Nice post").build()));
    assertEquals(new Verdict(Action.ACCEPT, "none", ""), rules.judge(input("Nice post").build()));
  }

  @Test
  void bannedWordRejects() {
    assertEquals(new Verdict(Action.REJECT, "banned_word", "spam"), rules.judge(input("s\u200Bpam").build()));
  }

  @Test
  void suspectWordHolds() {
    assertEquals(new Verdict(Action.HOLD, "suspect_word", "casino"), rules.judge(input("c\u0430sino night").build()));
  }

  @Test
  void tooManyLinksHolds() {
    String body = "https://a.example https://b.example https://c.example";
    assertEquals(new Verdict(Action.HOLD, "too_many_links", "3 links, limit 2"), rules.judge(input(body).build()));
    assertEquals(Verdict.accept(), rules.judge(input(body).maxLinks(3).build()));
    assertEquals(new Verdict(Action.HOLD, "too_many_links", "1 link, limit 0"),
        rules.judge(input("https://a.example").maxLinks(0).build()));
  }

  @Test
  void premoderatedAuthorHolds() {
    assertEquals(Verdict.hold("premoderation_user", "author is always pre-moderated"),
        rules.judge(input("hi").authorPremoderated().build()));
  }

  @Test
  void premoderatedPageHolds() {
    assertEquals(Verdict.hold("premoderation_page", "page is pre-moderated"),
        rules.judge(input("hi").pagePremoderated().build()));
  }

  @Test
  void premoderateAllHoldsEveryone() {
    assertEquals(Verdict.hold("premoderation_all", "site pre-moderates every comment"),
        rules.judge(input("hi").premoderation("all").visible(1000).build()));
  }

  @Test
  void mostlyRejectedNeedsThreeRecentAndMoreThanHalf() {
    assertEquals(Verdict.hold("mostly_rejected", "2 of 3 recent comments rejected"),
        rules.judge(input("hi").recent(2, 3).build()));
    assertEquals(Verdict.hold("mostly_rejected", "6 of 10 recent comments rejected"),
        rules.judge(input("hi").recent(6, 10).build()));
    assertEquals(Verdict.accept(), rules.judge(input("hi").recent(2, 2).build()));
    assertEquals(Verdict.accept(), rules.judge(input("hi").recent(5, 10).build()));
    assertEquals(Verdict.accept(), rules.judge(input("hi").recent(1, 3).build()));
  }

  @Test
  void newAuthorsModeHoldsUntilOneApproved() {
    assertEquals(Verdict.hold("new_author", "0 approved comments, 1 needed"),
        rules.judge(input("hi").premoderation("newAuthors").visible(0).build()));
    assertEquals(Verdict.accept(), rules.judge(input("hi").premoderation("newAuthors").visible(1).build()));
  }

  @Test
  void newAuthorsModeHoldsUntilTheConfiguredCount() {
    Builder author = input("hi").premoderation("newAuthors").heldCount(3);
    assertEquals(Verdict.hold("new_author", "2 approved comments, 3 needed"), rules.judge(author.visible(2).build()));
    assertEquals(Verdict.accept(), rules.judge(author.visible(3).build()));
  }

  @Test
  void heldCountAloneHoldsNewAuthorsWithPremoderationOff() {
    assertEquals(Verdict.hold("new_author", "1 approved comment, 2 needed"),
        rules.judge(input("hi").heldCount(2).visible(1).build()));
    assertEquals(Verdict.accept(), rules.judge(input("hi").heldCount(2).visible(2).build()));
    assertEquals(Verdict.accept(), rules.judge(input("hi").heldCount(0).visible(0).build()));
  }

  @Test
  void precedence() {
    Builder everything = input("spam casino https://a.example https://b.example https://c.example")
        .authorPremoderated().pagePremoderated().premoderation("all").recent(3, 3).visible(0).heldCount(5);
    assertEquals("banned_word", rules.judge(everything.build()).rule());
    everything.body("casino https://a.example https://b.example https://c.example");
    assertEquals("suspect_word", rules.judge(everything.build()).rule());
    everything.body("https://a.example https://b.example https://c.example");
    assertEquals("too_many_links", rules.judge(everything.build()).rule());
    everything.body("hello");
    assertEquals("premoderation_user", rules.judge(everything.build()).rule());
    everything.authorPremoderated = false;
    assertEquals("premoderation_page", rules.judge(everything.build()).rule());
    everything.pagePremoderated = false;
    assertEquals("premoderation_all", rules.judge(everything.build()).rule());
    everything.premoderation("newAuthors");
    assertEquals("mostly_rejected", rules.judge(everything.build()).rule());
    everything.recent(0, 3);
    assertEquals("new_author", rules.judge(everything.build()).rule());
    everything.visible(5);
    assertEquals(Action.ACCEPT, rules.judge(everything.build()).action());
  }

  @Test
  void onlyBannedWordsReject() {
    Builder worst = input("casino https://a.example https://b.example https://c.example")
        .authorPremoderated().pagePremoderated().premoderation("all").recent(10, 10).heldCount(1000);
    assertEquals(Action.HOLD, rules.judge(worst.build()).action());
  }

  @Test
  void inputIsValidated() {
    assertThrows(IllegalArgumentException.class, () -> input("hi").premoderation("sometimes").build());
    assertThrows(IllegalArgumentException.class, () -> input("hi").maxLinks(-1).build());
    assertThrows(IllegalArgumentException.class, () -> input("hi").recent(4, 3).build());
    assertThrows(NullPointerException.class, () -> input(null).build());
  }

  @Test
  void longBodyAgainstLargeLists() {
    List<String> many = java.util.stream.IntStream.range(0, 5000).mapToObj(i -> "word" + i).toList();
    String body = "a plain sentence with no link. ".repeat(265).substring(0, 8192);
    Input big = new Input(body, WordList.of(many), WordList.of(many), 2, "off", 0, 10, 0, 10, false, false);
    assertEquals(Verdict.accept(), rules.judge(big));
  }

  private static final class Builder {
    String body;
    int maxLinks = 2;
    String premoderation = "off";
    int heldCount;
    long visible = 10;
    int rejectedRecent;
    int totalRecent = 10;
    boolean authorPremoderated;
    boolean pagePremoderated;

    Builder(String body) {
      this.body = body;
    }

    Builder body(String value) {
      body = value;
      return this;
    }

    Builder maxLinks(int value) {
      maxLinks = value;
      return this;
    }

    Builder premoderation(String value) {
      premoderation = value;
      return this;
    }

    Builder heldCount(int value) {
      heldCount = value;
      return this;
    }

    Builder visible(long value) {
      visible = value;
      return this;
    }

    Builder recent(int rejected, int total) {
      rejectedRecent = rejected;
      totalRecent = total;
      return this;
    }

    Builder authorPremoderated() {
      authorPremoderated = true;
      return this;
    }

    Builder pagePremoderated() {
      pagePremoderated = true;
      return this;
    }

    Input build() {
      return new Input(body, BANNED, SUSPECT, maxLinks, premoderation, heldCount, visible,
          rejectedRecent, totalRecent, authorPremoderated, pagePremoderated);
    }
  }
}
