package dev.hearth.live;

import java.util.ArrayList;
import java.util.List;

/**
 * One socket following one page. While it is being brought up to date from the events table
 * ({@code pending}), live events wait in {@code held}; every event is sent at most once, in id
 * order, because only ids above {@code lastSent} go out.
 */
final class Subscription {
  final LiveConnection connection;
  final PageChannel channel;
  long lastSent;
  boolean pending;
  final List<RenderedEvent> held = new ArrayList<>();

  Subscription(LiveConnection connection, PageChannel channel, long lastSent, boolean pending) {
    this.connection = connection;
    this.channel = channel;
    this.lastSent = lastSent;
    this.pending = pending;
  }

  /**
   * Takes a live event: held while catching up, else marked sent. Answers whether the caller
   * should write its public frame to this socket (the hub batches those writes per event loop).
   */
  boolean accept(RenderedEvent event) {
    if (pending) {
      held.add(event);
      return false;
    }
    if (event.id() <= lastSent) {
      return false;
    }
    lastSent = event.id();
    return event.publicFrame() != null;
  }

  void send(RenderedEvent event) {
    if (event.id() <= lastSent) {
      return;
    }
    lastSent = event.id();
    if (event.publicFrame() != null) {
      connection.send(event.publicFrame());
    }
  }

  /** Ends the catch-up: what arrived live meanwhile goes out now, still without repeats. */
  void release() {
    pending = false;
    held.forEach(this::send);
    held.clear();
  }
}
