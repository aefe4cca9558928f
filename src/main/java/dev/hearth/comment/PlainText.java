package dev.hearth.comment;

/**
 * Renders a plain-text body as HTML: every character escaped, blank lines make paragraphs,
 * single newlines make line breaks. Output contains no markup the writer chose.
 */
public final class PlainText {
  public static final int POLICY_VERSION = 0;

  private PlainText() {
  }

  public static String toHtml(String body) {
    StringBuilder html = new StringBuilder(body.length() + 32);
    for (String paragraph : body.strip().split("\n\\s*\n")) {
      if (paragraph.isBlank()) {
        continue;
      }
      html.append("<p>");
      String[] lines = paragraph.split("\n");
      for (int i = 0; i < lines.length; i++) {
        if (i > 0) {
          html.append("<br>");
        }
        escape(lines[i], html);
      }
      html.append("</p>");
    }
    return html.toString();
  }

  public static void escape(String text, StringBuilder out) {
    for (int i = 0; i < text.length(); i++) {
      char c = text.charAt(i);
      switch (c) {
        case '&' -> out.append("&amp;");
        case '<' -> out.append("&lt;");
        case '>' -> out.append("&gt;");
        case '"' -> out.append("&quot;");
        case '\'' -> out.append("&#39;");
        case '`' -> out.append("&#96;");
        case '=' -> out.append("&#61;");
        default -> out.append(c);
      }
    }
  }
}
