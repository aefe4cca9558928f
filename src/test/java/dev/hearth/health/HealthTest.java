package dev.hearth.health;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.hearth.db.PoolLimits;
import dev.hearth.db.Pools;
import dev.hearth.support.Api;
import dev.hearth.support.TestHearth;
import dev.hearth.web.Draining;
import io.vertx.core.Vertx;
import io.vertx.core.http.HttpServer;
import io.vertx.ext.web.Router;
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

  /**
   * A draining node stops accepting connections at once, so a probe rarely reaches it; one that
   * does (on a connection already open) must not call it ready. Served here by the real routes.
   */
  @Test
  void readinessSaysShuttingDownOnceTheNodeDrains() {
    Vertx vertx = Vertx.vertx();
    try {
      Draining draining = new Draining();
      Router router = Router.router(vertx);
      new HealthRoutes(new ReadinessRepository(Pools.create(vertx, hearth.database(), PoolLimits.DEFAULT)), draining).mount(router);
      HttpServer server = vertx.createHttpServer().requestHandler(router).listen(0, "127.0.0.1").await();
      Api probe = new Api("http://127.0.0.1:" + server.actualPort(), TestHearth.ADMIN_TOKEN);
      assertEquals(200, probe.get("/ready").status());
      draining.begin();
      Api.Response ready = probe.get("/ready");
      assertEquals(503, ready.status());
      assertEquals("shutting_down", ready.json().getString("error"));
      assertEquals(200, probe.get("/health").status(), "still alive: it is answering what it accepted");
    } finally {
      vertx.close().await();
    }
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
