package dev.hearth.view;

import com.github.benmanes.caffeine.cache.Cache;
import com.github.benmanes.caffeine.cache.Caffeine;
import dev.hearth.comment.Comment;
import dev.hearth.comment.CommentJson;
import dev.hearth.comment.CommentViews;
import dev.hearth.event.EventKind;
import dev.hearth.event.StoredEvent;
import dev.hearth.live.EventRenderer;
import dev.hearth.live.RenderedEvent;
import dev.hearth.web.Templates;
import io.vertx.core.Future;
import io.vertx.core.json.JsonArray;
import io.vertx.core.json.JsonObject;
import java.time.Instant;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;

/**
 * Turns an events row into the frames sent to browsers, once per node: the comment's JSON as
 * the API shows it and its HTML from the same Handlebars partial as the server-rendered
 * thread. Rendered events are kept for a while so resuming clients share the work.
 */
public final class EventFrames implements EventRenderer {
  private final CommentViews views;
  private final Templates templates;
  /**
   * Bounded by the frames' bytes, not by a count: the count of 20,000 it had meant about 3 KB
   * an event for short comments (60 MB when full, still filling after 30 minutes of the soak)
   * and about 40 KB for comments of the longest allowed body (800 MB, past a production heap).
   * 16 MB holds the last few thousand events, more than resuming clients ask for (a replay
   * stops at 1,000 events of a page).
   */
  private static final long MAX_BYTES = 16L * 1024 * 1024;

  private final Cache<Long, RenderedEvent> rendered = Caffeine.newBuilder()
      .maximumWeight(MAX_BYTES)
      .weigher((Long id, RenderedEvent event) -> event.bytes() + 200)
      .build();

  public EventFrames(CommentViews views, Templates templates) {
    this.views = views;
    this.templates = templates;
  }

  @Override
  public Future<RenderedEvent> render(StoredEvent event) {
    RenderedEvent cached = rendered.getIfPresent(event.id());
    if (cached != null) {
      return Future.succeededFuture(cached);
    }
    Future<RenderedEvent> result = event.commentId() == null
        ? Future.succeededFuture(pageEvent(event))
        : commentEvent(event);
    return result.onSuccess(done -> rendered.put(event.id(), done));
  }

  /**
   * For a resume: the events with their comments as they are now, not as they were when each
   * event was first sent (those frames are kept for live delivery). A comment edited since
   * comes with its new text, one removed since only as its removal, so a resume never shows
   * what is no longer true. Each comment is read once, however many of the events name it.
   */
  @Override
  public Future<List<RenderedEvent>> renderCurrent(List<StoredEvent> events) {
    Map<Long, Future<Optional<CommentViews.Shown>>> comments = new HashMap<>();
    List<Future<RenderedEvent>> rendering = events.stream().map(event -> event.commentId() == null
        ? Future.succeededFuture(pageEvent(event))
        : comments.computeIfAbsent(event.commentId(), views::of).map(found -> commentEvent(event, found)))
        .toList();
    return Future.all(rendering).map(all -> rendering.stream().map(Future::result).toList());
  }

  private RenderedEvent pageEvent(StoredEvent event) {
    String frame = head(event).encode();
    return RenderedEvent.of(event.id(), event.siteId(), event.pageId(), event.pageKey(), event.kind(), frame, frame);
  }

  private Future<RenderedEvent> commentEvent(StoredEvent event) {
    return views.of(event.commentId()).map(found -> commentEvent(event, found));
  }

  private RenderedEvent commentEvent(StoredEvent event, Optional<CommentViews.Shown> found) {
    if (found.isEmpty()) {
      return RenderedEvent.of(event.id(), event.siteId(), event.pageId(), event.pageKey(), event.kind(), null, null);
    }
    Comment comment = found.get().comment();
    CommentJson json = found.get().json();
    JsonObject staffFrame = head(event).put("comment", json.withContent(comment));
    return RenderedEvent.of(event.id(), event.siteId(), event.pageId(), event.pageKey(), event.kind(),
        publicFrame(event, comment, json, ThreadView.Actions.forSite(found.get().site().settings())).orElse(null),
        staffFrame.encode());
  }

  /**
   * What readers of the page see: a visible comment with its rendered HTML; for a removal,
   * only which comment to take away; nothing for a comment that is not (or no longer) shown.
   */
  private Optional<String> publicFrame(StoredEvent event, Comment comment, CommentJson json,
                                       ThreadView.Actions actions) {
    if (!EventKind.from(event.kind()).reachesReaders()) {
      return Optional.empty();
    }
    if (comment.isVisible()) {
      JsonObject shown = json.comment(comment).put("children", new JsonArray()).put("moreReplies", false);
      String fragment = templates.render("comment", ThreadView.comment(shown, Instant.now(), actions));
      return Optional.of(head(event).put("comment", shown).put("fragment", fragment).encode());
    }
    if (EventKind.from(event.kind()).removesComment()) {
      return Optional.of(head(event).put("comment", new JsonObject().put("id", comment.id())
          .put("parentId", comment.parentId()).put("status", comment.status().json())).encode());
    }
    return Optional.empty();
  }

  private static JsonObject head(StoredEvent event) {
    return new JsonObject().put("type", "event").put("id", event.id()).put("kind", event.kind())
        .put("site", event.siteId()).put("page", event.pageKey());
  }
}
