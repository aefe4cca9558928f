package dev.hearth.text;

import java.util.LinkedHashMap;
import java.util.Map;
import java.util.Set;
import org.commonmark.node.AbstractVisitor;
import org.commonmark.node.Code;
import org.commonmark.node.Heading;
import org.commonmark.node.Image;
import org.commonmark.node.Link;
import org.commonmark.node.Node;
import org.commonmark.node.Text;
import org.commonmark.node.ThematicBreak;
import org.commonmark.renderer.NodeRenderer;
import org.commonmark.renderer.html.HtmlNodeRendererContext;
import org.commonmark.renderer.html.HtmlWriter;

/**
 * Renders the markdown constructs that comments may not use as something harmless, and links
 * only when they go somewhere a reader can see. Everything else is left to commonmark's own
 * renderer.
 */
final class CommentNodeRenderer extends AbstractVisitor implements NodeRenderer {
  private final HtmlNodeRendererContext context;
  private final HtmlWriter html;

  CommentNodeRenderer(HtmlNodeRendererContext context) {
    this.context = context;
    this.html = context.getWriter();
  }

  @Override
  public Set<Class<? extends Node>> getNodeTypes() {
    return Set.of(Link.class, Image.class, Heading.class, ThematicBreak.class);
  }

  @Override
  public void render(Node node) {
    node.accept(this);
  }

  /**
   * A link whose target is not an absolute http(s) address keeps its text and loses the
   * link: the reader still sees what was written. Titles are dropped; they only add hover
   * text that could itself pretend to be an address.
   */
  @Override
  public void visit(Link link) {
    String href = WebLink.normalize(link.getDestination());
    if (href == null) {
      renderChildren(link);
      return;
    }
    Map<String, String> attributes = new LinkedHashMap<>();
    attributes.put("href", href);
    html.tag("a", context.extendAttributes(link, "a", attributes));
    renderChildren(link);
    String hiddenHost = MisleadingLinkText.hostToReveal(plainText(link), href);
    if (hiddenHost != null) {
      html.text(" (" + hiddenHost + ")");
    }
    html.tag("/a");
  }

  /**
   * Images become their alt text: a comment must not make every reader's browser fetch an
   * address of the author's choosing (tracking pixels, huge files).
   */
  @Override
  public void visit(Image image) {
    html.text(plainText(image));
  }

  /** Headings would let one comment shout over the page; their words stay, in bold. */
  @Override
  public void visit(Heading heading) {
    html.line();
    html.tag("p");
    html.tag("strong");
    renderChildren(heading);
    html.tag("/strong");
    html.tag("/p");
    html.line();
  }

  /** A rule would look like the end of the comment; the characters typed stay as text. */
  @Override
  public void visit(ThematicBreak thematicBreak) {
    html.line();
    html.tag("p");
    html.text(thematicBreak.getLiteral() == null ? "" : thematicBreak.getLiteral());
    html.tag("/p");
    html.line();
  }

  private void renderChildren(Node parent) {
    Node child = parent.getFirstChild();
    while (child != null) {
      Node next = child.getNext();
      context.render(child);
      child = next;
    }
  }

  /** The words a reader sees for a node, without markup. */
  static String plainText(Node node) {
    StringBuilder text = new StringBuilder();
    node.accept(new AbstractVisitor() {
      @Override
      public void visit(Text t) {
        text.append(t.getLiteral());
      }

      @Override
      public void visit(Code code) {
        text.append(code.getLiteral());
      }
    });
    return text.toString();
  }
}
