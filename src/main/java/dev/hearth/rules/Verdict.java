package dev.hearth.rules;

import java.util.Objects;

/**
 * What auto-moderation decided for one comment, and why.
 *
 * @param action what happens to the comment
 * @param rule   a stable id of the rule that decided ({@code "none"} when accepted); clients and
 *               stored records may rely on it, so ids are never renamed
 * @param detail words for the moderator, such as the matched word or "3 links, limit 2"
 */
public record Verdict(Action action, String rule, String detail) {
  public enum Action { ACCEPT, HOLD, REJECT }

  public static final String NONE = "none";
  public static final String BANNED_WORD = "banned_word";
  public static final String SUSPECT_WORD = "suspect_word";
  public static final String TOO_MANY_LINKS = "too_many_links";
  public static final String PREMODERATION_USER = "premoderation_user";
  public static final String PREMODERATION_PAGE = "premoderation_page";
  public static final String PREMODERATION_ALL = "premoderation_all";
  public static final String MOSTLY_REJECTED = "mostly_rejected";
  public static final String NEW_AUTHOR = "new_author";

  private static final Verdict ACCEPTED = new Verdict(Action.ACCEPT, NONE, "");

  public Verdict {
    Objects.requireNonNull(action, "action");
    Objects.requireNonNull(rule, "rule");
    Objects.requireNonNull(detail, "detail");
  }

  public static Verdict accept() {
    return ACCEPTED;
  }

  public static Verdict hold(String rule, String detail) {
    return new Verdict(Action.HOLD, rule, detail);
  }

  public static Verdict reject(String rule, String detail) {
    return new Verdict(Action.REJECT, rule, detail);
  }
}
