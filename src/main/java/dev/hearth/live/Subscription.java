package dev.hearth.live;

import java.util.ArrayList;
import java.util.List;
import java.util.function.Consumer;

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

  /**
   * Sends a resuming socket what it missed as fast as its reader takes it, then what arrived
   * live meanwhile, then lets live events straight through, still without repeats. Written in
   * one burst, a long gap (a reader whose node died) was taken for a slow consumer, which
   * resumed with the same gap, forever. Runs on the hub context; {@code onHub} brings the
   * connection's notice that the reader caught up back to it.
   */
  void catchUp(List<RenderedEvent> missed, Consumer<Runnable> onHub) {
    int next = 0;
    while (next < missed.size() && connection.hasRoom()) {
      send(missed.get(next++));
    }
    if (connection.isClosed()) {
      return; // the hub forgets it when the close is reported
    }
    if (!connection.hasRoom()) {
      List<RenderedEvent> rest = missed.subList(next, missed.size());
      connection.drained().onSuccess(room -> onHub.accept(() -> catchUp(rest, onHub)));
      return;
    }
    if (!held.isEmpty()) {
      List<RenderedEvent> live = new ArrayList<>(held);
      held.clear();
      catchUp(live, onHub);
      return;
    }
    pending = false;
  }
}
