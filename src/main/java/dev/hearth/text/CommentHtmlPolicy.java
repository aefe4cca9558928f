package dev.hearth.text;

import java.util.regex.Pattern;
import org.owasp.html.AttributePolicy;
import org.owasp.html.HtmlPolicyBuilder;
import org.owasp.html.PolicyFactory;

/**
 * The one allow-list every comment body passes through after rendering. It is the last line of
 * defence: even if the markdown renderer were tricked into emitting markup, only these
 * elements and attributes reach a reader.
 */
final class CommentHtmlPolicy {
  private CommentHtmlPolicy() {
  }

  /** Every link a stranger posts: no ranking credit, no access to the opener, no referrer. */
  private static final String[] LINK_RELS = {"nofollow", "ugc", "noopener", "noreferrer"};

  /** Ordered lists may start at another number; commonmark allows at most nine digits. */
  private static final Pattern LIST_START = Pattern.compile("[0-9]{1,9}");

  /**
   * Refuses anything {@link WebLink} refuses, including relative and protocol-relative
   * addresses, which the sanitizer's own protocol check lets through because they have no
   * scheme.
   */
  private static final AttributePolicy WEB_LINKS_ONLY =
      (elementName, attributeName, value) -> WebLink.normalize(value);

  static final PolicyFactory POLICY = new HtmlPolicyBuilder()
      .allowElements("p", "br", "strong", "em", "code", "pre", "blockquote", "ul", "ol", "li", "a")
      .allowUrlProtocols("http", "https")
      .allowAttributes("href").matching(WEB_LINKS_ONLY).onElements("a")
      .allowAttributes("start").matching(LIST_START).onElements("ol")
      .requireRelsOnLinks(LINK_RELS)
      .toFactory();

  /**
   * One pass is not always stable: text inside a {@code <select>} comes out of the
   * sanitizer's tag balancer as an {@code <li>} with no list around it (the implied
   * {@code <option>}), and the next pass adds the {@code <ul>}. Stored bodies must not change
   * when checked again, so passes repeat until the output stops changing. Balanced input,
   * which is all the markdown renderer produces, settles after the confirming second pass.
   */
  private static final int MAX_PASSES = 4;

  static String sanitize(String html) {
    String current = POLICY.sanitize(html);
    for (int pass = 1; pass < MAX_PASSES; pass++) {
      String next = POLICY.sanitize(current);
      if (next.equals(current)) {
        return current;
      }
      current = next;
    }
    return current;
  }
}
