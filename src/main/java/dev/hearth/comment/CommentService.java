package dev.hearth.comment;

import dev.hearth.event.EventLog;
import dev.hearth.idempotency.IdempotencyKeys;
import dev.hearth.idempotency.IdempotencyKeys.StoredResponse;
import dev.hearth.page.Page;
import dev.hearth.page.PageRepository;
import dev.hearth.site.Site;
import dev.hearth.site.SiteService;
import dev.hearth.web.ApiError;
import io.vertx.core.Future;
import io.vertx.core.json.JsonArray;
import io.vertx.core.json.JsonObject;
import io.vertx.sqlclient.Pool;
import io.vertx.sqlclient.SqlClient;
import java.util.List;
import java.util.Map;
import java.util.Optional;

/** The rules of posting comments and reading threads. */
public final class CommentService {
  static final String IDEMPOTENCY_SCOPE = "POST /api/v1/comments";

  private final Pool pool;
  private final SiteService sites;
  private final PageRepository pages;
  private final CommentRepository comments;
  private final EventLog events;
  private final IdempotencyKeys idempotency;

  public CommentService(Pool pool, SiteService sites, PageRepository pages, CommentRepository comments,
                        EventLog events, IdempotencyKeys idempotency) {
    this.pool = pool;
    this.sites = sites;
    this.pages = pages;
    this.comments = comments;
    this.events = events;
    this.idempotency = idempotency;
  }

  /** A request key for Idempotency-Key: the key and a hash of the exact request body. */
  public record Idempotency(String key, byte[] requestHash) {
  }

  /**
   * Posts a comment. Everything (page, author, comment, counters, event, idempotency record)
   * commits in one transaction, so an acknowledged comment is never half-written.
   */
  public Future<StoredResponse> create(NewComment request, Optional<Idempotency> key) {
    return sites.get(request.siteId()).compose(site -> {
      request.checkBodyLength(site.settings().maxBodyLength());
      return pool.withTransaction(tx -> {
        Future<Optional<StoredResponse>> claimed = key
            .map(k -> idempotency.claim(tx, IDEMPOTENCY_SCOPE, k.key(), k.requestHash()))
            .orElse(Future.succeededFuture(Optional.empty()));
        return claimed.compose(previous -> previous.isPresent()
            ? Future.succeededFuture(previous.get())
            : insert(tx, site, request).compose(created -> {
              StoredResponse response = new StoredResponse(201, created);
              return key.map(k -> idempotency.complete(tx, IDEMPOTENCY_SCOPE, k.key(), 201, created).map(response))
                  .orElse(Future.succeededFuture(response));
            }));
      });
    });
  }

  private Future<JsonObject> insert(SqlClient tx, Site site, NewComment request) {
    String html = PlainText.toHtml(request.body());
    String status = "visible";
    // The page row is locked first: writes to one page serialize, so its event ids commit in order.
    return pages.upsertLocked(tx, site.id(), request.pageKey(), request.pageUrl(), request.pageTitle())
        .compose(page -> {
          if (page.closed()) {
            throw ApiError.forbidden("page_closed", "Comments are closed on this page");
          }
          return checkParent(tx, request, page)
              .compose(ignored -> request.parentId() == null
                  ? comments.placeRoot(tx, page.id())
                  : comments.placeReply(tx, request.parentId(), true))
              .compose(placement -> comments.countVisible(tx, page.id())
                  .compose(ignored -> comments.insertAnonymousAuthor(tx, site.id(), request.authorName(),
                      request.authorEmail()))
                  .compose(authorId -> comments.insert(tx, site.id(), page.id(), placement, authorId,
                      request.body(), html, PlainText.POLICY_VERSION, status))
                  .compose(inserted -> events.append(tx, site.id(), page.id(), "comment.created", inserted.id(),
                          new JsonObject().put("commentId", inserted.id()))
                      .map(eventId -> {
                        Comment comment = new Comment(inserted.id(), placement.parentId(),
                            placement.parentId() == null ? inserted.id() : placement.rootId(), placement.depth(),
                            request.authorName(), request.body(), html, status, inserted.createdAt(), null, 0, 0);
                        return CommentJson.comment(comment).put("children", new JsonArray())
                            .put("page", page.toJson().put("commentCount", page.commentCount() + 1));
                      })));
        });
  }

  /** A reply must answer a visible comment of the same page. */
  private Future<Void> checkParent(SqlClient tx, NewComment request, Page page) {
    if (request.parentId() == null) {
      return Future.succeededFuture();
    }
    return comments.parentState(tx, request.parentId()).map(state -> {
      CommentRepository.ParentState parent = state.filter(p -> p.siteId().equals(page.siteId()))
          .orElseThrow(() -> ApiError.unprocessable("parent_not_found",
              "parentId " + request.parentId() + " is not a comment of this site"));
      if (parent.pageId() != page.id()) {
        throw ApiError.unprocessable("invalid_parent", "parentId " + request.parentId() + " belongs to another page");
      }
      if (!"visible".equals(parent.status())) {
        throw ApiError.unprocessable("parent_not_visible", "The comment you are replying to is no longer visible");
      }
      return null;
    });
  }

  /** One page of threads: the top-level comments chosen by sort and cursor, each with its replies. */
  public Future<ThreadPage> threads(ThreadQuery query) {
    return sites.get(query.siteId()).compose(site -> pages.find(pool, site.id(), query.pageKey()).compose(page -> {
      if (page.isEmpty()) {
        return Future.succeededFuture(new ThreadPage(site, query.pageKey(), page, List.of(), Optional.empty()));
      }
      return comments.roots(pool, page.get().id(), query).compose(roots -> {
        boolean more = roots.size() > query.limit();
        List<CommentRepository.RootRef> shown = more ? roots.subList(0, query.limit()) : roots;
        List<Long> ids = shown.stream().map(CommentRepository.RootRef::id).toList();
        return comments.threads(pool, ids).map(rows -> {
          Map<Long, CommentTree.Node> trees = CommentTree.build(rows);
          List<CommentTree.Node> ordered = ids.stream().map(trees::get).filter(java.util.Objects::nonNull).toList();
          Optional<String> next = more
              ? Optional.of(cursorAfter(query.sort(), shown.get(shown.size() - 1)).encode())
              : Optional.empty();
          return new ThreadPage(site, query.pageKey(), page, ordered, next);
        });
      });
    }));
  }

  private static ThreadCursor cursorAfter(ThreadSort sort, CommentRepository.RootRef last) {
    return new ThreadCursor(sort, last.rankValue(), last.id());
  }

  /** Visible comment counts for article lists; pages without comments count 0. */
  public Future<JsonObject> counts(String siteId, List<String> keys) {
    return sites.get(siteId).compose(site -> pages.counts(pool, site.id(), keys)).map(found -> {
      JsonObject counts = new JsonObject();
      keys.forEach(key -> counts.put(key, found.getOrDefault(key, 0)));
      return new JsonObject().put("site", siteId).put("counts", counts);
    });
  }
}
