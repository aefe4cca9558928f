package dev.hearth;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.hearth.support.Api;
import dev.hearth.support.HearthProcess;
import dev.hearth.support.LiveClient;
import dev.hearth.support.TestHearth;
import io.vertx.core.Vertx;
import io.vertx.core.json.JsonArray;
import io.vertx.core.json.JsonObject;
import java.io.IOException;
import java.io.OutputStream;
import java.net.Socket;
import java.net.http.HttpClient;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.TreeSet;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicBoolean;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * SIGTERM under load, on Hearth as an operator runs it (a separate process on its embedded
 * PostgreSQL): the node stops accepting at once, answers every request it had accepted (a
 * request whose body is still arriving included), cuts one that is still unfinished at the
 * deadline, sends its live sockets away with 1001, stops its database and exits. After a
 * restart the database holds exactly the comments that were answered 201.
 */
class GracefulShutdownTest {
  private static final int DEADLINE_SECONDS = 4;
  private static final int WRITERS = 6;
  private static final int SLOW_POSTS = 3;
  private static final String SITE = "drain";
  private static final String ORIGIN = "https://drain.example";

  @TempDir
  Path dataDir;

  @Test
  void sigtermAnswersWhatWasAcceptedClosesLiveSocketsWith1001AndStopsTheDatabase() throws Exception {
    int port = TestHearth.freePort();
    String base = "http://127.0.0.1:" + port;
    Api api = new Api(base, TestHearth.ADMIN_TOKEN, HttpClient.Version.HTTP_1_1);
    Map<String, Integer> answered = new ConcurrentHashMap<>(); // marker -> status
    Set<String> unanswered = ConcurrentHashMap.newKeySet();
    List<SlowPost> slow = new ArrayList<>();
    SlowPost stalled = null;
    Vertx vertx = Vertx.vertx();
    Process hearth = HearthProcess.start(dataDir, port, Map.of("HEARTH_SHUTDOWN_SECONDS", String.valueOf(DEADLINE_SECONDS)));
    try {
      HearthProcess.awaitReady(api, hearth, dataDir);
      api.createSite(SITE, ORIGIN);
      List<ProcessHandle> postgres = HearthProcess.postgresProcesses(dataDir);
      LiveClient reader = LiveClient.connect(vertx, base, ORIGIN);
      reader.subscribed(SITE, "page-0", null);

      AtomicBoolean writing = new AtomicBoolean(true);
      ExecutorService writers = Executors.newFixedThreadPool(WRITERS);
      for (int w = 0; w < WRITERS; w++) {
        int writer = w;
        writers.submit(() -> {
          for (int n = 0; writing.get(); n++) {
            String marker = "w" + writer + "-" + n;
            try {
              answered.put(marker, api.postJson("/api/v1/comments", comment(writer % 4, marker)).status());
            } catch (IllegalStateException noAnswer) {
              unanswered.add(marker);
              sleep(20); // the door is shut: don't spin
            }
          }
        });
      }
      Thread.sleep(2_500);
      for (int s = 0; s < SLOW_POSTS; s++) {
        slow.add(new SlowPost(port, "slow-" + s));
      }
      stalled = new SlowPost(port, "stalled");
      Thread.sleep(300); // their headers and half their bodies are in: the node has accepted them

      long sigterm = System.nanoTime();
      hearth.destroy(); // SIGTERM
      Thread.sleep(1_000);
      for (SlowPost post : slow) {
        post.finish();
      }
      for (SlowPost post : slow) {
        assertEquals(201, post.status(), "a request accepted before SIGTERM is answered: " + post.marker);
      }
      assertTrue(hearth.waitFor(DEADLINE_SECONDS + 30L, TimeUnit.SECONDS), "Hearth exits after SIGTERM");
      long exitedMs = TimeUnit.NANOSECONDS.toMillis(System.nanoTime() - sigterm);
      writing.set(false);
      writers.shutdown();
      assertTrue(writers.awaitTermination(60, TimeUnit.SECONDS), "the writers stop");

      assertEquals(-1, stalled.status(), "a request still unfinished at the deadline is cut, not answered");
      assertEquals(143, hearth.exitValue(), "the JVM's exit status after SIGTERM (128 + 15) once the hooks finished");
      assertTrue(exitedMs >= (DEADLINE_SECONDS - 1) * 1000L,
          "the unfinished request held the drain open until the deadline: exited after " + exitedMs + " ms");
      assertTrue(exitedMs <= (DEADLINE_SECONDS + 15) * 1000L, "exited " + exitedMs + " ms after SIGTERM");
      assertEquals(Short.valueOf((short) 1001), reader.closeCode(10), "the live socket is told the node goes away");
      assertTrue(reader.closeReason().contains("since"), reader.closeReason());
      reader.close();

      assertEquals(Map.of(), answered.entrySet().stream().filter(e -> e.getValue() != 201)
          .collect(java.util.stream.Collectors.toMap(Map.Entry::getKey, Map.Entry::getValue)),
          "every request that got an answer got 201");
      assertTrue(answered.size() >= 20, "the writers were busy: " + answered.size() + " answered");
      assertFalse(unanswered.isEmpty(), "the writers met the closed door");
      assertEquals(List.of(), postgres.stream().filter(HearthProcess::running).map(ProcessHandle::pid).toList(),
          "no PostgreSQL process of this data directory outlives Hearth");
      assertEquals(List.of(), HearthProcess.processesNaming(dataDir.resolve("postgres").toString()).stream()
          .map(ProcessHandle::pid).toList(), "and no other process names the data directory");
      System.out.println("GracefulShutdownTest: " + answered.size() + " answered 201, " + unanswered.size()
          + " refused at the door, exited " + exitedMs + " ms after SIGTERM (deadline " + DEADLINE_SECONDS + " s)");
    } finally {
      for (SlowPost post : slow) {
        post.close();
      }
      if (stalled != null) {
        stalled.close();
      }
      hearth.destroyForcibly();
      hearth.waitFor(30, TimeUnit.SECONDS);
      vertx.close().await(30, TimeUnit.SECONDS);
    }

    long restarting = System.nanoTime();
    Process again = HearthProcess.start(dataDir, port);
    try {
      HearthProcess.awaitReady(api, again, dataDir);
      System.out.println("GracefulShutdownTest: restarted and ready in "
          + TimeUnit.NANOSECONDS.toMillis(System.nanoTime() - restarting) + " ms");
      Set<String> stored = new TreeSet<>();
      for (int page = 0; page < 4; page++) {
        stored.addAll(markers(api, "page-" + page));
      }
      Set<String> acknowledged = new TreeSet<>(answered.keySet());
      slow.forEach(post -> acknowledged.add(post.marker));
      Set<String> missing = new TreeSet<>(acknowledged);
      missing.removeAll(stored);
      assertEquals(Set.of(), missing, "every comment answered 201 is stored");
      Set<String> unacknowledged = new TreeSet<>(stored);
      unacknowledged.removeAll(acknowledged);
      assertEquals(Set.of(), unacknowledged,
          "nothing was stored for a request that got no answer (none was cut after it was accepted)");
    } finally {
      long stopping = System.nanoTime();
      again.destroy();
      boolean exited = again.waitFor(60, TimeUnit.SECONDS);
      // Not asserted (the second node's stop is not what this test is about), but printed: one
      // full-suite run took 80 s here against 18 s alone, and this is where to look next time.
      System.out.println("GracefulShutdownTest: the restarted node " + (exited ? "exited" : "had not exited")
          + " " + TimeUnit.NANOSECONDS.toMillis(System.nanoTime() - stopping) + " ms after SIGTERM");
    }
  }

  private static JsonObject comment(int page, String marker) {
    return Api.newComment(SITE, "page-" + page, null, "Writer", "Comment " + marker);
  }

  /** The markers of every comment on a page, walking its pages of threads. */
  private static Set<String> markers(Api api, String page) {
    Set<String> markers = new HashSet<>();
    String cursor = null;
    do {
      JsonObject thread = api.thread(SITE, page, "limit=100" + (cursor == null ? "" : "&cursor=" + Api.encode(cursor)));
      JsonArray comments = thread.getJsonArray("comments");
      for (int i = 0; i < comments.size(); i++) {
        markers.add(comments.getJsonObject(i).getString("body").substring("Comment ".length()));
      }
      cursor = thread.getString("nextCursor");
    } while (cursor != null);
    return markers;
  }

  private static void sleep(long millis) {
    try {
      Thread.sleep(millis);
    } catch (InterruptedException e) {
      Thread.currentThread().interrupt();
    }
  }

  /**
   * A POST over a plain socket whose body is sent in two halves: once the first half is in,
   * the node has accepted the request and is reading it.
   */
  private static final class SlowPost implements AutoCloseable {
    final String marker;
    private final Socket socket;
    private final byte[] body;

    SlowPost(int port, String marker) throws IOException {
      this.marker = marker;
      this.body = comment(3, marker).encode().getBytes(StandardCharsets.UTF_8);
      this.socket = new Socket("127.0.0.1", port);
      socket.setSoTimeout(60_000);
      OutputStream out = socket.getOutputStream();
      out.write(("POST /api/v1/comments HTTP/1.1\r\nHost: 127.0.0.1:" + port + "\r\n"
          + "Content-Type: application/json\r\nContent-Length: " + body.length + "\r\nConnection: close\r\n\r\n")
          .getBytes(StandardCharsets.ISO_8859_1));
      out.write(body, 0, body.length / 2);
      out.flush();
    }

    void finish() throws IOException {
      socket.getOutputStream().write(body, body.length / 2, body.length - body.length / 2);
      socket.getOutputStream().flush();
    }

    /** The answer's status, or -1 when the connection closed without one. */
    int status() {
      try {
        String answer = new String(socket.getInputStream().readAllBytes(), StandardCharsets.ISO_8859_1);
        return answer.startsWith("HTTP/1.1 ") ? Integer.parseInt(answer.substring(9, 12)) : -1;
      } catch (IOException reset) {
        return -1;
      }
    }

    @Override
    public void close() throws IOException {
      socket.close();
    }
  }
}
