package dev.hearth.health;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.hearth.support.TestHearth;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;

class HealthTest {
  @RegisterExtension
  static TestHearth hearth = new TestHearth();

  @Test
  void healthAndReadinessAnswer() {
    assertEquals("ok", hearth.api().get("/health").json().getString("status"));
    assertEquals("ready", hearth.api().get("/ready").json().getString("status"));
  }

  @Test
  void demoArticleEmbedsItsSeededThreadAsASiteOwnerWould() {
    var demo = hearth.api().get("/demo");
    assertEquals(200, demo.status());
    assertTrue(demo.header("content-security-policy").contains("default-src 'none'"));
    assertTrue(demo.header("content-security-policy").contains("frame-src 'self'"), "the page may frame the thread");
    assertTrue(demo.body().contains("Around the hearth"));
    assertTrue(demo.body().contains("<div id=\"hearth-thread\" data-site=\"demo\" data-page=\"welcome\""));
    assertTrue(demo.body().contains("<script src=\"/embed.js\" async></script>"));

    var thread = hearth.api().get("/embed/thread?site=demo&page=welcome");
    assertEquals(200, thread.status());
    assertTrue(thread.body().contains("class=\"hearth-replies\""), "the demo thread has nested replies");
    assertTrue(thread.body().contains("Nobody was allowed to leave the table angry"), "the seeded text is rendered");
    assertTrue(thread.body().contains("<time datetime="));
  }
}
