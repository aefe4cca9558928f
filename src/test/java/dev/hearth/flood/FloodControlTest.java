package dev.hearth.flood;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNotNull;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.hearth.Hearth;
import dev.hearth.support.Api;
import dev.hearth.support.TestHearth;
import io.vertx.core.json.JsonObject;
import java.nio.charset.StandardCharsets;
import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.PreparedStatement;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.concurrent.Callable;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.concurrent.atomic.AtomicInteger;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;

/**
 * Flood control through the real API, on sites with the default limits. The extension's node
 * trusts no proxy, so every test client is one address (127.0.0.1). A second node trusts
 * 127.0.0.1 as a reverse proxy, so X-Forwarded-For gives each simulated reader its own
 * address: that is how the per-writer limits are told apart from the per-address ones.
 */
class FloodControlTest {
  @RegisterExtension
  static TestHearth hearth = new TestHearth();

  static Hearth proxied;
  static Api behindProxy;
  static final AtomicInteger addresses = new AtomicInteger();
  static final AtomicInteger sites = new AtomicInteger();

  @BeforeAll
  static void startProxiedNode() {
    proxied = TestHearth.startNode(hearth.database(), Map.of("HEARTH_TRUSTED_PROXIES", "127.0.0.1, 10.0.0.0/8"));
    behindProxy = new Api("http://127.0.0.1:" + proxied.config().port(), TestHearth.ADMIN_TOKEN);
  }

  @AfterAll
  static void stopProxiedNode() {
    if (proxied != null) {
      proxied.close();
    }
  }

  /** A new site with the default limits, optionally changed. */
  static String site(JsonObject settings) {
    String id = "flood" + sites.incrementAndGet();
    hearth.api().createSiteWithFloodControl(id, "https://" + id + ".example");
    if (!settings.isEmpty()) {
      hearth.api().updateSettings(id, settings);
    }
    return id;
  }

  /** A documentation-range address no other test uses. */
  static String newAddress() {
    int n = addresses.incrementAndGet();
    return "198.51.100." + n;
  }

  static Api.Response post(Api api, String site, String token, String author, String body, Map<String, String> headers) {
    JsonObject json = Api.newComment(site, "article", null, author, body);
    Map<String, String> all = new HashMap<>(headers);
    if (token != null) {
      all.put("Authorization", "Bearer " + token);
    }
    return api.send("POST", "/api/v1/comments", "application/json", json.toString().getBytes(StandardCharsets.UTF_8), all);
  }

  static Api.Response postFrom(String address, String site, String token, String body) {
    return post(behindProxy, site, token, token == null ? "Reader" : null, body, Map.of("X-Forwarded-For", address));
  }

  static String anonymousToken(String site) {
    Api.Response response = hearth.api().postJson("/api/v1/auth/anonymous",
        new JsonObject().put("site", site).put("name", "Reader"));
    assertEquals(201, response.status(), response.body());
    return response.json().getString("token");
  }

  static long userId(String site, String token) {
    Api.Response me = hearth.api().json("GET", "/api/v1/auth/me", null, token);
    assertEquals(200, me.status(), me.body());
    return me.json().getJsonObject("user").getLong("id");
  }

  static int visibleComments(String site) {
    Api.Response thread = hearth.api().get("/api/v1/threads?site=" + site + "&page=article");
    return thread.status() == 404 ? 0 : thread.json().getJsonObject("page").getInteger("commentCount");
  }

  /** Makes an account look older than a day, as if it had signed up yesterday. */
  static void ageAccount(long userId) throws Exception {
    var db = hearth.database();
    try (Connection connection = DriverManager.getConnection(db.jdbcUrl(), db.user(), db.password());
         PreparedStatement update = connection.prepareStatement(
             "update users set created_at = now() - interval '2 days' where id = ?")) {
      update.setLong(1, userId);
      assertEquals(1, update.executeUpdate());
    }
  }

  static void assertRateLimited(Api.Response response, long minWait, long maxWait) {
    assertEquals(429, response.status(), response.body());
    assertEquals("rate_limited", response.json().getString("error"));
    long retryAfter = response.json().getLong("retryAfter");
    assertTrue(retryAfter >= minWait && retryAfter <= maxWait, "retryAfter " + retryAfter + " not in [" + minWait
        + ", " + maxWait + "]: " + response.body());
    assertEquals(String.valueOf(retryAfter), response.header("Retry-After"), "Retry-After header");
  }

  @Test
  void oneAddressPostingFasterThanTheIntervalGets429WithRetryAfterAndNothingIsWritten() {
    String site = site(new JsonObject());
    Api api = hearth.api();
    assertEquals(201, post(api, site, null, "First", "Hello there", Map.of()).status());
    // A new anonymous writer each time (no token): only the address ties them together.
    Api.Response second = post(api, site, null, "Second", "Another voice", Map.of());
    assertRateLimited(second, 1, 10);
    assertEquals(1, visibleComments(site));
  }

  @Test
  void forwardedForIsIgnoredUnlessThePeerIsATrustedProxy() {
    String site = site(new JsonObject());
    Api api = hearth.api();
    assertEquals(201, post(api, site, null, "A", "one", Map.of("X-Forwarded-For", newAddress())).status());
    Api.Response spoofed = post(api, site, null, "B", "two", Map.of("X-Forwarded-For", newAddress()));
    assertRateLimited(spoofed, 1, 10);
  }

  @Test
  void behindATrustedProxyEachForwardedAddressHasItsOwnInterval() {
    String site = site(new JsonObject());
    String reader = newAddress();
    assertEquals(201, postFrom(reader, site, null, "from one reader").status());
    assertEquals(201, postFrom(newAddress(), site, null, "from another reader").status());
    assertRateLimited(postFrom(reader, site, null, "the first reader again"), 1, 10);
    // A client cannot escape by prepending addresses: only the right end, written by the proxy, counts.
    assertRateLimited(post(behindProxy, site, null, "Reader", "spoofed hop",
        Map.of("X-Forwarded-For", newAddress() + ", " + reader)), 1, 10);
    // Hops of trusted proxies (10.0.0.0/8 here) are skipped to find the client.
    assertRateLimited(post(behindProxy, site, null, "Reader", "through two proxies",
        Map.of("X-Forwarded-For", reader + ", 10.1.2.3")), 1, 10);
  }

  @Test
  void oneWriterIsLimitedWhateverAddressTheyPostFromAndYoungAccountsWaitThreeTimesLonger() throws Exception {
    String site = site(new JsonObject());
    String young = anonymousToken(site);
    assertEquals(201, postFrom(newAddress(), site, young, "first words").status());
    assertRateLimited(postFrom(newAddress(), site, young, "second words"), 11, 30);

    String established = anonymousToken(site);
    ageAccount(userId(site, established));
    assertEquals(201, postFrom(newAddress(), site, established, "an old hand").status());
    assertRateLimited(postFrom(newAddress(), site, established, "an old hand again"), 1, 10);
  }

  @Test
  void aNewAccountHasADailyCapAndAnEstablishedOneDoesNot() throws Exception {
    String site = site(new JsonObject().put("commentIntervalSeconds", 0).put("newAccountDailyLimit", 3));
    String young = anonymousToken(site);
    for (int i = 1; i <= 3; i++) {
      assertEquals(201, postFrom(newAddress(), site, young, "comment " + i).status());
    }
    Api.Response capped = postFrom(newAddress(), site, young, "comment 4");
    assertRateLimited(capped, 23 * 3600, 24 * 3600);
    assertTrue(capped.json().getString("message").contains("first day"), capped.body());

    String established = anonymousToken(site);
    ageAccount(userId(site, established));
    for (int i = 1; i <= 4; i++) {
      assertEquals(201, postFrom(newAddress(), site, established, "older comment " + i).status());
    }
    assertEquals(7, visibleComments(site));
  }

  @Test
  void theSameTextTwiceWithinTheWindowIs409NamingTheFirstComment() {
    String site = site(new JsonObject().put("commentIntervalSeconds", 0));
    String token = anonymousToken(site);
    Api.Response first = postFrom(newAddress(), site, token, "I agree with every word.");
    assertEquals(201, first.status(), first.body());
    Api.Response again = postFrom(newAddress(), site, token, "I agree with every word.");
    assertEquals(409, again.status(), again.body());
    assertEquals("duplicate_comment", again.json().getString("error"));
    assertEquals(first.json().getLong("id"), again.json().getLong("commentId"));

    // Fresh anonymous names from one address are still one writer repeating themselves.
    String address = newAddress();
    assertEquals(201, postFrom(address, site, null, "Buy cheap watches").status());
    assertEquals(409, postFrom(address, site, null, "Buy cheap watches").status());
    // Someone else may say the same thing.
    assertEquals(201, postFrom(newAddress(), site, null, "Buy cheap watches").status());
    assertEquals(3, visibleComments(site));
  }

  @Test
  void aRetryWithTheSameIdempotencyKeyAnswersTheFirstResultNotDuplicate() {
    String site = site(new JsonObject());
    Map<String, String> headers = Map.of("X-Forwarded-For", newAddress(), "Idempotency-Key", "retry-" + site);
    Api.Response first = post(behindProxy, site, null, "Reader", "Posted over a bad connection", headers);
    Api.Response retry = post(behindProxy, site, null, "Reader", "Posted over a bad connection", headers);
    assertEquals(201, first.status(), first.body());
    assertEquals(201, retry.status(), retry.body());
    assertEquals(first.json().getLong("id"), retry.json().getLong("id"));
  }

  @Test
  void theDuplicateWindowAndIntervalCanBeTurnedOff() {
    String site = site(new JsonObject().put("commentIntervalSeconds", 0).put("duplicateWindowSeconds", 0));
    Api api = hearth.api();
    for (int i = 0; i < 3; i++) {
      Api.Response response = post(api, site, null, "Echo", "echo", Map.of());
      assertEquals(201, response.status(), response.body());
    }
  }

  /**
   * With the window off, a comment another writer committed while ours was already in its
   * transaction is no duplicate either (it was, because it is stamped later than our now()).
   * Busy sites without limits met this by chance, e.g. TenThousandCommentsTest's writers
   * posting "chain comment N" side by side; here a held Idempotency-Key row makes the first
   * request wait, inside its transaction, for the second one to commit.
   */
  @Test
  void aZeroWindowIgnoresTheSameTextCommittedWhileWeWaited() throws Exception {
    String site = site(new JsonObject().put("commentIntervalSeconds", 0).put("duplicateWindowSeconds", 0));
    String key = "wait-for-" + site;
    var db = hearth.database();
    ExecutorService waiting = Executors.newSingleThreadExecutor();
    try (Connection blocker = DriverManager.getConnection(db.jdbcUrl(), db.user(), db.password())) {
      blocker.setAutoCommit(false);
      try (PreparedStatement claim = blocker.prepareStatement(
          "insert into idempotency_keys (scope, key, request_hash) values ('POST /api/v1/comments', ?, '\\x00')")) {
        claim.setString(1, key);
        assertEquals(1, claim.executeUpdate());
      }
      Future<Api.Response> first = waiting.submit(
          () -> post(hearth.api(), site, null, "Ann", "Same words", Map.of("Idempotency-Key", key)));
      awaitWaitingForALock(db, "insert into idempotency_keys");
      Api.Response second = post(hearth.api(), site, null, "Bob", "Same words", Map.of());
      assertEquals(201, second.status(), second.body());
      blocker.rollback();
      Api.Response firstAnswer = first.get(30, java.util.concurrent.TimeUnit.SECONDS);
      assertEquals(201, firstAnswer.status(), firstAnswer.body());
    } finally {
      waiting.shutdownNow();
    }
    assertEquals(2, visibleComments(site));
  }

  /** Waits until a statement starting with {@code sqlStart} waits for a lock in the test database. */
  static void awaitWaitingForALock(dev.hearth.db.DatabaseTarget db, String sqlStart) throws Exception {
    long deadline = System.nanoTime() + java.util.concurrent.TimeUnit.SECONDS.toNanos(30);
    try (Connection connection = DriverManager.getConnection(db.jdbcUrl(), db.user(), db.password());
         PreparedStatement waiting = connection.prepareStatement("select count(*) from pg_stat_activity "
             + "where datname = current_database() and wait_event_type = 'Lock' and query like ?")) {
      waiting.setString(1, sqlStart + "%");
      while (System.nanoTime() < deadline) {
        try (var rows = waiting.executeQuery()) {
          rows.next();
          if (rows.getInt(1) > 0) {
            return;
          }
        }
        Thread.sleep(20);
      }
    }
    throw new AssertionError("no statement like '" + sqlStart + "' came to wait for a lock");
  }

  @Test
  void staffAreNotHeldToIntervals() {
    String site = site(new JsonObject());
    String token = anonymousToken(site);
    hearth.api().grant(site, userId(site, token), "moderator");
    for (int i = 0; i < 3; i++) {
      Api.Response response = post(hearth.api(), site, token, null, "Moderator note " + i, Map.of());
      assertEquals(201, response.status(), response.body());
    }
  }

  @Test
  void concurrentPostsOfOneWriterOnTwoNodesLetExactlyOneThrough() throws Exception {
    String site = site(new JsonObject());
    String token = anonymousToken(site);
    ExecutorService pool = Executors.newFixedThreadPool(8);
    try {
      List<Future<Integer>> results = new ArrayList<>();
      for (int i = 0; i < 8; i++) {
        Api api = i % 2 == 0 ? hearth.api() : behindProxy;
        String address = newAddress();
        String body = "race " + i;
        Callable<Integer> call = () -> post(api, site, token, null, body, Map.of("X-Forwarded-For", address)).status();
        results.add(pool.submit(call));
      }
      int created = 0;
      int limited = 0;
      for (Future<Integer> result : results) {
        int status = result.get();
        created += status == 201 ? 1 : 0;
        limited += status == 429 ? 1 : 0;
      }
      assertEquals(1, created, "exactly one post gets through");
      assertEquals(7, limited, "the others are rate limited");
      assertEquals(1, visibleComments(site));
    } finally {
      pool.shutdownNow();
    }
  }

  @Test
  void theLimitsAreSiteSettingsOnlyOwnersSee() {
    String site = site(new JsonObject().put("duplicateWindowSeconds", 60).put("newAccountDailyLimit", 5));
    JsonObject privileged = hearth.api().json("GET", "/api/v1/sites/" + site, null, TestHearth.ADMIN_TOKEN).json().getJsonObject("settings");
    assertEquals(60, privileged.getInteger("duplicateWindowSeconds"));
    assertEquals(5, privileged.getInteger("newAccountDailyLimit"));
    assertEquals(10, privileged.getInteger("commentIntervalSeconds"));
    JsonObject shown = hearth.api().get("/api/v1/sites/" + site).json().getJsonObject("settings");
    assertNotNull(shown.getInteger("commentIntervalSeconds"));
    assertEquals(null, shown.getValue("newAccountDailyLimit"));
    Api.Response refused = hearth.api().adminJson("PATCH", "/api/v1/sites/" + site,
        new JsonObject().put("settings", new JsonObject().put("newAccountDailyLimit", 0)));
    assertEquals(400, refused.status(), refused.body());
  }
}
