package dev.hearth.web;

import java.util.concurrent.atomic.AtomicBoolean;

/**
 * Whether this node has begun to shut down. Set once, when SIGTERM starts the drain; from
 * then on readiness answers 503 and a live socket that finishes its handshake is sent away
 * at once, so nothing new settles on a node that is leaving.
 */
public final class Draining {
  private final AtomicBoolean draining = new AtomicBoolean();

  public void begin() {
    draining.set(true);
  }

  public boolean active() {
    return draining.get();
  }
}
