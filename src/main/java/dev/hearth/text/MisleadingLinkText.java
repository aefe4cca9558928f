package dev.hearth.text;

import java.net.IDN;
import java.util.Locale;

/**
 * Catches link text that names one site while the link goes to another, as in
 * {@code [https://bank.example](https://evil.example/login)}.
 *
 * <p>We keep the author's text and append the real host in parentheses, inside the link:
 * "https://bank.example (evil.example)". Replacing the text with the address would also be
 * honest, but it throws away what the author wrote when the mismatch is innocent (a shortener,
 * a mirror), whereas the appended host leaves both in view. The host is shown in its ASCII
 * (punycode) form so that look-alike letters from other scripts cannot hide in it.
 */
final class MisleadingLinkText {
  private MisleadingLinkText() {
  }

  /**
   * The host to show after the link text, or null when the text does not look like an
   * address, or names the same host as the link (or a parent domain of it: a link to
   * login.bank.example titled "bank.example" is that site's own business).
   */
  static String hostToReveal(String visibleText, String href) {
    String claimed = claimedHost(visibleText.strip());
    if (claimed == null) {
      return null;
    }
    String actual = ascii(WebLink.host(href));
    if (withoutWww(actual).equals(withoutWww(claimed)) || actual.endsWith("." + claimed)) {
      return null;
    }
    return actual;
  }

  /**
   * The host named by text that is a single address-like word ("https://bank.example/x",
   * "www.bank.example", "bank.example"), or null for ordinary prose such as "click here".
   */
  static String claimedHost(String text) {
    if (text.isEmpty() || text.codePoints().anyMatch(Character::isWhitespace)) {
      return null;
    }
    String host = WebLink.host(text.toLowerCase(Locale.ROOT));
    return looksLikeDomain(host) ? ascii(host) : null;
  }

  /** At least two dot-separated labels, the last made of letters, as every real TLD is. */
  private static boolean looksLikeDomain(String host) {
    int lastDot = host.lastIndexOf('.');
    if (lastDot <= 0 || lastDot == host.length() - 1) {
      return false;
    }
    String tld = host.substring(lastDot + 1);
    boolean lettersOnly = tld.codePoints().allMatch(Character::isLetter);
    return (lettersOnly && tld.codePointCount(0, tld.length()) >= 2) || tld.startsWith("xn--");
  }

  private static String withoutWww(String host) {
    return host.startsWith("www.") ? host.substring(4) : host;
  }

  private static String ascii(String host) {
    try {
      return IDN.toASCII(host, IDN.ALLOW_UNASSIGNED).toLowerCase(Locale.ROOT);
    } catch (IllegalArgumentException notConvertible) {
      return host;
    }
  }
}
