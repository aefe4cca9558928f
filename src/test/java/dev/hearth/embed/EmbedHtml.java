package dev.hearth.embed;

import java.util.ArrayList;
import java.util.List;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/** Reading the server-rendered embed HTML in tests: attributes, links and the comments it lists. */
final class EmbedHtml {
  private static final Pattern ITEM = Pattern.compile("<li class=\"hearth-item\" id=\"comment-(\\d+)\"");

  private EmbedHtml() {
  }

  /** The first value of an attribute, unescaped; null when absent. */
  static String attribute(String html, String name) {
    return link(html, "\\s" + Pattern.quote(name) + "=\"([^\"]*)\"");
  }

  /** Group 1 of the first match, unescaped (hrefs come HTML-escaped); null when nothing matches. */
  static String link(String html, String regex) {
    Matcher matcher = Pattern.compile(regex).matcher(html);
    return matcher.find() ? unescape(matcher.group(1)) : null;
  }

  /** The ids of every comment item, in document order (replies after their parent). */
  static List<Long> commentIds(String html) {
    List<Long> ids = new ArrayList<>();
    Matcher matcher = ITEM.matcher(html);
    while (matcher.find()) {
      ids.add(Long.parseLong(matcher.group(1)));
    }
    return ids;
  }

  static String unescape(String text) {
    return text.replace("&#x3D;", "=").replace("&#x27;", "'").replace("&#x60;", "`").replace("&quot;", "\"")
        .replace("&lt;", "<").replace("&gt;", ">").replace("&amp;", "&");
  }
}
