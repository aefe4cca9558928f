package dev.hearth.workspace;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.hearth.Hearth;
import dev.hearth.auth.AdminSessions;
import dev.hearth.db.DatabaseTarget;
import dev.hearth.support.Api;
import dev.hearth.support.LiveClient;
import dev.hearth.support.TestHearth;
import dev.hearth.support.TestPostgres;
import io.vertx.core.Vertx;
import io.vertx.core.json.JsonObject;
import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.ResultSet;
import java.sql.Statement;
import java.util.Map;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;

/**
 * The instance admin in the workspace through real HTTP and WebSockets: the admin token opens
 * a session and never becomes the cookie; signing out, expiry and rotating the admin token end
 * the session for pages, form posts and the live socket alike.
 */
class AdminSessionTest {
  @RegisterExtension
  static TestHearth hearth = new TestHearth();

  static final String SITE = "adm";
  static final String SIGNED_OUT = "Sign in to moderate";
  static Vertx vertx;

  @BeforeAll
  static void setUp() {
    vertx = Vertx.vertx();
    hearth.api().createSite(SITE, "https://adm.example");
    hearth.api().updateSettings(SITE, new JsonObject().put("premoderation", "all"));
  }

  @AfterAll
  static void tearDown() {
    vertx.close().await();
  }

  @BeforeEach
  void forgetRateLimits() {
    TestPostgres.execute(hearth.database(), "delete from rate_events");
  }

  @Test
  void theAdminTokenOpensASessionWhoseOwnTokenIsTheCookie() {
    Api api = hearth.api();
    long before = number("select count(*) from admin_sessions");
    Api.Response signIn = WorkspaceSession.signInAsAdmin(api, SITE, TestHearth.ADMIN_TOKEN);
    assertEquals(303, signIn.status(), signIn.body());
    String setCookie = signIn.header("set-cookie");
    assertTrue(setCookie.startsWith("hearth_mod=hth_adm_"), setCookie);
    assertFalse(setCookie.contains(TestHearth.ADMIN_TOKEN), "the admin token never goes into the cookie: " + setCookie);
    assertTrue(setCookie.toLowerCase().contains("httponly") && setCookie.contains("SameSite=Lax"), setCookie);
    assertEquals(before + 1, number("select count(*) from admin_sessions"));
    assertEquals(AdminSessions.LIFETIME.toSeconds(),
        number("select extract(epoch from expires_at - created_at)::bigint from admin_sessions order by id desc limit 1"));

    WorkspaceSession session = new WorkspaceSession(api, setCookie.substring(0, setCookie.indexOf(';')));
    long id = hearth.api().comment(SITE, "admin-acts", null, "Writer", "Waiting for the admin").getLong("id");
    Api.Response queue = session.get("/moderate?site=" + SITE + "&queue=pending");
    assertEquals(200, queue.status(), queue.body());
    assertTrue(queue.body().contains("Waiting for the admin"), queue.body());
    Api.Response approved = session.post("/moderate/comments/" + id + "/approve", Map.of(),
        "csrf", session.csrf(SITE), "queue", "pending");
    assertEquals(303, approved.status(), approved.body());
    assertEquals(200, session.get("/moderate/log?site=" + SITE).status());

    Api.Response wrong = WorkspaceSession.signInAsAdmin(api, SITE, TestHearth.ADMIN_TOKEN + "x");
    assertEquals(401, wrong.status());
    assertNull(wrong.header("set-cookie"));
  }

  @Test
  void signingOutEndsTheSessionForPagesPostsAndTheLiveSocket() {
    Api api = hearth.api();
    WorkspaceSession session = WorkspaceSession.admin(api, SITE, TestHearth.ADMIN_TOKEN);
    String csrf = session.csrf(SITE);
    assertEquals(200, session.get("/moderate?site=" + SITE + "&queue=pending").status());
    assertEquals("subscribed", followModerationQueue(session.cookie()), "signed in, the socket is the admin's");

    Api.Response out = session.post("/moderate/logout", Map.of(), "csrf", csrf);
    assertEquals(303, out.status(), out.body());
    assertTrue(out.header("set-cookie").contains("Max-Age=0"), out.header("set-cookie"));

    // A browser would drop the cookie; someone who copied it keeps sending it.
    Api.Response page = session.get("/moderate?site=" + SITE + "&queue=pending");
    assertEquals(200, page.status());
    assertTrue(page.body().contains(SIGNED_OUT), page.body());
    long id = hearth.api().comment(SITE, "after-sign-out", null, "Writer", "Still held").getLong("id");
    Api.Response post = session.post("/moderate/comments/" + id + "/approve",
        Map.of("Accept", "application/json"), "csrf", csrf);
    assertEquals(401, post.status(), post.body());
    assertEquals("unauthorized", followModerationQueue(session.cookie()));
  }

  @Test
  void theAdminTokenItselfIsRefusedAsACookie() {
    WorkspaceSession raw = new WorkspaceSession(hearth.api(), "hearth_mod=" + TestHearth.ADMIN_TOKEN);
    Api.Response page = raw.get("/moderate?site=" + SITE + "&queue=pending");
    assertEquals(200, page.status());
    assertTrue(page.body().contains(SIGNED_OUT), page.body());
    long id = hearth.api().comment(SITE, "raw-token", null, "Writer", "Not for a raw token").getLong("id");
    Api.Response post = raw.post("/moderate/comments/" + id + "/approve", Map.of("Accept", "application/json"),
        "csrf", CsrfGuard.tokenFor(TestHearth.ADMIN_TOKEN));
    assertEquals(401, post.status(), post.body());
    assertEquals("unauthorized", followModerationQueue(raw.cookie()));
  }

  @Test
  void anExpiredSessionIsSignedOut() {
    WorkspaceSession session = WorkspaceSession.admin(hearth.api(), SITE, TestHearth.ADMIN_TOKEN);
    assertFalse(session.get("/moderate?site=" + SITE + "&queue=pending").body().contains(SIGNED_OUT));
    TestPostgres.execute(hearth.database(),
        "update admin_sessions set expires_at = now() - interval '1 second' where expires_at > now()");
    assertTrue(session.get("/moderate?site=" + SITE + "&queue=pending").body().contains(SIGNED_OUT));
    assertEquals("unauthorized", followModerationQueue(session.cookie()));
  }

  @Test
  void rotatingTheAdminTokenEndsTheSessionsItOpened() {
    WorkspaceSession session = WorkspaceSession.admin(hearth.api(), SITE, TestHearth.ADMIN_TOKEN);
    try (Hearth rotated = TestHearth.startNode(hearth.database(), "rotated-admin-token-9876543210")) {
      Api rotatedApi = new Api("http://127.0.0.1:" + rotated.config().port(), "rotated-admin-token-9876543210");
      WorkspaceSession same = new WorkspaceSession(rotatedApi, session.cookie());
      assertTrue(same.get("/moderate?site=" + SITE + "&queue=pending").body().contains(SIGNED_OUT));
      WorkspaceSession fresh = WorkspaceSession.admin(rotatedApi, SITE, "rotated-admin-token-9876543210");
      assertFalse(fresh.get("/moderate?site=" + SITE + "&queue=pending").body().contains(SIGNED_OUT),
          "the new token opens sessions of its own on the same database");
    }
    assertFalse(session.get("/moderate?site=" + SITE + "&queue=pending").body().contains(SIGNED_OUT),
        "where the old token is still configured, its session still counts");
  }

  /** Opens /live from Hearth's own origin with the cookie and asks for the moderation queue: "subscribed" or the error code. */
  private static String followModerationQueue(String cookie) {
    String base = hearth.api().base();
    try (LiveClient live = LiveClient.connect(vertx, base, base, Map.of("Cookie", cookie))) {
      live.send(new JsonObject().put("type", "subscribe").put("site", SITE).put("queue", "moderation"));
      JsonObject answer = live.next(10);
      return answer == null ? "no answer" : answer.getString("type").equals("error") ? answer.getString("error")
          : answer.getString("type");
    }
  }

  private static long number(String sql) {
    DatabaseTarget db = hearth.database();
    try (Connection connection = DriverManager.getConnection(db.jdbcUrl(), db.user(), db.password());
         Statement statement = connection.createStatement(); ResultSet rows = statement.executeQuery(sql)) {
      rows.next();
      return rows.getLong(1);
    } catch (java.sql.SQLException e) {
      throw new IllegalStateException(sql + ": " + e.getMessage(), e);
    }
  }
}
