package dev.hearth.rules;

import java.util.List;
import java.util.Objects;
import java.util.Optional;

/**
 * Decides, before a comment is stored, whether it is published, held for a moderator, or
 * refused. Pure: everything it needs comes in the {@link Input}, so the service fetches the
 * author's history and the site's settings and this class only applies the rules.
 *
 * <p>Rules are tried in this order and the first that fires decides:
 * <ol>
 *   <li>{@code banned_word} rejects. It is the only rule that rejects: everything else is a
 *       suspicion a moderator settles.
 *   <li>{@code suspect_word} and {@code too_many_links} hold: what is in this comment comes
 *       first, since it tells the moderator what to look at.
 *   <li>{@code premoderation_user}, {@code premoderation_page}, {@code premoderation_all} hold:
 *       standing decisions, the most specific first.
 *   <li>{@code mostly_rejected} and {@code new_author} hold: what the author's history says.
 * </ol>
 */
public final class AutoModeration {
  public static final String PREMODERATION_OFF = "off";
  public static final String PREMODERATION_ALL = "all";
  public static final String PREMODERATION_NEW_AUTHORS = "newAuthors";
  static final List<String> PREMODERATION_MODES =
      List.of(PREMODERATION_OFF, PREMODERATION_ALL, PREMODERATION_NEW_AUTHORS);

  /** Below this many recent comments, a rejection rate says too little about an author. */
  static final int MIN_RECENT_FOR_RATE = 3;

  private final LinkCounter links;

  public AutoModeration(LinkCounter links) {
    this.links = links;
  }

  /**
   * One comment and what is known about where and by whom it is posted.
   *
   * @param body               the markdown source of the comment
   * @param bannedWords        words that get a comment rejected
   * @param suspectWords       words that get a comment held
   * @param maxLinks           more links than this holds the comment; 0 holds any link
   * @param premoderation      the site's mode: "off", "all" or "newAuthors"
   * @param newAuthorHeldCount how many approved comments an author needs before their
   *                           comments are published without review (see {@link #judge})
   * @param visibleComments    the author's approved, visible comments on the site so far
   * @param rejectedRecent     how many of the author's last comments (up to 10) were rejected
   * @param totalRecent        how many last comments that is (up to 10)
   * @param authorPremoderated a moderator set "always premoderate" on the author
   * @param pagePremoderated   the page is pre-moderated
   */
  public record Input(
      String body,
      WordList bannedWords,
      WordList suspectWords,
      int maxLinks,
      String premoderation,
      int newAuthorHeldCount,
      long visibleComments,
      int rejectedRecent,
      int totalRecent,
      boolean authorPremoderated,
      boolean pagePremoderated) {

    public Input {
      Objects.requireNonNull(body, "body");
      Objects.requireNonNull(bannedWords, "bannedWords");
      Objects.requireNonNull(suspectWords, "suspectWords");
      if (!PREMODERATION_MODES.contains(premoderation)) {
        throw new IllegalArgumentException("premoderation must be one of " + PREMODERATION_MODES);
      }
      if (maxLinks < 0 || newAuthorHeldCount < 0 || visibleComments < 0
          || rejectedRecent < 0 || totalRecent < rejectedRecent) {
        throw new IllegalArgumentException("counts must be non-negative, rejectedRecent <= totalRecent");
      }
    }
  }

  /**
   * The verdict for one comment. On new authors: an author's comments are held while they
   * have fewer approved comments than a threshold, which is
   * <ul>
   *   <li>in mode "newAuthors": {@code max(1, newAuthorHeldCount)}, so the mode alone holds an
   *       author's comments until one has been approved;
   *   <li>in mode "off": {@code newAuthorHeldCount}, so a site can keep premoderation off and
   *       still hold new authors' comments (0, the default, holds none);
   *   <li>in mode "all": moot, everything is held already.
   * </ul>
   * The count is of approved comments, not posted ones: an author who posts five comments
   * before a moderator has looked has all five held.
   */
  public Verdict judge(Input input) {
    Optional<String> banned = input.bannedWords().firstMatch(input.body());
    if (banned.isPresent()) {
      return Verdict.reject(Verdict.BANNED_WORD, banned.get());
    }
    Optional<String> suspect = input.suspectWords().firstMatch(input.body());
    if (suspect.isPresent()) {
      return Verdict.hold(Verdict.SUSPECT_WORD, suspect.get());
    }
    int linkCount = links.count(input.body());
    if (linkCount > input.maxLinks()) {
      return Verdict.hold(Verdict.TOO_MANY_LINKS,
          counted(linkCount, "link") + ", limit " + input.maxLinks());
    }
    if (input.authorPremoderated()) {
      return Verdict.hold(Verdict.PREMODERATION_USER, "author is always pre-moderated");
    }
    if (input.pagePremoderated()) {
      return Verdict.hold(Verdict.PREMODERATION_PAGE, "page is pre-moderated");
    }
    if (input.premoderation().equals(PREMODERATION_ALL)) {
      return Verdict.hold(Verdict.PREMODERATION_ALL, "site pre-moderates every comment");
    }
    if (mostlyRejected(input)) {
      return Verdict.hold(Verdict.MOSTLY_REJECTED,
          input.rejectedRecent() + " of " + input.totalRecent() + " recent comments rejected");
    }
    int threshold = newAuthorThreshold(input);
    if (input.visibleComments() < threshold) {
      return Verdict.hold(Verdict.NEW_AUTHOR,
          counted(input.visibleComments(), "approved comment") + ", " + threshold + " needed");
    }
    return Verdict.accept();
  }

  private static String counted(long count, String noun) {
    return count + " " + noun + (count == 1 ? "" : "s");
  }

  private static boolean mostlyRejected(Input input) {
    return input.totalRecent() >= MIN_RECENT_FOR_RATE
        && input.rejectedRecent() * 2 > input.totalRecent();
  }

  private static int newAuthorThreshold(Input input) {
    return input.premoderation().equals(PREMODERATION_NEW_AUTHORS)
        ? Math.max(1, input.newAuthorHeldCount())
        : input.newAuthorHeldCount();
  }
}
