package dev.hearth.text;

import java.util.Locale;

/**
 * The only link targets a comment may carry: absolute http and https addresses. The renderer
 * and the sanitizer both ask this class, so markdown links and stored HTML obey one rule.
 *
 * <p>Accepting by prefix instead of refusing known-bad schemes is deliberate: there is no list
 * of disguises for {@code javascript:} to keep up to date when nothing else gets through.
 */
final class WebLink {
  private WebLink() {
  }

  /**
   * The address with its scheme in lower case, or null when it is not an absolute http(s)
   * address with a host. Relative and protocol-relative ({@code //host}) addresses are
   * refused because a comment is shown on other people's pages, where they would resolve
   * against the embedding site.
   */
  static String normalize(String address) {
    if (address == null || hasControlOrSpace(address)) {
      return null;
    }
    String scheme;
    if (address.regionMatches(true, 0, "https://", 0, 8)) {
      scheme = "https://";
    } else if (address.regionMatches(true, 0, "http://", 0, 7)) {
      scheme = "http://";
    } else {
      return null;
    }
    String normalized = scheme + address.substring(scheme.length());
    return host(normalized).isEmpty() ? null : normalized;
  }

  /**
   * The host a browser would contact, lower-cased: what follows the scheme, up to the path,
   * without user information ({@code https://bank.example@evil.example} goes to evil.example)
   * and without the port. Backslashes end the authority because browsers treat them as
   * slashes in http(s) addresses.
   */
  static String host(String address) {
    int schemeEnd = address.indexOf("://");
    int start = schemeEnd < 0 ? 0 : schemeEnd + 3;
    int end = start;
    while (end < address.length() && "/?#\\".indexOf(address.charAt(end)) < 0) {
      end++;
    }
    String authority = address.substring(start, end);
    authority = authority.substring(authority.lastIndexOf('@') + 1);
    String host;
    if (authority.startsWith("[")) {
      int close = authority.indexOf(']');
      host = close < 0 ? authority : authority.substring(0, close + 1);
    } else {
      int colon = authority.indexOf(':');
      host = colon < 0 ? authority : authority.substring(0, colon);
    }
    if (host.endsWith(".")) {
      host = host.substring(0, host.length() - 1);
    }
    return host.toLowerCase(Locale.ROOT);
  }

  /** Browsers silently drop tabs and newlines inside addresses; we refuse them instead. */
  private static boolean hasControlOrSpace(String address) {
    for (int i = 0; i < address.length(); i++) {
      char c = address.charAt(i);
      if (c <= ' ' || c == 0x7F || Character.isWhitespace(c) || Character.isISOControl(c)) {
        return true;
      }
    }
    return false;
  }
}
