package dev.hearth.text;

import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.Locale;
import java.util.Set;
import java.util.function.IntPredicate;
import java.util.regex.Pattern;

/**
 * An independent second opinion on HTML that readers will be shown: finds anything that could
 * run script, load a resource, or take the reader somewhere other than an http(s) address.
 * It does not share code with the sanitizer on purpose, so a mistake in one is caught by the
 * other.
 *
 * <p>Two modes:
 * <ul>
 *   <li>{@link #findProblems} for a comment body (a stored {@code html} field, a JSON
 *       response's {@code html}): only the comment elements may appear, every {@code href} is
 *       absolute http(s), and comments, CDATA and doctypes count as problems.</li>
 *   <li>{@link #findProblemsInPage} for a whole server-rendered page: the page's own chrome
 *       elements are listed by the caller, relative links are fine, and a {@code <script>} is
 *       tolerated only when "script" is listed and it is an empty element loading a
 *       same-origin file ({@code src="/..."}). Inline script is always a problem. Style
 *       elements and attributes are tolerated only when "style" is listed.</li>
 * </ul>
 * In both modes: no attribute named {@code on*}, and no attribute value containing
 * {@code javascript:}, {@code vbscript:} or {@code data:} once entities are decoded and
 * whitespace and control characters removed. The check is deliberately blunt: an https
 * address that merely contains "data:" in its query is reported too.
 */
public final class ExecutableMarkup {
  /** The elements the comment policy allows, which a page may of course contain as well. */
  public static final Set<String> COMMENT_TAGS =
      Set.of("p", "br", "strong", "em", "code", "pre", "blockquote", "ul", "ol", "li", "a");

  private static final Pattern EVENT_HANDLER = Pattern.compile("[\\s/]on\\w+\\s*=");
  private static final List<String> DANGEROUS_SCHEMES = List.of("javascript:", "vbscript:", "data:");

  private ExecutableMarkup() {
  }

  /** Problems in a comment body; empty when it is safe to render raw. */
  public static List<String> findProblems(String html) {
    return new Scan(html, COMMENT_TAGS, false).run();
  }

  /**
   * Problems in a whole page. {@code extraAllowedTags} names the page's own elements (html,
   * head, body, div, form, "script" for external same-origin scripts, ...).
   */
  public static List<String> findProblemsInPage(String page, Set<String> extraAllowedTags) {
    Set<String> allowed = new HashSet<>(COMMENT_TAGS);
    extraAllowedTags.forEach(tag -> allowed.add(tag.toLowerCase(Locale.ROOT)));
    return new Scan(page, Set.copyOf(allowed), true).run();
  }

  /** One pass over the markup with a hand-written tokenizer: no regex over the whole input. */
  private static final class Scan {
    private final String html;
    private final Set<String> allowedTags;
    private final boolean page;
    private final List<String> problems = new ArrayList<>();
    private int pos;

    Scan(String html, Set<String> allowedTags, boolean page) {
      this.html = html;
      this.allowedTags = allowedTags;
      this.page = page;
    }

    List<String> run() {
      while ((pos = html.indexOf('<', pos)) >= 0) {
        char next = pos + 1 < html.length() ? html.charAt(pos + 1) : ' ';
        if (next == '!' || next == '?') {
          declaration();
        } else if (next == '/' || Character.isLetter(next)) {
          tag();
        } else {
          pos++;
        }
      }
      return problems;
    }

    /** Comments, CDATA, doctypes and processing instructions: never part of a comment body. */
    private void declaration() {
      int start = pos;
      String closer = html.startsWith("<!--", pos) ? "-->" : ">";
      int end = html.indexOf(closer, pos + 2);
      pos = end < 0 ? html.length() : end + closer.length();
      if (!page) {
        problems.add("markup declaration: " + excerpt(start));
      }
    }

    private void tag() {
      int start = pos;
      boolean closing = html.charAt(pos + 1) == '/';
      pos += closing ? 2 : 1;
      String name = readWhile(c -> c != '>' && c != '/' && !Character.isWhitespace(c))
          .toLowerCase(Locale.ROOT);
      List<String[]> attributes = closing ? List.of() : readAttributes();
      int end = html.indexOf('>', pos);
      pos = end < 0 ? html.length() : end + 1;
      String rawTag = html.substring(start, pos);
      if (!allowedTags.contains(name)) {
        problems.add("element not allowed: " + excerpt(start));
      }
      if (EVENT_HANDLER.matcher(withoutQuotedValues(rawTag)).find()) {
        problems.add("event handler: " + excerpt(start));
      }
      for (String[] attribute : attributes) {
        checkAttribute(name, attribute[0], attribute[1], start);
      }
      if (!closing && name.equals("script")) {
        checkScript(attributes, start);
      } else if (!closing && (name.equals("style") || name.equals("textarea") || name.equals("title"))) {
        skipRawTextUntil("</" + name);
      }
    }

    private void checkAttribute(String tag, String name, String rawValue, int tagStart) {
      String value = Entities.decode(rawValue);
      String squeezed = squeeze(value);
      if (name.startsWith("on")) {
        problems.add("event handler attribute " + name + ": " + excerpt(tagStart));
      }
      if (name.equals("style") && !(page && allowedTags.contains("style"))) {
        problems.add("style attribute: " + excerpt(tagStart));
      }
      for (String scheme : DANGEROUS_SCHEMES) {
        if (squeezed.contains(scheme)) {
          problems.add(scheme + " in attribute " + name + ": " + excerpt(tagStart));
        }
      }
      if (name.equals("href") && !isAllowedHref(value)) {
        problems.add("href not allowed: " + excerpt(tagStart));
      }
    }

    private boolean isAllowedHref(String value) {
      if (value.startsWith("http://") || value.startsWith("https://")) {
        return true;
      }
      boolean sameOriginPath = value.startsWith("/") && !value.startsWith("//") && !value.startsWith("/\\");
      return page && (sameOriginPath || value.startsWith("#") || value.startsWith("?"));
    }

    /** Only an empty script element loading a same-origin file passes, and only on a page. */
    private void checkScript(List<String[]> attributes, int tagStart) {
      int close = html.toLowerCase(Locale.ROOT).indexOf("</script", pos);
      int bodyEnd = close < 0 ? html.length() : close;
      boolean emptyBody = html.substring(pos, bodyEnd).isBlank();
      boolean sameOriginSrc = attributes.stream().anyMatch(a -> a[0].equals("src")
          && Entities.decode(a[1]).startsWith("/") && !Entities.decode(a[1]).startsWith("//"));
      if (allowedTags.contains("script") && (!emptyBody || !sameOriginSrc)) {
        problems.add("inline or foreign script: " + excerpt(tagStart));
      }
      pos = bodyEnd;
    }

    private List<String[]> readAttributes() {
      List<String[]> attributes = new ArrayList<>();
      while (pos < html.length()) {
        readWhile(c -> Character.isWhitespace(c) || c == '/');
        if (pos >= html.length() || html.charAt(pos) == '>') {
          break;
        }
        String name = readWhile(c -> c != '>' && c != '/' && c != '=' && !Character.isWhitespace(c));
        if (name.isEmpty()) {
          pos++;
          continue;
        }
        readWhile(Character::isWhitespace);
        String value = "";
        if (pos < html.length() && html.charAt(pos) == '=') {
          pos++;
          readWhile(Character::isWhitespace);
          value = readValue();
        }
        attributes.add(new String[] {name.toLowerCase(Locale.ROOT), value});
      }
      return attributes;
    }

    private String readValue() {
      if (pos < html.length() && (html.charAt(pos) == '"' || html.charAt(pos) == '\'')) {
        char quote = html.charAt(pos);
        int end = html.indexOf(quote, pos + 1);
        int stop = end < 0 ? html.length() : end;
        String value = html.substring(pos + 1, stop);
        pos = Math.min(html.length(), stop + 1);
        return value;
      }
      return readWhile(c -> c != '>' && !Character.isWhitespace(c));
    }

    private void skipRawTextUntil(String closer) {
      int end = html.toLowerCase(Locale.ROOT).indexOf(closer, pos);
      pos = end < 0 ? html.length() : end;
    }

    private String readWhile(IntPredicate accept) {
      int start = pos;
      while (pos < html.length() && accept.test(html.charAt(pos))) {
        pos++;
      }
      return html.substring(start, pos);
    }

    private String excerpt(int start) {
      return html.substring(start, Math.min(html.length(), start + 80));
    }
  }

  /** Quoted attribute values blanked, so text inside a value cannot look like an attribute. */
  private static String withoutQuotedValues(String tag) {
    StringBuilder out = new StringBuilder(tag.length());
    char quote = 0;
    for (char c : tag.toCharArray()) {
      if (quote == 0 && (c == '"' || c == '\'')) {
        quote = c;
      } else if (c == quote) {
        quote = 0;
      } else if (quote == 0) {
        out.append(c);
      }
    }
    return out.toString();
  }

  /** Lower case, without the whitespace and control characters browsers ignore in schemes. */
  private static String squeeze(String value) {
    StringBuilder out = new StringBuilder(value.length());
    value.codePoints()
        .filter(c -> !Character.isWhitespace(c) && !Character.isISOControl(c) && c != 0xAD)
        .forEach(out::appendCodePoint);
    return out.toString().toLowerCase(Locale.ROOT);
  }
}
