package dev.hearth.text;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTimeoutPreemptively;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.time.Duration;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

class CommentMarkupTest {
  private static final String REL = " rel=\"nofollow ugc noopener noreferrer\"";

  private static String render(String source) {
    return CommentMarkup.toHtml(source).strip();
  }

  @Test
  void paragraphsAndLineBreaks() {
    assertEquals("<p>one</p>\n<p>two</p>", render("one\n\ntwo"));
    assertEquals("<p>first<br />\nsecond</p>", render("first\nsecond"));
    assertEquals("<p>hard<br />\nbreak</p>", render("hard\\\nbreak"));
  }

  @Test
  void inlineFormatting() {
    assertEquals("<p><em>soft</em> <strong>loud</strong> <code>x &lt; y</code></p>",
        render("*soft* **loud** `x < y`"));
  }

  @Test
  void codeBlocksKeepTheirTextAndLoseTheLanguageClass() {
    assertEquals("<pre><code>if (a &lt; b) {}\n</code></pre>", render("```js\nif (a < b) {}\n```"));
    assertEquals("<pre><code>indented\n</code></pre>", render("    indented"));
  }

  @Test
  void quotesAndLists() {
    assertEquals("<blockquote>\n<p>quoted</p>\n</blockquote>", render("> quoted"));
    assertEquals("<ul><li>a</li><li>b</li></ul>", render("- a\n- b"));
    assertEquals("<ol start=\"3\"><li>c</li><li>d</li></ol>", render("3. c\n4. d"));
    assertEquals("<ol><li>first</li></ol>", render("1. first"));
  }

  @Test
  void linksGetTheRelAndLoseTheirTitle() {
    assertEquals("<p><a href=\"https://hearth.example/a\"" + REL + ">docs</a></p>",
        render("[docs](https://hearth.example/a \"a title\")"));
    assertEquals("<p><a href=\"https://hearth.example\"" + REL + ">up</a></p>",
        render("[up](HTTPS://hearth.example)"));
  }

  @Test
  void bareAddressesBecomeLinks() {
    assertEquals("<p>see <a href=\"https://hearth.example/x\"" + REL + ">https://hearth.example/x</a> now</p>",
        render("see https://hearth.example/x now"));
    assertEquals("<p><a href=\"http://www.hearth.example\"" + REL + ">www.hearth.example</a></p>",
        render("www.hearth.example"));
    assertEquals("<p><a href=\"https://hearth.example\"" + REL + ">https://hearth.example</a></p>",
        render("<https://hearth.example>"));
  }

  @ParameterizedTest
  @ValueSource(strings = {"[x](/relative)", "[x](//evil.example)", "[x](mailto:a@b.example)",
      "[x](ftp://files.example)", "<mailto:a@b.example>", "a@b.example", "[x](javascript:alert(1))"})
  void linksThatAreNotAbsoluteWebAddressesKeepOnlyTheirText(String source) {
    String html = render(source);
    assertFalse(html.contains("<a"), html);
  }

  @Test
  void rawHtmlIsShownAsTypedText() {
    assertEquals("<p>&lt;b&gt;bold?&lt;/b&gt;</p>", render("<b>bold?</b>"));
    assertEquals("<p>&lt;div&gt;<br />\nblock<br />\n&lt;/div&gt;</p>", render("<div>\nblock\n</div>"));
    assertEquals("<p>&lt;!-- note --&gt;</p>", render("<!-- note -->"));
  }

  @Test
  void imagesBecomeTheirAltText() {
    assertEquals("<p>a cat</p>", render("![a cat](https://img.example/cat.png)"));
    assertEquals("<p><a href=\"https://ci.example\"" + REL + ">build passing</a></p>",
        render("[![build passing](https://img.example/badge.svg)](https://ci.example)"));
  }

  @Test
  void headingsRulesAndTablesAreNotRendered() {
    assertEquals("<p><strong>Big news</strong></p>", render("# Big news"));
    assertEquals("<p><strong>Setext</strong></p>", render("Setext\n======"));
    assertEquals("<p>***</p>", render("***"));
    String table = render("| a | b |\n|---|---|\n| 1 | 2 |");
    assertFalse(table.contains("<table"), table);
    assertTrue(table.contains("| a | b |"), table);
  }

  @Test
  void linkTextNamingAnotherSiteShowsTheRealHost() {
    assertEquals("<p><a href=\"https://evil.example/login\"" + REL + ">https://bank.example (evil.example)</a></p>",
        render("[https://bank.example](https://evil.example/login)"));
    assertTrue(render("[bank.example](https://bank.example.evil.example)").contains("bank.example (bank.example.evil.example)"));
    assertTrue(render("[https://bank.example](https://bank.example@evil.example/)").contains("(evil.example)"));
    assertTrue(render("[bank.example](https://xn--bnk-sna.example)").contains("(xn--bnk-sna.example)"));
  }

  @Test
  void honestLinkTextIsLeftAlone() {
    assertEquals("<p><a href=\"https://login.bank.example/\"" + REL + ">bank.example</a></p>",
        render("[bank.example](https://login.bank.example/)"));
    assertEquals("<p><a href=\"https://bank.example\"" + REL + ">www.bank.example</a></p>",
        render("[www.bank.example](https://bank.example)"));
    assertEquals("<p><a href=\"https://evil.example\"" + REL + ">click here</a></p>",
        render("[click here](https://evil.example)"));
  }

  @Test
  void textInAnyScriptSurvives() {
    String source = "“Curly” ‘quotes’ — 中文 日本語 한국어 — עברית العربية — 🔥👍🏽";
    String html = render(source);
    // The sanitizer writes characters outside the BMP as numeric references; the text a
    // browser shows is unchanged, so compare after decoding.
    assertEquals("<p>" + source + "</p>", Entities.decode(html));
    assertTrue(html.contains("“Curly” ‘quotes’ — 中文 日本語 한국어 — עברית العربية —"), html);
  }

  @ParameterizedTest
  @ValueSource(strings = {"plain", "*a* **b** `c`\nd", "> q\n\n- a\n- b\n\n1. c", "<b>x</b> & <i>",
      "https://hearth.example/?a=1&b=2", "[https://bank.example](https://evil.example)",
      "```\n<script>\n```", "a@b + c = d `e`", "🔥 “x”"})
  void sanitizingAgainChangesNothing(String source) {
    String html = CommentMarkup.toHtml(source);
    assertEquals(html, CommentMarkup.sanitize(html));
    assertEquals(html, CommentMarkup.sanitize(CommentMarkup.sanitize(html)));
  }

  @Test
  void sanitizeAloneDropsLinksItCannotVouchFor() {
    assertEquals("text", CommentMarkup.sanitize("<a href=\"/relative\">text</a>"));
    assertEquals("text", CommentMarkup.sanitize("<a>text</a>"));
    assertEquals("<ol start=\"2\"><li>x</li></ol>", CommentMarkup.sanitize("<ol start=2 type=a class=c><li>x</li></ol>"));
  }

  @Test
  void fiftyThousandCharactersRenderQuicklyAndWhole() {
    String paragraph = "Some *words* and a https://hearth.example/link and `code`\n";
    String source = paragraph.repeat(50_000 / paragraph.length() + 1) + "THE END";
    assertTrue(source.length() >= 50_000);
    String html = assertTimeoutPreemptively(Duration.ofSeconds(5), () -> CommentMarkup.toHtml(source));
    assertTrue(html.strip().endsWith("THE END</p>"), "output must not be truncated");
  }

  @ParameterizedTest
  @ValueSource(strings = {"[", "*a", "> ", "- ", "<", "![", "`a``", "_a_ ", "&#x", "[a]("})
  void pathologicalRepetitionStaysFast(String unit) {
    String source = unit.repeat(50_000 / unit.length());
    assertTimeoutPreemptively(Duration.ofSeconds(5), () -> CommentMarkup.toHtml(source));
  }
}
