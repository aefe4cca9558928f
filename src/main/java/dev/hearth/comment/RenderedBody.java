package dev.hearth.comment;

import dev.hearth.text.CommentMarkup;

/**
 * A comment body as typed and as sanitized HTML. {@code source} must never be rendered as
 * HTML; {@code html} went through the one sanitizer policy, whose version is kept so bodies
 * can be re-rendered when the policy changes.
 */
public record RenderedBody(String source, String html, int policyVersion) {

  public static RenderedBody of(String source) {
    return new RenderedBody(source, CommentMarkup.toHtml(source), CommentMarkup.POLICY_VERSION);
  }
}
