package dev.hearth.live;

import dev.hearth.event.StoredEvent;
import io.vertx.core.Future;

/**
 * Turns an event into the frames the hub sends, once per node. The hub only fans out; what a
 * comment looks like (its JSON and its HTML from the thread's partials) is the view's to say.
 */
public interface EventRenderer {
  Future<RenderedEvent> render(StoredEvent event);
}
