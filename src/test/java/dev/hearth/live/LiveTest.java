package dev.hearth.live;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.hearth.Hearth;
import dev.hearth.support.Api;
import dev.hearth.support.LiveClient;
import dev.hearth.support.TestHearth;
import dev.hearth.support.TestPostgres;
import io.vertx.core.Vertx;
import io.vertx.core.json.JsonObject;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;

/** Live updates through real WebSockets against real nodes and PostgreSQL. */
class LiveTest {
  @RegisterExtension
  static TestHearth hearth = new TestHearth();

  static final String SITE = "live";
  static final String ORIGIN = "https://reader.example";
  static Vertx vertx;

  @BeforeAll
  static void setUp() {
    vertx = Vertx.vertx();
    hearth.api().createSite(SITE, ORIGIN);
    hearth.api().createSite("elsewhere", "https://elsewhere.example");
  }

  @AfterAll
  static void tearDown() {
    vertx.close().await();
  }

  LiveClient connect(String base) {
    return LiveClient.connect(vertx, base, ORIGIN);
  }

  static long post(Api api, String page, String body) {
    return api.comment(SITE, page, null, "Poster", body).getLong("id");
  }

  @Test
  void aSubscriberSeesANewCommentRenderedOnce() {
    try (LiveClient live = connect(hearth.api().base())) {
      live.subscribed(SITE, "fresh", null);
      long id = post(hearth.api(), "fresh", "Hello *live* <b>world</b>");
      JsonObject event = live.events(1, 10).get(0);
      assertEquals("comment.created", event.getString("kind"));
      assertEquals("fresh", event.getString("page"));
      assertEquals(id, event.getJsonObject("comment").getLong("id"));
      assertTrue(event.getJsonObject("comment").getString("html").contains("<em>live</em>"));
      assertTrue(event.getString("fragment").contains("id=\"comment-" + id + "\""));
      assertTrue(event.getString("fragment").contains("&lt;b&gt;world"), "user text escaped in the fragment");
    }
  }

  @Test
  void aSubscriberOnNodeBSeesACommentPostedOnNodeA() {
    Hearth nodeB = TestHearth.startNode(hearth.database());
    try (LiveClient live = connect("http://127.0.0.1:" + nodeB.config().port())) {
      live.subscribed(SITE, "two-nodes", null);
      long id = post(hearth.api(), "two-nodes", "Posted on A");
      List<JsonObject> events = live.events(1, 10);
      assertEquals(1, events.size());
      assertEquals(id, events.get(0).getJsonObject("comment").getLong("id"));
    } finally {
      nodeB.close();
    }
  }

  @Test
  void aResumingClientGetsExactlyWhatItMissedInOrder() {
    Api api = hearth.api();
    long seen;
    try (LiveClient first = connect(api.base())) {
      first.subscribed(SITE, "gap", null);
      post(api, "gap", "Before the gap");
      seen = first.events(1, 10).get(0).getLong("id");
    }
    List<Long> missed = new ArrayList<>();
    for (int i = 0; i < 5; i++) {
      missed.add(post(api, "gap", "Missed " + i));
    }
    try (LiveClient again = connect(api.base())) {
      again.subscribed(SITE, "gap", seen);
      List<JsonObject> replayed = again.events(5, 10);
      assertEquals(missed, replayed.stream().map(e -> e.getJsonObject("comment").getLong("id")).toList());
      long after = post(api, "gap", "Live again");
      List<JsonObject> live = again.events(1, 10);
      assertEquals(after, live.get(0).getJsonObject("comment").getLong("id"));
      assertNull(again.next(1), "nothing twice");
    }
  }

  /**
   * A resume shows what is true now. Frames are rendered once per event and kept, so a resume
   * used to replay a comment's original text after it had been edited, deleted or rejected;
   * and readers of a page used to receive report.created, a staff matter.
   */
  @Test
  void aResumeShowsNoTextThatIsNoLongerTrueAndReadersNeverSeeReports() {
    Api api = hearth.api();
    long seen;
    JsonObject edited;
    JsonObject deleted;
    long rejected;
    try (LiveClient first = connect(api.base())) {
      first.subscribed(SITE, "truth", null);
      post(api, "truth", "Before the gap");
      seen = first.events(1, 10).get(0).getLong("id");
      edited = api.postJson("/api/v1/comments", Api.newComment(SITE, "truth", null, "Ed", "Original wording")).json();
      deleted = api.postJson("/api/v1/comments", Api.newComment(SITE, "truth", null, "Del", "Regretted words")).json();
      rejected = post(api, "truth", "Rejected words");
      assertEquals(3, first.events(3, 10).size(), "delivered live first, so this node has rendered them");
      String reporter = api.postJson("/api/v1/comments", Api.newComment(SITE, "truth", null, "Rep", "A reader"))
          .json().getString("ownerToken");
      first.events(1, 10);
      assertEquals(201, api.json("POST", "/api/v1/comments/" + edited.getLong("id") + "/reports",
          new JsonObject().put("reason", "spam"), reporter).status());
      JsonObject next = first.next(2);
      assertTrue(next == null || !"report.created".equals(next.getString("kind")),
          "a report never reaches the page's readers: " + next);
    }
    assertEquals(200, api.json("PATCH", "/api/v1/comments/" + edited.getLong("id"),
        new JsonObject().put("body", "Corrected wording"), edited.getString("ownerToken")).status());
    assertEquals(204, api.json("DELETE", "/api/v1/comments/" + deleted.getLong("id"), null,
        deleted.getString("ownerToken")).status());
    api.adminJson("POST", "/api/v1/moderation/comments/" + rejected + "/reject", new JsonObject().put("reason", "Rude"));
    try (LiveClient again = connect(api.base())) {
      again.subscribed(SITE, "truth", seen);
      List<JsonObject> replayed = new ArrayList<>();
      for (JsonObject frame = again.next(3); frame != null; frame = again.next(2)) {
        replayed.add(frame);
      }
      String all = replayed.toString();
      assertTrue(all.contains("Corrected wording"), "the edit is replayed: " + all);
      for (String gone : new String[] {"Original wording", "Regretted words", "Rejected words"}) {
        assertTrue(!all.contains(gone), "'" + gone + "' is no longer true and is not replayed: " + all);
      }
      assertTrue(replayed.stream().noneMatch(f -> "report.created".equals(f.getString("kind"))), all);
    }
  }

  /**
   * A reader whose node died resumes across many events at once. Written in one burst they
   * overfilled the socket's write queue and the resume was closed as too slow (1013), to be
   * resumed with the same gap again, forever.
   */
  @Test
  void aResumeAcrossALongGapGetsEveryMissedEventWithoutBeingTakenForSlow() {
    Api api = hearth.api();
    long seen;
    try (LiveClient first = connect(api.base())) {
      first.subscribed(SITE, "long-gap", null);
      post(api, "long-gap", "Before the gap");
      seen = first.events(1, 10).get(0).getLong("id");
    }
    List<Long> missed = new ArrayList<>();
    for (int i = 0; i < 200; i++) {
      missed.add(post(api, "long-gap", "Missed " + i + ": " + "a long comment ".repeat(40)));
    }
    try (LiveClient again = connect(api.base())) {
      again.subscribed(SITE, "long-gap", seen);
      List<JsonObject> replayed = again.events(200, 30);
      assertEquals(missed, replayed.stream().map(e -> e.getJsonObject("comment").getLong("id")).toList(),
          "closed " + again.closeCode(0) + " " + again.closeReason());
      long after = post(api, "long-gap", "Live again");
      assertEquals(after, again.events(1, 10).get(0).getJsonObject("comment").getLong("id"));
      assertNull(again.closeCode(1), "the socket stays open");
    }
  }

  /**
   * A reader that stops reading is dropped with 1013 once megabytes wait for it, rather than
   * buffered without bound; one that reads (every other test here) is never taken for slow.
   */
  @Test
  void aReaderThatStopsReadingIsClosedAsTooSlow() throws Exception {
    Api api = hearth.api();
    api.createSite("long-reads", ORIGIN);
    try (LiveClient stalled = LiveClient.connectWithReceiveBuffer(vertx, api.base(), ORIGIN, 8192)) {
      stalled.subscribed("long-reads", "stalled", null);
      stalled.socket().pause();
      // About 65 KB a frame (the text three times, three bytes a character): 280 of them pass
      // the 4 MiB allowed to wait for a reader well, on top of what the kernel buffers for it.
      String body = "€€€€€€€ ".repeat(1000);
      int posts = 280;
      for (int i = 0; i < posts; i++) {
        api.comment("long-reads", "stalled", null, "Poster", body);
      }
      Thread.sleep(500);
      stalled.socket().resume();
      assertEquals(Short.valueOf((short) 1013), stalled.closeCode(20), "closed as too slow");
      assertTrue(stalled.events(posts, 1).size() < posts, "it did not get everything buffered for it");
    }
  }

  @Test
  void aSinceThatCannotBeResumedGetsAReset() {
    post(hearth.api(), "resets", "Something");
    try (LiveClient live = connect(hearth.api().base())) {
      assertEquals("reset", live.subscribe(SITE, "resets", 999_999_999L).getString("type"));
    }
  }

  @Test
  void concurrentPostersAndSubscribersEveryEventOnceInOrder() throws Exception {
    Api api = hearth.api();
    post(api, "burst", "Opening");
    List<LiveClient> subscribers = new ArrayList<>();
    Hearth nodeB = TestHearth.startNode(hearth.database());
    ExecutorService posters = Executors.newFixedThreadPool(8);
    try {
      for (int i = 0; i < 4; i++) {
        LiveClient client = connect(i % 2 == 0 ? api.base() : "http://127.0.0.1:" + nodeB.config().port());
        client.subscribed(SITE, "burst", null);
        subscribers.add(client);
      }
      List<Future<Long>> posted = new ArrayList<>();
      for (int i = 0; i < 80; i++) {
        int n = i;
        posted.add(posters.submit(() -> post(api, "burst", "Burst " + n)));
      }
      List<Long> ids = new ArrayList<>();
      for (Future<Long> f : posted) {
        ids.add(f.get());
      }
      java.util.Collections.sort(ids);
      for (LiveClient client : subscribers) {
        List<JsonObject> events = client.events(80, 30);
        List<Long> received = events.stream().map(e -> e.getJsonObject("comment").getLong("id")).toList();
        assertEquals(ids, received.stream().sorted().toList(), "every comment exactly once");
        List<Long> eventIds = events.stream().map(e -> e.getLong("id")).toList();
        assertEquals(eventIds.stream().sorted().toList(), eventIds, "in event id order");
        assertNull(client.next(1), "nothing twice");
      }
    } finally {
      subscribers.forEach(LiveClient::close);
      posters.shutdown();
      nodeB.close();
    }
  }

  @Test
  void aLostNotificationConnectionCatchesUpWithoutLoss() {
    Api api = hearth.api();
    try (LiveClient live = connect(api.base())) {
      live.subscribed(SITE, "cut", null);
      long before = post(api, "cut", "Before the cut");
      assertEquals(before, live.events(1, 10).get(0).getJsonObject("comment").getLong("id"));
      TestPostgres.execute(hearth.database(),
          "select pg_terminate_backend(pid) from pg_stat_activity where query ilike 'listen%'");
      List<Long> during = new ArrayList<>();
      for (int i = 0; i < 3; i++) {
        during.add(post(api, "cut", "During the cut " + i));
      }
      List<JsonObject> events = live.events(3, 20);
      assertEquals(during, events.stream().map(e -> e.getJsonObject("comment").getLong("id")).toList());
    }
  }

  @Test
  void killingEveryDatabaseConnectionOfANodeLosesNothingAcknowledged() {
    Api api = hearth.api();
    try (LiveClient live = connect(api.base())) {
      live.subscribed(SITE, "killed", null);
      post(api, "killed", "Before");
      live.events(1, 10);
      TestPostgres.execute(hearth.database(), "select pg_terminate_backend(pid) from pg_stat_activity "
          + "where datname = current_database() and pid <> pg_backend_pid()");
      List<Long> acknowledged = new ArrayList<>();
      int refused = 0;
      for (int i = 0; i < 6; i++) {
        Api.Response response = api.postJson("/api/v1/comments", Api.newComment(SITE, "killed", null, "P", "After " + i));
        if (response.status() == 201) {
          acknowledged.add(response.json().getLong("id"));
        } else {
          assertEquals(503, response.status(), response.body());
          assertEquals("1", response.header("retry-after"));
          refused++;
        }
      }
      assertTrue(acknowledged.size() >= 6 - 4, "the pool recovers: " + refused + " refused");
      List<JsonObject> events = live.events(acknowledged.size(), 20);
      assertEquals(acknowledged, events.stream().map(e -> e.getJsonObject("comment").getLong("id")).toList(),
          "every acknowledged comment arrives once, in order; nothing refused was stored");
      assertNull(live.next(2));
      assertEquals(acknowledged.size() + 1, api.thread(SITE, "killed", null).getJsonObject("page").getInteger("commentCount"));
    }
  }

  @Test
  void aForeignOriginIsRefusedAtTheHandshake() {
    assertThrows(IllegalStateException.class,
        () -> LiveClient.connect(vertx, hearth.api().base(), "https://evil.example"));
    assertThrows(IllegalStateException.class, () -> LiveClient.connect(vertx, hearth.api().base(), null));
  }

  @Test
  void anotherSitesOriginCannotFollowThisSite() {
    try (LiveClient live = LiveClient.connect(vertx, hearth.api().base(), "https://elsewhere.example")) {
      JsonObject answer = live.subscribe(SITE, "private", null);
      assertEquals("error", answer.getString("type"));
      assertEquals("origin_not_allowed", answer.getString("error"));
    }
  }

  @Test
  void aHeldCommentReachesModeratorsButNeverReaders() {
    Api api = hearth.api();
    api.createSite("held", ORIGIN);
    api.adminJson("PATCH", "/api/v1/sites/held", new JsonObject()
        .put("settings", new JsonObject().put("premoderation", "all")));
    try (LiveClient reader = connect(api.base()); LiveClient moderator = connect(api.base())) {
      reader.subscribed("held", "queue-page", null);
      moderator.followModeration("held", TestHearth.ADMIN_TOKEN);
      JsonObject held = api.comment("held", "queue-page", null, "Newbie", "Please approve me");
      assertEquals("pending", held.getString("status"));
      JsonObject staffEvent = moderator.events(1, 10).get(0);
      assertEquals(held.getLong("id"), staffEvent.getJsonObject("comment").getLong("id"));
      assertEquals("Please approve me", staffEvent.getJsonObject("comment").getString("body"));
      api.adminJson("PATCH", "/api/v1/sites/held", new JsonObject()
          .put("settings", new JsonObject().put("premoderation", "off")));
      long shown = api.comment("held", "queue-page", null, "Regular", "Visible one").getLong("id");
      List<JsonObject> readerEvents = reader.events(1, 10);
      assertEquals(shown, readerEvents.get(0).getJsonObject("comment").getLong("id"),
          "the reader's first event is the visible comment: the held one never came");
    }
  }

  @Test
  void aModeratorGetsWhatWasHeldWhileTheNotificationsWereCut() {
    Api api = hearth.api();
    api.createSite("held-cut", ORIGIN);
    api.updateSettings("held-cut", new JsonObject().put("premoderation", "all"));
    try (LiveClient moderator = connect(api.base())) {
      moderator.followModeration("held-cut", TestHearth.ADMIN_TOKEN);
      TestPostgres.execute(hearth.database(),
          "select pg_terminate_backend(pid) from pg_stat_activity where query ilike 'listen%'");
      // Posted while the node reconnects its notifications: no NOTIFY reaches it.
      JsonObject held = api.comment("held-cut", "cut-queue", null, "Newbie", "Held while the node was deaf");
      assertEquals("pending", held.getString("status"));
      List<JsonObject> events = moderator.events(1, 20);
      assertEquals(1, events.size(), "the moderation stream catches up after the reconnect");
      assertEquals(held.getLong("id"), events.get(0).getJsonObject("comment").getLong("id"));
      assertNull(moderator.next(2), "nothing twice");
    }
  }

  @Test
  void readersSeeRejectedCommentsGoAndApprovedOnesComeBack() {
    Api api = hearth.api();
    long id = post(api, "moderated", "Borderline remark");
    try (LiveClient reader = connect(api.base())) {
      reader.subscribed(SITE, "moderated", null);
      api.adminJson("POST", "/api/v1/moderation/comments/" + id + "/reject", new JsonObject().put("reason", "Rude"));
      JsonObject removed = reader.events(1, 10).get(0);
      assertEquals("comment.rejected", removed.getString("kind"));
      assertEquals(id, removed.getJsonObject("comment").getLong("id"));
      assertNull(removed.getJsonObject("comment").getValue("body"), "a removal carries no text");
      api.adminJson("POST", "/api/v1/moderation/comments/" + id + "/approve", new JsonObject());
      JsonObject back = reader.events(1, 10).get(0);
      assertEquals("comment.approved", back.getString("kind"));
      assertEquals("Borderline remark", back.getJsonObject("comment").getString("body"));
    }
  }

  @Test
  void moderationQueuesNeedAModerator() {
    Api api = hearth.api();
    String token = api.comment(SITE, "someone", null, "Someone", "Hi").getString("ownerToken");
    try (LiveClient live = connect(api.base())) {
      live.send(new JsonObject().put("type", "subscribe").put("site", SITE).put("queue", "moderation"));
      assertEquals("unauthorized", live.next(10).getString("error"));
      live.send(new JsonObject().put("type", "auth").put("token", token));
      assertEquals("authenticated", live.next(10).getString("type"));
      live.send(new JsonObject().put("type", "subscribe").put("site", SITE).put("queue", "moderation"));
      assertEquals("forbidden", live.next(10).getString("error"));
    }
  }

  @Test
  void floodsOversizedFramesAndTooManySubscriptionsCloseTheSocket() {
    try (LiveClient flood = connect(hearth.api().base())) {
      for (int i = 0; i < 30; i++) {
        flood.sendRaw("{\"type\":\"ping\"}");
      }
      assertEquals((short) 1008, flood.closeCode(10));
      assertEquals("too many messages", flood.closeReason());
    }
    try (LiveClient big = connect(hearth.api().base())) {
      big.sendRaw("{\"type\":\"ping\",\"pad\":\"" + "x".repeat(17 * 1024) + "\"}");
      assertEquals((short) 1009, big.closeCode(10));
    }
    try (LiveClient greedy = connect(hearth.api().base())) {
      int pages = 0;
      while (pages < LiveLimits.MAX_SUBSCRIPTIONS) {
        // Batches under the message rate, each answered before the node's clock steps to the
        // next rate window: this part is about the subscription count, not the rate.
        int batch = Math.min(LiveLimits.MAX_MESSAGES_PER_SECOND - 5, LiveLimits.MAX_SUBSCRIPTIONS - pages);
        for (int i = 0; i < batch; i++) {
          greedy.send(new JsonObject().put("type", "subscribe").put("site", SITE).put("page", "p" + (pages + i)));
        }
        for (int i = 0; i < batch; i++) {
          JsonObject answer = greedy.next(10);
          assertEquals("subscribed", answer == null ? null : answer.getString("type"), String.valueOf(answer));
        }
        pages += batch;
        hearth.clock().advance(Duration.ofSeconds(1));
      }
      greedy.send(new JsonObject().put("type", "subscribe").put("site", SITE).put("page", "one-too-many"));
      assertEquals((short) 1008, greedy.closeCode(15));
      assertEquals("too many subscriptions", greedy.closeReason());
    }
  }

  @Test
  void garbageMessagesGetErrorsNotCrashes() {
    try (LiveClient live = connect(hearth.api().base())) {
      live.sendRaw("not json");
      assertEquals("invalid_message", live.next(10).getString("error"));
      live.send(new JsonObject().put("type", "subscribe").put("site", "nope").put("page", "x"));
      assertEquals("site_not_found", live.next(10).getString("error"));
      live.send(new JsonObject().put("type", "subscribe").put("site", SITE).put("page", "x").put("since", "yesterday"));
      assertEquals("invalid_message", live.next(10).getString("error"));
      live.subscribed(SITE, "x", null);
    }
  }
}
