package dev.hearth.live;

import dev.hearth.auth.Identity;
import io.vertx.core.Future;
import io.vertx.core.Promise;
import io.vertx.core.Vertx;
import io.vertx.core.buffer.Buffer;
import io.vertx.core.http.ServerWebSocket;
import java.time.Clock;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import java.util.concurrent.atomic.AtomicBoolean;

/**
 * One browser's socket: what it follows, who it is (after an auth message), and the limits it
 * must keep. Closed with 1008 on a flood or too many subscriptions, 1013 when it cannot keep
 * up (it resumes with {@code since}), 1001 when it stops answering pings or the node shuts down.
 */
final class LiveConnection {
  private final ServerWebSocket socket;
  private final String origin;
  private final Vertx vertx;
  private final Clock clock;
  private final List<Subscription> subscriptions = new ArrayList<>();
  private final AtomicBoolean closed = new AtomicBoolean();
  private volatile long lastHeard;
  private long windowStart;
  private int messagesInWindow;
  private int reserved;
  private long pingTimer;
  private volatile Optional<Identity> identity = Optional.empty();
  private Runnable onClose = () -> { };

  LiveConnection(Vertx vertx, ServerWebSocket socket, String origin, Clock clock) {
    this.vertx = vertx;
    this.clock = clock;
    this.lastHeard = clock.millis();
    this.windowStart = lastHeard;
    this.socket = socket;
    this.origin = origin;
  }

  String origin() {
    return origin;
  }

  Optional<Identity> identity() {
    return identity;
  }

  void identify(Identity who) {
    identity = Optional.of(who);
  }

  void onClose(Runnable action) {
    onClose = action;
  }

  /** Starts pinging; a socket silent for too long is closed. */
  void startHeartbeat() {
    socket.pongHandler(pong -> heard());
    pingTimer = vertx.setPeriodic(LiveLimits.PING_INTERVAL_MS, id -> {
      if (clock.millis() - lastHeard > LiveLimits.IDLE_TIMEOUT_MS) {
        close(LiveLimits.CLOSE_GOING_AWAY, "idle");
      } else if (!closed.get()) {
        socket.writePing(Buffer.buffer("hearth"));
      }
    });
  }

  void heard() {
    lastHeard = clock.millis();
  }

  /** Counts a client message; false (and the socket closed) when the client floods. */
  boolean withinRate() {
    long now = clock.millis();
    if (now - windowStart >= 1000) {
      windowStart = now;
      messagesInWindow = 0;
    }
    if (++messagesInWindow > LiveLimits.MAX_MESSAGES_PER_SECOND) {
      close(LiveLimits.CLOSE_POLICY, "too many messages");
      return false;
    }
    return true;
  }

  /**
   * Reserves room for one more page or queue, counted when asked (subscribing is asynchronous,
   * so counting only finished subscriptions would let a quick client past the limit). Past
   * the limit the socket is closed. {@link #release} gives the room back.
   */
  synchronized boolean reserve() {
    if (reserved >= LiveLimits.MAX_SUBSCRIPTIONS) {
      close(LiveLimits.CLOSE_POLICY, "too many subscriptions");
      return false;
    }
    reserved++;
    return true;
  }

  synchronized void release() {
    reserved = Math.max(0, reserved - 1);
  }

  synchronized void added(Subscription subscription) {
    subscriptions.add(subscription);
  }

  synchronized void removed(Subscription subscription) {
    if (subscriptions.remove(subscription)) {
      release();
    }
  }

  synchronized List<Subscription> subscriptions() {
    return new ArrayList<>(subscriptions);
  }

  /**
   * Sends a frame; a socket whose write queue is full is dropped rather than buffered without
   * bound: it catches up by resuming with the last id it saw.
   */
  void send(String text) {
    if (writable()) {
      socket.writeTextMessage(text);
    }
  }

  /** Sends a frame shared with every other subscriber of the event. */
  void send(SharedFrame frame) {
    if (writable()) {
      socket.writeFrame(frame.frame());
    }
  }

  /** Whether the socket takes another frame now: open, and its write queue under its limit. */
  boolean hasRoom() {
    return !closed.get() && !socket.isClosed() && !socket.writeQueueFull();
  }

  /** Completes once the write queue has room again; never, if the socket closes first. */
  Future<Void> drained() {
    Promise<Void> room = Promise.promise();
    try {
      socket.drainHandler(drained -> room.tryComplete());
      if (!socket.writeQueueFull()) {
        room.tryComplete(); // it drained before the handler was in place
      }
    } catch (IllegalStateException closedMeanwhile) {
      room.tryFail(closedMeanwhile);
    }
    return room.future();
  }

  private boolean writable() {
    if (closed.get()) {
      return false;
    }
    if (socket.writeQueueFull()) {
      close(LiveLimits.CLOSE_TRY_AGAIN, "too slow: resume with since");
      return false;
    }
    return true;
  }

  void close(short code, String reason) {
    if (closed.compareAndSet(false, true)) {
      socket.close(code, reason);
      ended();
    }
  }

  /** The socket is gone, however it ended. */
  void ended() {
    closed.set(true);
    vertx.cancelTimer(pingTimer);
    onClose.run();
  }

  boolean isClosed() {
    return closed.get();
  }
}
