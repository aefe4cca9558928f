package dev.hearth.live;

import dev.hearth.event.EventFeed;
import dev.hearth.event.StoredEvent;
import io.vertx.core.Context;
import io.vertx.core.Future;
import java.util.List;
import java.util.function.Function;
import java.util.logging.Level;
import java.util.logging.Logger;

/**
 * The sites' moderation streams on this node: every event of a followed site, rendered with
 * content, to its moderators' sockets. Notifications sent while the node was not listening
 * are lost, so the newest event id handled is kept and a reconnect catches up from it. Runs
 * on the hub's context, like the rest of the hub's state.
 */
final class ModerationStreams {
  private static final Logger LOG = Logger.getLogger(ModerationStreams.class.getName());

  private final EventFeed feed;
  private final EventRenderer renderer;
  private final Function<List<StoredEvent>, Future<List<RenderedEvent>>> renderAll;
  private final int batch;
  private final ModerationFollowers moderators = new ModerationFollowers();
  private Context context;

  ModerationStreams(EventFeed feed, EventRenderer renderer,
                    Function<List<StoredEvent>, Future<List<RenderedEvent>>> renderAll, int batch) {
    this.feed = feed;
    this.renderer = renderer;
    this.renderAll = renderAll;
    this.batch = batch;
  }

  void attach(Context hubContext) {
    this.context = hubContext;
  }

  /**
   * Adds a follower. The first one makes the node learn the newest event id, so that a
   * catch-up after a reconnect starts from there and never replays history.
   */
  Future<Void> follow(LiveConnection connection, String siteId) {
    Future<Void> known = moderators.handledUpTo() >= 0
        ? Future.succeededFuture()
        : feed.newest().map(last -> {
          moderators.handled(last);
          return null;
        });
    return known.map(ignored -> {
      moderators.add(siteId, connection);
      return null;
    });
  }

  boolean unfollow(LiveConnection connection, String siteId) {
    return moderators.remove(siteId, connection);
  }

  void dropped(LiveConnection connection) {
    moderators.removeEverywhere(connection);
  }

  void handled(long eventId) {
    moderators.handled(eventId);
  }

  /** Sends an event to the site's moderators, if it has any here. */
  Future<Void> deliver(StoredEvent event) {
    if (!moderators.any(event.siteId())) {
      return Future.succeededFuture();
    }
    return renderer.render(event).map(rendered -> {
      context.runOnContext(ignored -> moderators.send(rendered));
      return null;
    });
  }

  /**
   * After a reconnect: every followed site's events after the newest one handled. (An event of
   * another page with a lower id that committed during the loss is not found this way; a
   * moderator sees it in the queue on the next load.)
   */
  void catchUp() {
    List<String> sites = moderators.sites();
    long after = moderators.handledUpTo();
    if (sites.isEmpty() || after < 0) {
      return;
    }
    feed.sitesAfter(sites, after, batch)
        .compose(renderAll)
        .onComplete(done -> context.runOnContext(ignored -> {
          if (done.failed()) {
            LOG.log(Level.WARNING, "Could not catch the moderation streams up", done.cause());
            context.owner().setTimer(1000, t -> catchUp());
            return;
          }
          for (RenderedEvent event : done.result()) {
            moderators.handled(event.id());
            moderators.send(event);
          }
          if (done.result().size() == batch) {
            catchUp();
          }
        }));
  }
}
