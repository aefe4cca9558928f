package dev.hearth.metrics;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.hearth.Hearth;
import dev.hearth.support.Api;
import dev.hearth.support.LiveClient;
import dev.hearth.support.TestHearth;
import io.vertx.core.Vertx;
import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Statement;
import java.util.List;
import java.util.Map;
import java.util.OptionalDouble;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;

/** GET /metrics through real HTTP against real PostgreSQL, and event retention seen through it. */
class MetricsTest {
  @RegisterExtension
  static TestHearth hearth = new TestHearth();

  static final String SITE = "metrics";
  static final String ORIGIN = "https://metrics.example";
  static Vertx vertx;

  @BeforeAll
  static void setUp() {
    vertx = Vertx.vertx();
    hearth.api().createSite(SITE, ORIGIN);
  }

  @AfterAll
  static void tearDown() {
    vertx.close().await();
  }

  @Test
  void metricsNeedTheAdminToken() {
    Api.Response anonymous = hearth.api().get("/metrics");
    assertEquals(401, anonymous.status());
    assertEquals("unauthorized", anonymous.json().getString("error"));
    Api.Response user = hearth.api().json("GET", "/metrics", null, "hth_not_the_admin_token");
    assertEquals(403, user.status());
    assertEquals("forbidden", user.json().getString("error"));
  }

  @Test
  void metricsNameWhatOperatorsAndTheSoakRead() {
    hearth.api().comment(SITE, "counted", null, "Ann", "One event at least");
    Api.Response response = scrape(hearth.api());
    assertEquals(200, response.status(), response.body());
    assertTrue(response.header("content-type").startsWith("text/plain; version=0.0.4"), response.header("content-type"));
    String text = response.body();
    for (String name : List.of("jvm_memory_used_bytes{area=\"heap\"", "jvm_gc_live_data_size_bytes", "jvm_threads_live_threads",
        "process_files_open_files", "process_uptime_seconds", "vertx_pool_queue_pending{", "vertx_pool_in_use{",
        "pool_name=\"hearth\"", "hearth_events_rows", "hearth_events_oldest_age_seconds",
        "hearth_events_retention_seconds 604800", "hearth_events_pruned_total")) {
      assertTrue(text.contains(name), name + " is missing from:\n" + text);
    }
    if (System.getProperty("os.name").toLowerCase().contains("linux")) {
      assertTrue(value(text, "process_memory_rss_bytes").orElse(0) > 10_000_000, "RSS in bytes");
    }
    assertTrue(value(text, "hearth_events_rows").orElse(0) >= 1, "the comment's event is counted");
  }

  @Test
  void aShortRetentionPrunesOldEventsAndResetsResumePointsPastIt() throws Exception {
    Hearth shortMemory = TestHearth.startNode(hearth.database(), Map.of("HEARTH_EVENT_RETENTION_MINUTES", "1"));
    try {
      String base = "http://127.0.0.1:" + shortMemory.config().port();
      Api api = new Api(base, TestHearth.ADMIN_TOKEN);
      api.comment(SITE, "aged", null, "Ann", "Soon a minute old");
      long aged = newestEvent("aged");
      execute("update events set created_at = now() - interval '2 minutes' where page_id = "
          + "(select id from pages where site_id = '" + SITE + "' and key = 'aged')");
      // Resuming needs a check only when something was missed: the page moves on after it.
      api.comment(SITE, "aged", null, "Ann", "Missed by whoever left two minutes ago");
      long missed = newestEvent("aged");
      api.comment(SITE, "recent", null, "Ben", "Just now");
      long recent = newestEvent("recent");
      api.comment(SITE, "recent", null, "Ben", "And again");
      long recentLast = newestEvent("recent");

      try (LiveClient live = LiveClient.connect(vertx, base, ORIGIN)) {
        assertEquals("reset", live.subscribe(SITE, "aged", aged).getString("type"), "past the retention");
        assertEquals("subscribed", live.subscribe(SITE, "recent", recent).getString("type"), "within it");
      }
      assertEquals(60, value(scrape(api).body(), "hearth_events_retention_seconds").orElse(0));

      // A minute's retention prunes every 15 s; the aged event must go, the recent one stay.
      long deadline = System.nanoTime() + 60_000_000_000L;
      double pruned = 0;
      while (pruned < 1 && System.nanoTime() < deadline) {
        Thread.sleep(1_000);
        pruned = value(scrape(api).body(), "hearth_events_pruned_total").orElse(0);
      }
      assertTrue(pruned >= 1, "the aged event was pruned");
      assertEquals(missed, newestEvent("aged"), "only the aged event went");
      assertEquals(recentLast, newestEvent("recent"), "events within the retention stay");
    } finally {
      shortMemory.close();
    }
  }

  private static Api.Response scrape(Api api) {
    return api.json("GET", "/metrics", null, TestHearth.ADMIN_TOKEN);
  }

  /** The value of an unlabelled sample in Prometheus text. */
  private static OptionalDouble value(String text, String name) {
    Matcher sample = Pattern.compile("(?m)^" + Pattern.quote(name) + " (\\S+)$").matcher(text);
    return sample.find() ? OptionalDouble.of(Double.parseDouble(sample.group(1))) : OptionalDouble.empty();
  }

  private static long newestEvent(String page) throws SQLException {
    try (Connection connection = connect(); Statement statement = connection.createStatement();
         ResultSet rows = statement.executeQuery("select coalesce(max(e.id), 0) from events e join pages p "
             + "on p.id = e.page_id where p.site_id = '" + SITE + "' and p.key = '" + page + "'")) {
      rows.next();
      return rows.getLong(1);
    }
  }

  private static void execute(String sql) throws SQLException {
    try (Connection connection = connect(); Statement statement = connection.createStatement()) {
      statement.execute(sql);
    }
  }

  private static Connection connect() throws SQLException {
    var database = hearth.database();
    return DriverManager.getConnection(database.jdbcUrl(), database.user(), database.password());
  }
}
