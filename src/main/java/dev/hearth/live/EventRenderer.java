package dev.hearth.live;

import dev.hearth.event.StoredEvent;
import io.vertx.core.Future;
import java.util.List;

/**
 * Turns an event into the frames the hub sends, once per node. The hub only fans out; what a
 * comment looks like (its JSON and its HTML from the thread's partials) is the view's to say.
 */
public interface EventRenderer {
  /** The event's frames as first rendered on this node (kept: live delivery renders each once). */
  Future<RenderedEvent> render(StoredEvent event);

  /** The events' frames with their comments as they are now: what a resume replays. */
  Future<List<RenderedEvent>> renderCurrent(List<StoredEvent> events);
}
