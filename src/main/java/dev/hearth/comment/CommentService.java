package dev.hearth.comment;

import dev.hearth.auth.AuthUser;
import dev.hearth.event.EventKind;
import dev.hearth.event.EventLog;
import dev.hearth.flood.AddressHash;
import dev.hearth.flood.FloodControl;
import dev.hearth.idempotency.IdempotencyKeys.StoredResponse;
import dev.hearth.idempotency.IdempotencyKeys;
import dev.hearth.page.Page;
import dev.hearth.page.PageRepository;
import dev.hearth.role.StaffBadges;
import dev.hearth.rules.Verdict;
import dev.hearth.rules.WriteRules;
import dev.hearth.site.Site;
import dev.hearth.site.SiteService;
import dev.hearth.web.ApiError;
import io.vertx.core.Future;
import io.vertx.core.json.JsonArray;
import io.vertx.core.json.JsonObject;
import io.vertx.sqlclient.Pool;
import io.vertx.sqlclient.SqlClient;
import java.time.Instant;
import java.util.Map;
import java.util.Optional;

/** The rules of posting a comment. */
public final class CommentService {
  static final String IDEMPOTENCY_SCOPE = "POST /api/v1/comments";

  private final Pool pool;
  private final SiteService sites;
  private final PageRepository pages;
  private final CommentRepository comments;
  private final CommentAuthors authors;
  private final EventLog events;
  private final IdempotencyKeys idempotency;
  private final StaffBadges staff;
  private final WriteRules rules;
  private final FloodControl flood;
  private final AddressHash addresses;

  public CommentService(Pool pool, SiteService sites, PageRepository pages, CommentRepository comments,
                        CommentAuthors authors, EventLog events, IdempotencyKeys idempotency, StaffBadges staff,
                        WriteRules rules, FloodControl flood, AddressHash addresses) {
    this.staff = staff;
    this.rules = rules;
    this.flood = flood;
    this.addresses = addresses;
    this.pool = pool;
    this.sites = sites;
    this.pages = pages;
    this.comments = comments;
    this.authors = authors;
    this.events = events;
    this.idempotency = idempotency;
  }

  /** A request key for Idempotency-Key: the key and a hash of the exact request (body and token). */
  public record Idempotency(String key, byte[] requestHash) {
  }

  /**
   * Posts a comment from {@code clientAddress}. Everything (page, author, comment, counters,
   * event, idempotency record) commits in one transaction, so an acknowledged comment is never
   * half-written. A retry with the same Idempotency-Key answers what the first attempt did,
   * before flood control could call it a duplicate.
   */
  public Future<StoredResponse> create(NewComment request, String clientAddress, Optional<String> bearer,
                                       Optional<Idempotency> key) {
    return sites.get(request.siteId()).compose(site -> {
      if (bearer.isEmpty() && !site.settings().allowAnonymous()) {
        throw ApiError.unauthorized("This site asks commenters to sign in");
      }
      if (bearer.isEmpty() && request.authorName() == null) {
        throw new ApiError(400, "missing_field", "Missing required field: author.name",
            new JsonObject().put("field", "author.name"));
      }
      request.checkBodyLength(site.settings().maxBodyLength());
      RenderedBody body = RenderedBody.of(request.body());
      byte[] addressHash = addresses.of(clientAddress);
      return authors.signedIn(bearer, site).compose(user -> staff.of(site.id()).compose(staffBadges ->
          pool.withTransaction(tx -> {
        Future<Optional<StoredResponse>> claimed = key
            .map(k -> idempotency.claim(tx, IDEMPOTENCY_SCOPE, k.key(), k.requestHash()))
            .orElse(Future.succeededFuture(Optional.empty()));
        return claimed.compose(previous -> previous.isPresent()
            ? Future.succeededFuture(previous.get())
            : limit(tx, site, body, user, staffBadges, addressHash)
                .compose(ignored -> insert(tx, site, request, body, user, staffBadges, addressHash))
                .compose(created -> {
              StoredResponse response = new StoredResponse(201, created);
              return key.map(k -> idempotency.complete(tx, IDEMPOTENCY_SCOPE, k.key(), 201, created).map(response))
                  .orElse(Future.succeededFuture(response));
            }));
      })));
    });
  }

  /**
   * A draft rendered exactly as posting would render it (the same markup and sanitizer), for
   * the composer's preview. Nothing is stored; the site's length limit applies.
   */
  public Future<JsonObject> preview(PreviewRequest request) {
    return sites.get(request.siteId()).map(site -> {
      NewComment.checkBodyLength(request.body(), site.settings().maxBodyLength());
      return new JsonObject().put("html", RenderedBody.of(request.body()).html());
    });
  }

  /** Flood control, before the page row is locked (its advisory locks always come first). */
  private Future<Void> limit(SqlClient tx, Site site, RenderedBody body, Optional<AuthUser> user,
                             Map<Long, String> staffBadges, byte[] addressHash) {
    Long userId = user.map(AuthUser::id).orElse(null);
    boolean isStaff = userId != null && staffBadges.containsKey(userId);
    return flood.check(tx, site.id(), site.settings(),
        new FloodControl.Attempt(userId, isStaff, addressHash, body.source()));
  }

  private Future<JsonObject> insert(SqlClient tx, Site site, NewComment request, RenderedBody body,
                                    Optional<AuthUser> user, Map<Long, String> staffBadges, byte[] addressHash) {
    Long authorId = user.map(AuthUser::id).orElse(null);
    // The page row is locked first: writes to one page serialize, so its event ids commit in order.
    return pages.upsertLocked(tx, site.id(), request.pageKey(), request.pageUrl(), request.pageTitle())
        .compose(page -> {
          if (page.isClosed(site.settings().autoCloseDays(), Instant.now())) {
            throw ApiError.forbidden("page_closed", "Comments are closed on this page");
          }
          return checkParent(tx, request, page)
              .compose(ignored -> rules.judge(tx, site, authorId, page.premoderated(), body.source()))
              .compose(verdict -> {
                // Staff are never held; everyone else's comment is shown or held as the rules say.
                boolean held = verdict.action() == Verdict.Action.HOLD
                    && (authorId == null || !staffBadges.containsKey(authorId));
                return write(tx, site, page, request, body, user, staffBadges, addressHash,
                    held ? verdict : Verdict.accept());
              });
        });
  }

  private Future<JsonObject> write(SqlClient tx, Site site, Page page, NewComment request, RenderedBody body,
                                   Optional<AuthUser> user, Map<Long, String> staffBadges, byte[] addressHash,
                                   Verdict verdict) {
    boolean visible = verdict.action() == Verdict.Action.ACCEPT;
    CommentStatus status = visible ? CommentStatus.VISIBLE : CommentStatus.PENDING;
    String heldBy = visible ? null : verdict.rule();
    String heldDetail = visible ? null : verdict.detail();
    return (request.parentId() == null
        ? comments.placeRoot(tx, page.id())
        : comments.placeReply(tx, request.parentId(), visible))
        .compose(placement -> pages.recordChange(tx, page.id(), visible ? 1 : 0)
            .compose(ignored -> authors.authorFor(tx, site, user, request))
            .compose(author -> comments.insert(tx, site.id(), page.id(), placement, author.userId(), author.name(),
                    author.badge(), addressHash, body, status, heldBy, heldDetail)
                .compose(inserted -> events.append(tx, site.id(), page.id(), EventKind.COMMENT_CREATED, inserted.id(),
                        new JsonObject().put("commentId", inserted.id()))
                    .map(eventId -> {
                      Comment comment = new Comment(inserted.id(), placement.parentId(),
                          placement.parentId() == null ? inserted.id() : placement.rootId(), placement.depth(),
                          author.userId(), author.name(), author.badge(), body.source(), body.html(), status,
                          inserted.createdAt(), null, 0, 0);
                      CommentJson shown = CommentJson.forPage(site, page, staffBadges);
                      // The writer sees their own words even while they await review, and why.
                      JsonObject json = (visible ? shown.comment(comment) : shown.withContent(comment))
                          .put("children", new JsonArray())
                          .put("page", page.toJson(site.settings().autoCloseDays(), Instant.now())
                              .put("commentCount", page.commentCount() + (visible ? 1 : 0)));
                      if (!visible) {
                        json.put("heldForReview", true);
                      }
                      author.newToken().ifPresent(token -> json.put("ownerToken", token));
                      return json;
                    }))));
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
      if (!parent.status().isVisible()) {
        throw ApiError.unprocessable("parent_not_visible", "The comment you are replying to is no longer visible");
      }
      return null;
    });
  }
}
