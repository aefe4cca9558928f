package dev.hearth.comment;

/**
 * A comment body as typed and as sanitized HTML. {@code source} must never be rendered as
 * HTML; {@code html} went through the one sanitizer policy, whose version is kept so bodies
 * can be re-rendered when the policy changes.
 */
public record RenderedBody(String source, String html, int policyVersion) {

  public static RenderedBody of(String source) {
    return new RenderedBody(source, PlainText.toHtml(source), PlainText.POLICY_VERSION);
  }
}
