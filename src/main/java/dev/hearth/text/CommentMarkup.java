package dev.hearth.text;

import java.util.List;
import java.util.Set;
import org.commonmark.Extension;
import org.commonmark.ext.autolink.AutolinkExtension;
import org.commonmark.ext.autolink.AutolinkType;
import org.commonmark.node.BlockQuote;
import org.commonmark.node.FencedCodeBlock;
import org.commonmark.node.Heading;
import org.commonmark.node.IndentedCodeBlock;
import org.commonmark.node.ListBlock;
import org.commonmark.node.ThematicBreak;
import org.commonmark.parser.Parser;
import org.commonmark.renderer.html.HtmlRenderer;

/**
 * Turns the markdown a commenter typed into the HTML that readers are shown: paragraphs, line
 * breaks, emphasis, code, quotes, lists and http(s) links. Raw HTML is shown as the text that
 * was typed; images, headings and rules are reduced to their words.
 *
 * <p>The result is sanitized before it is returned, so callers store it and render it raw.
 * Parser, renderer and policy are immutable and thread-safe, hence shared.
 */
public final class CommentMarkup {
  /**
   * Stored beside each rendered body. Raise it whenever the output for the same source could
   * change, so that bodies rendered under an older policy can be found and rendered again.
   */
  public static final int POLICY_VERSION = 1;

  /**
   * Nesting deeper than this is parsed as text. Deep nesting has no use in a comment, and
   * thousands of nested blockquotes or lists would recurse deep enough in the renderer and
   * the sanitizer to exhaust the stack.
   */
  private static final int MAX_NESTING = 16;

  /** E-mail autolinks are left out: mailto links are not allowed in comments. */
  private static final List<Extension> EXTENSIONS = List.of(
      AutolinkExtension.builder().linkTypes(AutolinkType.URL, AutolinkType.WWW).build());

  /**
   * HTML blocks are not parsed as blocks, so typed tags stay inside ordinary paragraphs where
   * they are escaped and their line breaks kept. Headings and rules are parsed (so that the
   * markdown means what people expect) but rendered plainly by {@link CommentNodeRenderer}.
   */
  private static final Parser PARSER = Parser.builder()
      .enabledBlockTypes(Set.of(Heading.class, FencedCodeBlock.class, BlockQuote.class,
          ThematicBreak.class, ListBlock.class, IndentedCodeBlock.class))
      .extensions(EXTENSIONS)
      .maxOpenBlockParsers(MAX_NESTING)
      .maxInlineNesting(MAX_NESTING)
      .build();

  /** A single newline is a line break: commenters expect what they typed to stay on its line. */
  private static final HtmlRenderer RENDERER = HtmlRenderer.builder()
      .escapeHtml(true)
      .softbreak("<br>\n")
      .nodeRendererFactory(CommentNodeRenderer::new)
      .extensions(EXTENSIONS)
      .build();

  private CommentMarkup() {
  }

  /**
   * The sanitized HTML for a comment's markdown source. Never truncates: the source length is
   * limited where it is accepted, not here.
   */
  public static String toHtml(String source) {
    return sanitize(RENDERER.render(PARSER.parse(source)));
  }

  /**
   * Applies the comment HTML policy alone. Sanitizing its own output again changes nothing, so
   * stored bodies can be re-checked at any time.
   */
  public static String sanitize(String html) {
    return CommentHtmlPolicy.sanitize(html);
  }
}
