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
  void demoArticleShowsItsSeededThread() {
    var demo = hearth.api().get("/demo");
    assertEquals(200, demo.status());
    assertTrue(demo.header("content-security-policy").contains("default-src 'none'"));
    assertTrue(demo.body().contains("Around the hearth"));
    assertTrue(demo.body().contains("class=\"hearth-replies\""), "the demo thread has nested replies");
    assertTrue(demo.body().contains("<time datetime="));
  }
}
