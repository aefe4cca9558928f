package dev.hearth.live;

/** The limits one live connection lives within; each closes the socket when broken. */
final class LiveLimits {
  private LiveLimits() {
  }

  /** Largest frame or message a client may send (close 1009). */
  static final int MAX_FRAME_BYTES = 16 * 1024;
  /** Messages a client may send per second (close 1008): subscribing is all it needs to do. */
  static final int MAX_MESSAGES_PER_SECOND = 20;
  /** Pages (and queues) one socket may follow (close 1008). */
  static final int MAX_SUBSCRIPTIONS = 50;
  /** How often an idle socket is pinged, and how long without any answer before it is closed. */
  static final long PING_INTERVAL_MS = 25_000;
  static final long IDLE_TIMEOUT_MS = 60_000;
  /** Events replayed on one resume at most; a longer gap gets a reset (reloading is cheaper). */
  static final int MAX_REPLAY = 1000;

  /**
   * Bytes written to a socket and not yet taken by its reader past which it is dropped as too
   * slow (close 1013; it resumes with {@code since}): a few thousand ordinary events.
   */
  static final long MAX_UNSENT_BYTES = 4L * 1024 * 1024;
  /** How far ahead of its reader a resume's catch-up writes before it waits for the reader. */
  static final long CATCH_UP_WINDOW_BYTES = 256 * 1024;

  static final short CLOSE_POLICY = 1008;
  static final short CLOSE_TOO_BIG = 1009;
  static final short CLOSE_TRY_AGAIN = 1013;
  static final short CLOSE_GOING_AWAY = 1001;
}
