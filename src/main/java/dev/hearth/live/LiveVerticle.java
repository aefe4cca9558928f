package dev.hearth.live;

import dev.hearth.event.EventListener;
import io.vertx.core.Future;
import io.vertx.core.VerticleBase;

/**
 * The hub's home: one event loop that runs the hub and hears of new events from the
 * {@link EventListener} (catching every followed page up from the table after each reconnect).
 */
public final class LiveVerticle extends VerticleBase {
  private final LiveHub hub;
  private final EventListener events;

  public LiveVerticle(LiveHub hub, EventListener events) {
    this.hub = hub;
    this.events = events;
  }

  @Override
  public Future<?> start() {
    hub.attach(context);
    return events.start(hub::notified, hub::catchUp);
  }

  @Override
  public Future<?> stop() {
    return events.stop();
  }
}
