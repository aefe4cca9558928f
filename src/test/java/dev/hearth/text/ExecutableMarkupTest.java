package dev.hearth.text;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;

import java.util.List;
import java.util.Set;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;
import org.junit.jupiter.api.Test;

/** The checker must be able to fail, or the hostile corpus proves nothing. */
class ExecutableMarkupTest {
  @ParameterizedTest
  @ValueSource(strings = {
      "<script>alert(1)</script>",
      "<SCRIPT SRC=https://evil.example/x.js></SCRIPT>",
      "<p onclick=alert(1)>x</p>",
      "<p/onclick=alert(1)>x</p>",
      "<p\nonmouseover\n=alert(1)>x</p>",
      "<img src=x>",
      "<svg></svg>",
      "<math></math>",
      "<iframe></iframe>",
      "<style>p{}</style>",
      "<p style=\"color:red\">x</p>",
      "<div>x</div>",
      "<a href=\"javascript:alert(1)\">x</a>",
      "<a href=\"&#106;avascript:alert(1)\">x</a>",
      "<a href=\"java&#x09;script&colon;alert(1)\">x</a>",
      "<a href=\"//evil.example\">x</a>",
      "<a href=\"/relative\">x</a>",
      "<a href=\"HTTPS://upper.example\">x</a>",
      "<a href=\"https://ok.example\" data-x=\"vbscript:x\">x</a>",
      "<a href='data:text/html,x'>x</a>",
      "<!-- hidden -->",
      "<![CDATA[x]]>",
  })
  void flagsKnownBadBodies(String html) {
    assertFalse(ExecutableMarkup.findProblems(html).isEmpty(), html);
  }

  @Test
  void passesWhatThePolicyProduces() {
    String body = "<p>a <a href=\"https://ok.example/?a&#61;1&amp;b\" rel=\"nofollow ugc noopener noreferrer\">"
        + "link</a> &lt;script&gt; onclick&#61;x javascript:</p>\n<ol start=\"2\"><li><code>x</code></li></ol>"
        + "<blockquote><pre><code>y</code></pre></blockquote><ul><li><em>e</em><strong>s</strong><br /></li></ul>";
    assertEquals(List.of(), ExecutableMarkup.findProblems(body));
  }

  private static final Set<String> CHROME = Set.of("html", "head", "title", "body", "main", "div",
      "span", "form", "button", "link", "meta", "script");

  @Test
  void pagesMayCarryTheirOwnChromeAndSameOriginScripts() {
    String page = "<!doctype html><html><head><title>Thread <b></title><meta charset=utf-8>"
        + "<link rel=stylesheet href=\"/static/hearth.css\"><script src=\"/static/hearth.js\" defer></script>"
        + "</head><body><main class=\"thread\"><a href=\"/t/1\">thread</a><a href=\"#c2\">#</a>"
        + "<div class=\"body\"><p>hi</p></div><form method=post action=\"/c\"><button>Send</button></form>"
        + "</main></body></html>";
    assertEquals(List.of(), ExecutableMarkup.findProblemsInPage(page, CHROME));
  }

  @ParameterizedTest
  @ValueSource(strings = {
      "<script>alert(1)</script>",
      "<script src=\"https://cdn.example/x.js\"></script>",
      "<script src=\"//cdn.example/x.js\"></script>",
      "<script src=\"/static/x.js\">alert(1)</script>",
      "<div onclick=\"x()\">x</div>",
      "<a href=\"javascript:alert(1)\">x</a>",
      "<a href=\"//evil.example\">x</a>",
      "<iframe src=\"/x\"></iframe>",
      "<div style=\"color:red\">x</div>",
  })
  void flagsExecutableMarkupInAPage(String fragment) {
    String page = "<html><body><main>" + fragment + "</main></body></html>";
    assertFalse(ExecutableMarkup.findProblemsInPage(page, CHROME).isEmpty(), fragment);
  }
}
