package dev.hearth.live;

import dev.hearth.event.EventFeed;
import dev.hearth.event.StoredEvent;
import io.vertx.core.Context;
import io.vertx.core.Future;
import io.vertx.core.Promise;
import io.vertx.core.json.JsonObject;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.function.Supplier;
import java.util.logging.Level;
import java.util.logging.Logger;

/**
 * The node's live fan-out. All its state is touched on one event loop (the hub context), so it
 * needs no locks; sockets on other event loops are written from here (Vert.x hands the write
 * to their own loop). Each event is read and rendered once per node and the same text goes to
 * every subscriber of the page.
 */
public final class LiveHub {
  private static final Logger LOG = Logger.getLogger(LiveHub.class.getName());
  private static final int POLL_BATCH = 500;
  /** How often a notification whose event could not be read is tried again (once a second). */
  private static final int NOTIFIED_ATTEMPTS = 30;

  private final EventFeed feed;
  private final EventRenderer renderer;
  private final Map<String, PageChannel> channels = new HashMap<>();
  private final ModerationStreams moderation;
  private Context context;

  public LiveHub(EventFeed feed, EventRenderer renderer) {
    this.feed = feed;
    this.renderer = renderer;
    this.moderation = new ModerationStreams(feed, renderer, this::renderAll, POLL_BATCH);
  }

  void attach(Context hubContext) {
    this.context = hubContext;
    moderation.attach(hubContext);
  }

  /** Runs on the hub context and hands back the result on the caller's. */
  private <T> Future<T> onHub(Supplier<Future<T>> action) {
    Promise<T> promise = Promise.promise();
    context.runOnContext(ignored -> {
      try {
        action.get().onComplete(promise);
      } catch (RuntimeException e) {
        promise.fail(e);
      }
    });
    return promise.future();
  }

  /**
   * Follows a page. Without {@code since} the socket gets what happens from now on; with it,
   * first every event after {@code since} from the table, then the live ones, without gaps or
   * repeats. The first frame the socket gets is {@code subscribed}, or {@code reset} when
   * {@code since} is too old or unknown; it is sent from the hub, before any event.
   */
  Future<Boolean> subscribe(LiveConnection connection, String siteId, String pageKey, Long since) {
    return onHub(() -> subscribeOnHub(connection, siteId, pageKey, since)
        .map(first -> {
          connection.send(first.encode());
          if (!"subscribed".equals(first.getString("type"))) {
            return false;
          }
          Subscription subscription = connection.subscriptions().stream()
              .filter(s -> s.channel.siteId.equals(siteId) && s.channel.pageKey.equals(pageKey) && s.pending)
              .findFirst().orElse(null);
          if (subscription != null && since != null) {
            replay(subscription, subscription.channel, since);
          }
          return true;
        }));
  }

  private Future<JsonObject> subscribeOnHub(LiveConnection connection, String siteId, String pageKey, Long since) {
    {
      PageChannel channel = channels.computeIfAbsent(PageChannel.key(siteId, pageKey),
          k -> new PageChannel(siteId, pageKey));
      channel.joining++;
      return prepare(channel).<JsonObject>compose(ready -> {
        if (since == null || since == channel.lastDelivered) {
          return Future.succeededFuture(follow(connection, channel, channel.lastDelivered, false));
        }
        return resumable(channel, since).map(ok -> {
          if (!ok) {
            return new JsonObject().put("type", "reset").put("site", siteId).put("page", pageKey);
          }
          if (since > channel.lastDelivered) {
            // The socket saw more than this node has delivered yet (it came from a node that is ahead).
            return follow(connection, channel, since, false);
          }
          return follow(connection, channel, since, true);
        });
      }).onComplete(joined -> {
        channel.joining--;
        if (channel.unused()) {
          channels.remove(channel.key(), channel); // it answered reset, or failed
        }
      });
    }
  }

  private JsonObject follow(LiveConnection connection, PageChannel channel, long lastSent, boolean pending) {
    Subscription subscription = new Subscription(connection, channel, lastSent, pending);
    channel.subscriptions.add(subscription);
    connection.added(subscription);
    return subscribed(channel);
  }

  private static JsonObject subscribed(PageChannel channel) {
    return new JsonObject().put("type", "subscribed").put("site", channel.siteId).put("page", channel.pageKey)
        .put("last", channel.lastDelivered);
  }

  /** Learns the page's id and newest event the first time the page is followed here. */
  private Future<PageChannel> prepare(PageChannel channel) {
    if (channel.ready) {
      return Future.succeededFuture(channel);
    }
    return learnPageId(channel)
        .compose(pageId -> pageId == null
            ? Future.succeededFuture(0L)
            : feed.lastOfPage(pageId))
        .map(last -> {
          if (!channel.ready) {
            channel.lastDelivered = Math.max(channel.lastDelivered, last);
            channel.ready = true;
          }
          return channel;
        });
  }

  /**
   * A page gets its row with its first comment. Until then its followers wait with nothing
   * delivered, so when the row appears every event of the page is new to them.
   */
  private Future<Long> learnPageId(PageChannel channel) {
    if (channel.pageId != null) {
      return Future.succeededFuture(channel.pageId);
    }
    return feed.pageId(channel.siteId, channel.pageKey).map(found -> {
      if (found.isPresent() && channel.pageId == null) {
        channel.pageId = found.get();
      }
      return channel.pageId;
    });
  }

  private Future<Boolean> resumable(PageChannel channel, long since) {
    if (channel.pageId == null) {
      return Future.succeededFuture(false);
    }
    return feed.resumable(channel.pageId, since);
  }

  /** Sends a resuming socket what it missed, then lets the live events it held through. */
  private void replay(Subscription subscription, PageChannel channel, long since) {
    feed.pageAfter(channel.pageId, since, LiveLimits.MAX_REPLAY + 1)
        .compose(events -> {
          if (events.size() > LiveLimits.MAX_REPLAY) {
            return Future.succeededFuture((List<RenderedEvent>) null);
          }
          return renderer.renderCurrent(events);
        })
        .onComplete(done -> context.runOnContext(ignored -> {
          if (done.failed() || done.result() == null) {
            if (done.failed()) {
              LOG.log(Level.WARNING, "Could not replay page " + channel.pageKey + " after " + since + "; sent reset",
                  done.cause());
            }
            subscription.connection.send(new JsonObject().put("type", "reset").put("site", channel.siteId)
                .put("page", channel.pageKey).encode());
            remove(subscription);
            return;
          }
          subscription.catchUp(done.result(), task -> context.runOnContext(run -> task.run()));
        }));
  }

  private Future<List<RenderedEvent>> renderAll(List<StoredEvent> events) {
    List<Future<RenderedEvent>> rendering = events.stream().map(renderer::render).toList();
    return Future.all(rendering).map(all -> rendering.stream().map(Future::result).toList());
  }

  /** Whether this socket already follows the page. */
  boolean follows(LiveConnection connection, String siteId, String pageKey) {
    return connection.subscriptions().stream()
        .anyMatch(s -> s.channel.siteId.equals(siteId) && s.channel.pageKey.equals(pageKey));
  }

  Future<Void> unsubscribe(LiveConnection connection, String siteId, String pageKey) {
    return onHub(() -> {
      PageChannel channel = channels.get(PageChannel.key(siteId, pageKey));
      if (channel != null) {
        channel.subscriptions.stream().filter(s -> s.connection == connection).findFirst().ifPresent(this::remove);
      }
      return Future.succeededFuture();
    });
  }

  private void remove(Subscription subscription) {
    PageChannel channel = subscription.channel;
    channel.subscriptions.remove(subscription);
    subscription.connection.removed(subscription);
    if (channel.unused()) {
      channels.remove(channel.key(), channel);
    }
  }

  /** Forgets a closed socket everywhere. */
  void dropped(LiveConnection connection) {
    context.runOnContext(ignored -> {
      for (Subscription subscription : new ArrayList<>(connection.subscriptions())) {
        remove(subscription);
      }
      moderation.dropped(connection);
    });
  }

  /** Follows a site's moderation stream (held comments, reports, every change); staff only. */
  Future<Void> followModeration(LiveConnection connection, String siteId) {
    return onHub(() -> moderation.follow(connection, siteId));
  }

  /** Stops following a site's moderation stream; answers whether it was followed. */
  Future<Boolean> unfollowModeration(LiveConnection connection, String siteId) {
    return onHub(() -> Future.succeededFuture(moderation.unfollow(connection, siteId)));
  }

  /** A notification named an event: bring its page's followers up to date. Runs on the hub context. */
  void notified(long eventId) {
    notified(eventId, 1);
  }

  /**
   * Reading the event can fail when the pool's connections were just lost; it is tried again,
   * since no other notification may come for this page or moderation stream for a long time.
   */
  private void notified(long eventId, int attempt) {
    moderation.handled(eventId);
    feed.one(eventId).compose(found -> {
      if (found.isEmpty()) {
        return Future.<Void>succeededFuture();
      }
      StoredEvent event = found.get();
      if (event.pageKey() != null) {
        PageChannel channel = channels.get(PageChannel.key(event.siteId(), event.pageKey()));
        if (channel != null) {
          poll(channel);
        }
      }
      return moderation.deliver(event);
    }).onFailure(e -> context.runOnContext(ignored -> {
      if (attempt >= NOTIFIED_ATTEMPTS) {
        LOG.log(Level.WARNING, "Giving up on event " + eventId + " after " + attempt + " attempts", e);
        return;
      }
      LOG.log(Level.WARNING, "Could not read event " + eventId + "; trying again", e);
      context.owner().setTimer(1000, t -> notified(eventId, attempt + 1));
    }));
  }

  /**
   * After (re)connecting to the notifications: catch every followed page up from the table,
   * and every moderation stream from the newest event handled before the connection was lost.
   */
  void catchUp() {
    new ArrayList<>(channels.values()).forEach(this::poll);
    moderation.catchUp();
  }

  /** Reads the page's new events in order and hands them to its subscribers; one read at a time. */
  private void poll(PageChannel channel) {
    if (channel.polling) {
      channel.dirty = true;
      return;
    }
    if (!channel.ready || channel.pageId == null) {
      channel.polling = true;
      Future<?> learning = channel.ready ? learnPageId(channel) : prepare(channel);
      learning.onComplete(done -> context.runOnContext(ignored -> {
        channel.polling = false;
        if (done.failed()) {
          context.owner().setTimer(1000, t -> poll(channel));
        } else if (channel.pageId != null) {
          poll(channel);
        }
      }));
      return;
    }
    channel.polling = true;
    channel.dirty = false;
    feed.pageAfter(channel.pageId, channel.lastDelivered, POLL_BATCH)
        .compose(this::renderAll)
        .onComplete(done -> context.runOnContext(ignored -> {
          channel.polling = false;
          if (done.failed()) {
            LOG.log(Level.WARNING, "Could not read events of page " + channel.pageKey, done.cause());
            context.owner().setTimer(1000, t -> poll(channel));
            return;
          }
          for (RenderedEvent event : done.result()) {
            if (event.id() > channel.lastDelivered) {
              channel.lastDelivered = event.id();
              fanOut(channel, event);
            }
          }
          if (channel.dirty || done.result().size() == POLL_BATCH) {
            poll(channel);
          }
        }));
  }

  /**
   * Sends an event to a page's subscribers. Which ones is decided here, on the hub; each write
   * is handed to the socket's own event loop by Vert.x. (Measured: batching the writes into
   * one task per event loop made the 10,000-subscriber fan-out slower, not faster.)
   */
  private void fanOut(PageChannel channel, RenderedEvent event) {
    for (Subscription subscription : channel.subscriptions) {
      if (subscription.accept(event)) {
        subscription.connection.send(event.publicFrame());
      }
    }
  }
}
