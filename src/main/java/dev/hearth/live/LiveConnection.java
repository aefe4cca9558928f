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
import java.util.concurrent.atomic.AtomicLong;

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
  private final List<Promise<Void>> waitingForRoom = new ArrayList<>();
  private final AtomicLong unsent = new AtomicLong();
  private volatile boolean someoneWaits;
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
   * Sends a frame; a socket too far behind is dropped rather than buffered without bound: it
   * catches up by resuming with the last id it saw.
   */
  void send(String text) {
    if (writable()) {
      track(text.length(), socket.writeTextMessage(text));
    }
  }

  /** Sends a frame shared with every other subscriber of the event. */
  void send(SharedFrame frame) {
    if (writable()) {
      track(frame.size(), socket.writeFrame(frame.frame()));
    }
  }

  /**
   * Counts the bytes handed to the socket until they are written out. The socket's own
   * {@code writeQueueFull} cannot tell a slow reader: for frames written from the hub's event
   * loop it says full after 16 frames the socket's event loop has not yet picked up, which a
   * busy node reaches with every reader keeping up (they were all closed 1013 under load).
   */
  private void track(long bytes, Future<Void> written) {
    unsent.addAndGet(bytes);
    written.onComplete(done -> {
      if (unsent.addAndGet(-bytes) < LiveLimits.CATCH_UP_WINDOW_BYTES / 2 && someoneWaits) {
        roomAgain();
      }
    });
  }

  /** Whether a catch-up may write another frame now: open, and not a window ahead of its reader. */
  boolean hasRoom() {
    return !closed.get() && unsent.get() < LiveLimits.CATCH_UP_WINDOW_BYTES;
  }

  /**
   * Completes once the reader has taken most of what was written to it; never, if the socket
   * closes first. Every page catching up on the socket may wait at once.
   */
  Future<Void> drained() {
    Promise<Void> room = Promise.promise();
    synchronized (this) {
      waitingForRoom.add(room);
      someoneWaits = true;
    }
    if (unsent.get() < LiveLimits.CATCH_UP_WINDOW_BYTES / 2) {
      roomAgain(); // it was taken before this waiter was in place
    }
    return room.future();
  }

  private void roomAgain() {
    List<Promise<Void>> waiting;
    synchronized (this) {
      waiting = new ArrayList<>(waitingForRoom);
      waitingForRoom.clear();
      someoneWaits = false;
    }
    waiting.forEach(Promise::tryComplete);
  }

  private boolean writable() {
    if (closed.get()) {
      return false;
    }
    if (unsent.get() > LiveLimits.MAX_UNSENT_BYTES) {
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
