package dev.hearth;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.hearth.db.DatabaseTarget;
import dev.hearth.support.Api;
import dev.hearth.support.HearthProcess;
import dev.hearth.support.LiveClient;
import dev.hearth.support.TestHearth;
import dev.hearth.support.TestPostgres;
import io.vertx.core.Vertx;
import io.vertx.core.json.JsonArray;
import io.vertx.core.json.JsonObject;
import java.net.http.HttpClient;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.TreeSet;
import java.util.concurrent.ConcurrentLinkedQueue;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicBoolean;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * Two Hearth processes on one database, as behind a load balancer without sticky sessions.
 * Node A is killed with SIGKILL while writers post to both: B answers 201 throughout, its
 * live subscribers see every event once and in order, and A's subscribers resume on B with
 * the last event id they saw and get exactly what they missed.
 */
class TwoNodeTest {
  private static final String SITE = "pair";
  private static final String ORIGIN = "https://pair.example";
  private static final List<String> PAGES = List.of("p0", "p1");
  private static final int WRITERS_PER_NODE = 3;
  private static final int SUBSCRIBERS_PER_NODE = 2;

  @TempDir
  Path root;

  /** One POST and what came of it. */
  record Post(String node, String page, int status, long id, boolean afterKill) {
  }

  @Test
  void sigkillOfOneNodeUnderLoadLosesNoEventAndItsReadersResumeOnTheOther() throws Exception {
    DatabaseTarget database = TestPostgres.freshDatabase();
    Path dirA = Files.createDirectories(root.resolve("a"));
    Path dirB = Files.createDirectories(root.resolve("b"));
    int portA = TestHearth.freePort();
    int portB = TestHearth.freePort();
    Api apiA = new Api("http://127.0.0.1:" + portA, TestHearth.ADMIN_TOKEN, HttpClient.Version.HTTP_1_1);
    Api apiB = new Api("http://127.0.0.1:" + portB, TestHearth.ADMIN_TOKEN, HttpClient.Version.HTTP_1_1);
    Process nodeA = HearthProcess.start(database, dirA, portA);
    Process nodeB = HearthProcess.start(database, dirB, portB);
    Vertx vertx = Vertx.vertx();
    List<LiveClient> clients = new ArrayList<>();
    try {
      HearthProcess.awaitReady(apiA, nodeA, dirA);
      HearthProcess.awaitReady(apiB, nodeB, dirB);
      apiA.createSite(SITE, ORIGIN);
      readsOnOneNodeWhatTheOtherJustAcknowledged(apiA, apiB);
      Set<Long> openers = new TreeSet<>();
      for (String page : PAGES) {
        openers.add(apiB.comment(SITE, page, null, "Opener", "The page exists before anyone follows it").getLong("id"));
      }

      List<Follower> onA = new ArrayList<>();
      List<Follower> onB = new ArrayList<>();
      for (int i = 0; i < SUBSCRIBERS_PER_NODE; i++) {
        onA.add(new Follower(vertx, apiA.base(), clients));
        onB.add(new Follower(vertx, apiB.base(), clients));
      }

      ConcurrentLinkedQueue<Post> posts = new ConcurrentLinkedQueue<>();
      ConcurrentLinkedQueue<String> failures = new ConcurrentLinkedQueue<>();
      AtomicBoolean writing = new AtomicBoolean(true);
      AtomicBoolean killed = new AtomicBoolean();
      ExecutorService writers = Executors.newFixedThreadPool(2 * WRITERS_PER_NODE);
      for (int w = 0; w < 2 * WRITERS_PER_NODE; w++) {
        boolean toA = w < WRITERS_PER_NODE;
        int writer = w;
        writers.submit(() -> {
          boolean failedOver = false;
          for (int n = 0; writing.get(); n++) {
            String page = PAGES.get(n % PAGES.size());
            boolean afterKill = killed.get();
            String node = toA && !failedOver ? "A" : "B";
            Api api = node.equals("A") ? apiA : apiB;
            try {
              Api.Response response = api.postJson("/api/v1/comments",
                  Api.newComment(SITE, page, null, "Writer " + writer, "Comment " + n + " of writer " + writer));
              posts.add(new Post(node, page, response.status(), response.status() == 201
                  ? response.json().getLong("id") : -1, afterKill));
            } catch (IllegalStateException noAnswer) {
              if (node.equals("A") && killed.get()) {
                failedOver = true; // as a load balancer would: the next request goes to B
              } else {
                failures.add(node + ": " + noAnswer.getMessage());
              }
            }
          }
        });
      }

      Thread.sleep(4_000);
      killed.set(true);
      nodeA.destroyForcibly(); // SIGKILL
      assertTrue(nodeA.waitFor(30, TimeUnit.SECONDS), "node A is gone");
      for (Follower follower : onA) {
        follower.resumeOn(apiB.base());
      }
      Thread.sleep(3_000);
      writing.set(false);
      writers.shutdown();
      assertTrue(writers.awaitTermination(60, TimeUnit.SECONDS), "the writers stop");

      assertEquals(List.of(), List.copyOf(failures), "node B (and A before it was killed) answered every request");
      List<Post> notCreated = posts.stream().filter(p -> p.status() != 201).toList();
      assertEquals(List.of(), notCreated, "every answer was 201");
      long beforeKill = posts.stream().filter(p -> !p.afterKill()).count();
      long onBAfterKill = posts.stream().filter(p -> p.afterKill() && p.node().equals("B")).count();
      assertTrue(beforeKill >= 20 && posts.stream().anyMatch(p -> !p.afterKill() && p.node().equals("A")),
          "both nodes were busy before the kill: " + beforeKill + " answered");
      assertTrue(onBAfterKill >= 20, "node B kept answering after the kill: " + onBAfterKill);

      List<Follower> everyone = new ArrayList<>(onB);
      everyone.addAll(onA);
      for (String page : PAGES) {
        // The truth: every comment the page holds (some of A's last ones may have committed
        // with nobody told), each of which made exactly one comment.created event.
        Set<Long> stored = commentIds(apiB, page);
        stored.removeAll(openers); // posted before anyone followed the page
        Set<Long> acknowledged = new TreeSet<>();
        posts.stream().filter(p -> p.page().equals(page)).forEach(p -> acknowledged.add(p.id()));
        assertTrue(stored.containsAll(acknowledged), "every 201 of " + page + " is stored");
        List<Long> expected = null;
        for (Follower follower : everyone) {
          List<Long> seen = follower.awaitCommentIds(page, stored.size());
          String who = (onA.contains(follower) ? "a subscriber of A (resumed on B)" : "a subscriber of B")
              + " after resuming from closes " + follower.closes;
          List<Long> ids = follower.eventIds(page);
          assertEquals(new ArrayList<>(new TreeSet<>(ids)), ids, who + " sees the events of " + page + " in order, each once");
          assertEquals(seen.size(), new TreeSet<>(seen).size(), who + " sees no comment of " + page + " twice: " + seen);
          assertEquals(stored, new TreeSet<>(seen), who + " sees every comment of " + page + ", and nothing else");
          if (expected == null) {
            expected = ids;
          }
          assertEquals(expected, ids, who + " has the very events of " + page + " the others have");
        }
      }
      for (Follower follower : onB) {
        assertEquals(List.of(), follower.closes, "a subscriber of B keeps its socket throughout");
      }
      for (Follower follower : onA) {
        assertEquals(1, follower.closes.size(), "a subscriber of A resumed once, on B: " + follower.closes);
      }
      System.out.println("TwoNodeTest: " + posts.size() + " comments answered 201 (" + beforeKill
          + " before the kill, " + onBAfterKill + " by B after it); subscribers of A resumed on B as "
          + onA.stream().map(f -> f.closes.toString()).toList() + "; subscribers of B resumed "
          + onB.stream().map(f -> f.closes.toString()).toList());
    } finally {
      clients.forEach(LiveClient::close);
      nodeA.destroyForcibly();
      nodeB.destroy();
      nodeB.waitFor(60, TimeUnit.SECONDS);
      vertx.close().await(30, TimeUnit.SECONDS);
    }
  }

  /** No sticky sessions needed: a comment one node just acknowledged is served by the other. */
  private static void readsOnOneNodeWhatTheOtherJustAcknowledged(Api apiA, Api apiB) {
    for (int i = 0; i < 5; i++) {
      Api writer = i % 2 == 0 ? apiA : apiB;
      Api reader = i % 2 == 0 ? apiB : apiA;
      long id = writer.comment(SITE, "sticky", null, "Ann", "Written on one node, read on the other " + i).getLong("id");
      assertEquals(200, reader.get("/api/v1/comments/" + id).status(), "comment " + id + " read on the other node");
      JsonArray thread = reader.thread(SITE, "sticky", "limit=100").getJsonArray("comments");
      assertTrue(thread.stream().anyMatch(c -> ((JsonObject) c).getLong("id") == id),
          "the other node's thread has comment " + id + " at once: " + thread.encode());
    }
  }

  /** Every comment id of a page (all top-level here), in id order, walking its pages of threads. */
  private static Set<Long> commentIds(Api api, String page) {
    Set<Long> ids = new TreeSet<>();
    String cursor = null;
    do {
      JsonObject thread = api.thread(SITE, page, "limit=100" + (cursor == null ? "" : "&cursor=" + Api.encode(cursor)));
      JsonArray comments = thread.getJsonArray("comments");
      for (int i = 0; i < comments.size(); i++) {
        ids.add(comments.getJsonObject(i).getLong("id"));
      }
      cursor = thread.getString("nextCursor");
    } while (cursor != null);
    return ids;
  }

  /**
   * A reader following both pages on one socket, and doing what the embed's script does when
   * its socket closes, whatever the code (1001 going away, 1013 too slow, or the node gone):
   * subscribing again, on the node it is given, with the id of the last event it saw.
   */
  private static final class Follower {
    private final Vertx vertx;
    private final List<LiveClient> clients;
    private final Map<String, List<JsonObject>> events = new HashMap<>();
    private final Map<String, Long> since = new HashMap<>();
    /** The close code and reason of each socket before it was resumed. */
    final List<String> closes = new ArrayList<>();
    private String base;
    private LiveClient client;

    Follower(Vertx vertx, String base, List<LiveClient> clients) {
      this.vertx = vertx;
      this.clients = clients;
      this.base = base;
      client = LiveClient.connect(vertx, base, ORIGIN);
      clients.add(client);
      for (String page : PAGES) {
        events.put(page, new ArrayList<>());
        since.put(page, client.subscribed(SITE, page, null).getLong("last"));
      }
    }

    /** Takes what the dead node's socket received, then follows the same pages on {@code other}. */
    void resumeOn(String other) {
      for (JsonObject frame = client.next(1); frame != null; frame = client.next(1)) {
        take(frame);
      }
      assertTrue(client.closeCode(10) != null, "the socket of the killed node closed");
      base = other;
      resume();
    }

    private void resume() {
      for (int attempt = 1; !subscribeAgain(); attempt++) {
        assertTrue(attempt < 20, "resumed within 20 attempts; closed with " + closes);
      }
    }

    /** Opens a socket and follows every page from its last event; false when the socket closed meanwhile. */
    private boolean subscribeAgain() {
      closes.add(client.closeCode(0) + " " + client.closeReason());
      client = LiveClient.connect(vertx, base, ORIGIN);
      clients.add(client);
      for (String page : PAGES) {
        JsonObject answer = client.subscribe(SITE, page, since.get(page));
        // Events replayed for a page subscribed just before may come ahead of the answer: keep them.
        while (answer != null && "event".equals(answer.getString("type"))) {
          take(answer);
          answer = client.next(10);
        }
        if (answer == null && client.closeCode(1) != null) {
          return false;
        }
        assertTrue(answer != null && "subscribed".equals(answer.getString("type")), "resumed: " + answer);
      }
      return true;
    }

    /** Reads events (resuming when the socket closes) until the page has {@code count} comments, or 60 s passed. */
    List<Long> awaitCommentIds(String page, int count) {
      long deadline = System.nanoTime() + TimeUnit.SECONDS.toNanos(60);
      while (commentIds(page).size() < count && System.nanoTime() < deadline) {
        JsonObject frame = client.next(1);
        if (frame != null) {
          take(frame);
        } else if (client.closeCode(0) != null) {
          resume();
        }
      }
      return commentIds(page);
    }

    List<Long> eventIds(String page) {
      return events.get(page).stream().map(e -> e.getLong("id")).toList();
    }

    private List<Long> commentIds(String page) {
      return events.get(page).stream().map(e -> e.getJsonObject("comment").getLong("id")).toList();
    }

    private void take(JsonObject frame) {
      if ("event".equals(frame.getString("type"))) {
        assertEquals("comment.created", frame.getString("kind"), frame.encode());
        events.get(frame.getString("page")).add(frame);
        since.put(frame.getString("page"), frame.getLong("id"));
      }
    }
  }
}
