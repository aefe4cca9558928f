package dev.hearth.support;

import io.vertx.core.Vertx;
import io.vertx.core.http.WebSocket;
import io.vertx.core.http.WebSocketClient;
import io.vertx.core.http.WebSocketClientOptions;
import io.vertx.core.http.WebSocketConnectOptions;
import io.vertx.core.json.JsonObject;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.BlockingQueue;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.LinkedBlockingQueue;
import java.util.concurrent.TimeUnit;

/** A real WebSocket client of /live for tests: frames are queued and read with timeouts. */
public final class LiveClient implements AutoCloseable {
  private final WebSocketClient client;
  private final WebSocket socket;
  private final BlockingQueue<JsonObject> frames = new LinkedBlockingQueue<>();
  private final CompletableFuture<Short> closed = new CompletableFuture<>();
  private volatile String closeReason;

  private LiveClient(WebSocketClient client, WebSocket socket) {
    this.client = client;
    this.socket = socket;
    socket.textMessageHandler(text -> frames.add(new JsonObject(text)));
    socket.closeHandler(v -> {
      closeReason = socket.closeReason();
      closed.complete(socket.closeStatusCode());
    });
  }

  /** Opens /live on {@code base} (http://host:port) with the given Origin header. */
  public static LiveClient connect(Vertx vertx, String base, String origin) {
    return connect(vertx, base, origin, java.util.Map.of());
  }

  /** The same with more handshake headers (a {@code Cookie}, say). */
  public static LiveClient connect(Vertx vertx, String base, String origin, java.util.Map<String, String> headers) {
    return connect(vertx, base, origin, headers, new WebSocketClientOptions());
  }

  /**
   * A client whose socket receive buffer is {@code bytes} (the kernel would otherwise let it
   * grow to megabytes), so a test can make it fall behind without sending that much.
   */
  public static LiveClient connectWithReceiveBuffer(Vertx vertx, String base, String origin, int bytes) {
    return connect(vertx, base, origin, java.util.Map.of(), new WebSocketClientOptions().setReceiveBufferSize(bytes));
  }

  private static LiveClient connect(Vertx vertx, String base, String origin, java.util.Map<String, String> headers,
                                    WebSocketClientOptions clientOptions) {
    java.net.URI uri = java.net.URI.create(base);
    WebSocketClient client = vertx.createWebSocketClient(clientOptions.setMaxFrameSize(1 << 20)
        .setMaxMessageSize(1 << 22));
    WebSocketConnectOptions options = new WebSocketConnectOptions()
        .setHost(uri.getHost()).setPort(uri.getPort()).setURI("/live");
    headers.forEach(options::addHeader);
    if (origin != null) {
      options.addHeader("Origin", origin);
    } else {
      options.setAllowOriginHeader(false); // the client would otherwise send one of its own
    }
    try {
      WebSocket socket = client.connect(options).await(10, TimeUnit.SECONDS);
      return new LiveClient(client, socket);
    } catch (Exception e) {
      client.close();
      throw new IllegalStateException(e);
    }
  }

  public void send(JsonObject message) {
    socket.writeTextMessage(message.encode());
  }

  public void sendRaw(String text) {
    socket.writeTextMessage(text);
  }

  public JsonObject subscribe(String site, String page, Long since) {
    JsonObject message = new JsonObject().put("type", "subscribe").put("site", site).put("page", page);
    if (since != null) {
      message.put("since", since);
    }
    send(message);
    return next(10);
  }

  /**
   * Subscribes and returns the answer, failing unless it is {@code {"type":"subscribed"}} for
   * that page: an error frame is an answer too, so a test that only checks for one passes on it.
   */
  public JsonObject subscribed(String site, String page, Long since) {
    JsonObject answer = subscribe(site, page, since);
    if (answer == null || !"subscribed".equals(answer.getString("type")) || !site.equals(answer.getString("site"))
        || !page.equals(answer.getString("page"))) {
      throw new AssertionError("expected {\"type\":\"subscribed\"} for " + site + "/" + page + ", got "
          + (answer == null ? "nothing within 10 s" : answer.encode()));
    }
    return answer;
  }

  /** Authenticates with a token and follows a site's moderation queue, failing unless both are acknowledged. */
  public void followModeration(String site, String token) {
    send(new JsonObject().put("type", "auth").put("token", token));
    expect("authenticated", next(10));
    send(new JsonObject().put("type", "subscribe").put("site", site).put("queue", "moderation"));
    expect("subscribed", next(10));
  }

  private static void expect(String type, JsonObject frame) {
    if (frame == null || !type.equals(frame.getString("type"))) {
      throw new AssertionError("expected {\"type\":\"" + type + "\"}, got "
          + (frame == null ? "nothing within 10 s" : frame.encode()));
    }
  }

  /** The next frame, or null when none came within the time. */
  public JsonObject next(int seconds) {
    try {
      return frames.poll(seconds, TimeUnit.SECONDS);
    } catch (InterruptedException e) {
      Thread.currentThread().interrupt();
      return null;
    }
  }

  /** The next frames of type event until {@code count} came or the time ran out. */
  public List<JsonObject> events(int count, int seconds) {
    List<JsonObject> events = new ArrayList<>();
    long deadline = System.nanoTime() + TimeUnit.SECONDS.toNanos(seconds);
    while (events.size() < count && System.nanoTime() < deadline) {
      JsonObject frame = next(1);
      if (frame != null && "event".equals(frame.getString("type"))) {
        events.add(frame);
      }
    }
    return events;
  }

  /** The close code the server sent, waiting for it at most {@code seconds}. */
  public Short closeCode(int seconds) {
    try {
      return closed.get(seconds, TimeUnit.SECONDS);
    } catch (Exception e) {
      return null;
    }
  }

  /** The reason the server gave with its close frame (after {@link #closeCode} answered). */
  public String closeReason() {
    return closeReason;
  }

  public WebSocket socket() {
    return socket;
  }

  @Override
  public void close() {
    if (!socket.isClosed()) {
      socket.close();
    }
    client.close();
  }
}
