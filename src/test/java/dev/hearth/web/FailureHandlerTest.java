package dev.hearth.web;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNull;

import dev.hearth.support.Api;
import io.vertx.core.Vertx;
import io.vertx.core.VertxException;
import io.vertx.core.http.ConnectionPoolTooBusyException;
import io.vertx.core.http.HttpServer;
import io.vertx.ext.web.Router;
import io.vertx.pgclient.PgException;
import io.vertx.sqlclient.ClosedConnectionException;
import java.io.UncheckedIOException;
import java.net.ConnectException;
import java.net.SocketException;
import java.nio.channels.ClosedChannelException;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

/**
 * How failures are answered, for each way a lost database connection shows itself: killing a
 * node's connections (LiveTest) meets whichever one the timing picks, so each is pinned here.
 */
class FailureHandlerTest {
  static Vertx vertx;
  static HttpServer server;
  static Api api;

  @BeforeAll
  static void start() throws Exception {
    vertx = Vertx.vertx();
    Router router = Router.router(vertx);
    fail(router, "/reset", new SocketException("Connection reset"));
    fail(router, "/refused", new ConnectException("Connection refused"));
    fail(router, "/closed-channel", new ClosedChannelException());
    fail(router, "/closed-connection", ClosedConnectionException.INSTANCE);
    fail(router, "/terminated", new PgException("terminating connection due to administrator command", "FATAL",
        "57P01", null));
    fail(router, "/wrapped", new IllegalStateException("query failed", new SocketException("Connection reset")));
    fail(router, "/not-active", VertxException.noStackTrace("Connection is not active now, current status: CLOSED"));
    fail(router, "/pool-wait", new VertxException("Timeout waiting for connection", true));
    fail(router, "/pool-full", new ConnectionPoolTooBusyException("Connection pool reached max wait queue size of 4"));
    fail(router, "/statement-timeout", new PgException("canceling statement due to statement timeout", "ERROR",
        "57014", null));
    fail(router, "/template", new UncheckedIOException(new java.io.FileNotFoundException("comment.hbs")));
    fail(router, "/bug", new NullPointerException());
    router.route().failureHandler(new FailureHandler());
    server = vertx.createHttpServer().requestHandler(router).listen(0, "127.0.0.1").await(10, TimeUnit.SECONDS);
    api = new Api("http://127.0.0.1:" + server.actualPort(), null);
  }

  static void fail(Router router, String path, Throwable failure) {
    router.get(path).handler(ctx -> ctx.fail(failure));
  }

  @AfterAll
  static void stop() {
    vertx.close().await();
  }

  @Test
  void everyWayOfLosingTheDatabaseIsARetryableUnavailable() {
    for (String path : new String[] {"/reset", "/refused", "/closed-channel", "/closed-connection", "/terminated",
        "/wrapped", "/not-active"}) {
      Api.Response response = api.get(path);
      assertEquals(503, response.status(), path + ": " + response.body());
      assertEquals("database_unavailable", response.json().getString("error"), path);
      assertEquals("1", response.header("retry-after"), path);
    }
  }

  @Test
  void aDatabaseWithoutRoomIsARetryableBusy() {
    for (String path : new String[] {"/pool-wait", "/pool-full", "/statement-timeout"}) {
      Api.Response response = api.get(path);
      assertEquals(503, response.status(), path + ": " + response.body());
      assertEquals("busy", response.json().getString("error"), path);
      assertEquals("1", response.header("retry-after"), path);
    }
  }

  @Test
  void otherFailuresStayInternalErrors() {
    for (String path : new String[] {"/template", "/bug"}) {
      Api.Response response = api.get(path);
      assertEquals(500, response.status(), path + ": " + response.body());
      assertEquals("internal_error", response.json().getString("error"), path);
      assertNull(response.header("retry-after"), path);
    }
  }
}
