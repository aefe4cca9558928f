package dev.hearth.rules;

import dev.hearth.text.CommentMarkup;

/**
 * Counts the links a comment would show its readers. The source is rendered by the comment
 * renderer itself rather than searched with patterns of our own, so the count agrees with what
 * is published: markdown links {@code [x](https://…)}, autolinks {@code <https://…>}, bare
 * {@code http(s)://} addresses and {@code www.} addresses each count once, while addresses in
 * code, links the renderer refuses ({@code javascript:}, relative, mail) and image addresses
 * (shown as their alt text) do not count. Pure, linear in the source, and thread-safe.
 */
public final class LinkCounter {
  /** The sanitized HTML has no other way to open a link element. */
  private static final String LINK_START = "<a href=";

  public int count(String source) {
    if (source == null || source.isEmpty()) {
      return 0;
    }
    return countInRendered(CommentMarkup.toHtml(source));
  }

  /** For a caller that already holds the rendered, sanitized body. */
  public int countInRendered(String html) {
    int count = 0;
    for (int at = html.indexOf(LINK_START); at >= 0; at = html.indexOf(LINK_START, at + 1)) {
      count++;
    }
    return count;
  }
}
