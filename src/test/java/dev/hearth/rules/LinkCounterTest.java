package dev.hearth.rules;

import static org.junit.jupiter.api.Assertions.assertEquals;

import org.junit.jupiter.api.Test;

class LinkCounterTest {
  private final LinkCounter links = new LinkCounter();

  @Test
  void noLinks() {
    assertEquals(0, links.count(""));
    assertEquals(0, links.count("just words, example dot com"));
  }

  @Test
  void eachKindOfLinkCountsOnce() {
    assertEquals(1, links.count("[docs](https://hearth.example/a)"));
    assertEquals(1, links.count("<https://hearth.example>"));
    assertEquals(1, links.count("see https://hearth.example/x now"));
    assertEquals(1, links.count("see http://hearth.example/x now"));
    assertEquals(1, links.count("www.hearth.example"));
    assertEquals(4, links.count("[a](https://a.example) <https://b.example>\nhttps://c.example and www.d.example"));
  }

  @Test
  void referenceLinksCount() {
    assertEquals(1, links.count("[cheap][1]\n\n[1]: https://shop.example"));
  }

  @Test
  void linksInListsAndQuotesCount() {
    assertEquals(3, links.count("- https://a.example\n- https://b.example\n> https://c.example"));
  }

  @Test
  void whatTheRendererDoesNotLinkDoesNotCount() {
    assertEquals(0, links.count("`https://in.code.example`"));
    assertEquals(0, links.count("```\nhttps://fenced.example\n```"));
    assertEquals(0, links.count("[x](javascript:alert(1))"));
    assertEquals(0, links.count("[x](/relative)"));
    assertEquals(0, links.count("mail me@example.com"));
    assertEquals(0, links.count("![pixel](https://track.example/p.gif)"));
    assertEquals(0, links.count("<a href=\"https://raw.example\">raw html</a>"));
  }

  @Test
  void sameAddressTwiceCountsTwice() {
    assertEquals(2, links.count("https://a.example https://a.example"));
  }
}
