package dev.hearth.comment;

import dev.hearth.auth.BearerToken;
import dev.hearth.auth.IdentityResolver;
import dev.hearth.auth.Sha256;
import dev.hearth.idempotency.IdempotencyKeys;
import dev.hearth.web.ApiError;
import dev.hearth.web.ClientAddress;
import dev.hearth.web.JsonBody;
import dev.hearth.web.PathIds;
import dev.hearth.web.QueryParams;
import dev.hearth.web.Responses;
import io.vertx.ext.web.Router;
import io.vertx.ext.web.RoutingContext;
import java.util.List;
import java.util.Optional;

/** HTTP routes for posting, changing and reading comments. */
public final class CommentRoutes {
  private final CommentService posting;
  private final CommentEdits edits;
  private final ThreadService threads;
  private final CommentViews views;
  private final IdentityResolver identities;

  public CommentRoutes(CommentService posting, CommentEdits edits, ThreadService threads, CommentViews views,
                       IdentityResolver identities) {
    this.views = views;
    this.identities = identities;
    this.posting = posting;
    this.edits = edits;
    this.threads = threads;
  }

  public void mount(Router router) {
    router.post("/api/v1/comments").handler(this::create);
    router.patch("/api/v1/comments/:id").handler(this::edit);
    router.delete("/api/v1/comments/:id").handler(this::delete);
    router.get("/api/v1/comments/:id").handler(this::one);
    router.get("/api/v1/comments/:id/replies").handler(this::replies);
    router.post("/api/v1/preview").handler(this::preview);
    router.get("/api/v1/comments/:id/context").handler(this::context);
    router.get("/api/v1/threads").handler(this::threads);
    router.get("/api/v1/counts").handler(this::counts);
  }

  /**
   * POST /api/v1/comments {site, page: {key, url?, title?}, parentId?, body, author?: {name, email?}}
   * [Authorization: Bearer token] [Idempotency-Key] → 201 comment (+ ownerToken for a new anonymous author).
   */
  private void create(RoutingContext ctx) {
    NewComment request = NewComment.parse(JsonBody.read(ctx));
    Optional<String> bearer = BearerToken.of(ctx);
    Optional<CommentService.Idempotency> key = Optional.ofNullable(ctx.request().getHeader("idempotency-key"))
        .map(IdempotencyKeys::checkedKey)
        .map(k -> new CommentService.Idempotency(k, Sha256.of(bearer.orElse("") + "\n" + ctx.body().asString())));
    posting.create(request, ClientAddress.of(ctx), bearer, key)
        .onSuccess(response -> Responses.json(ctx, response.status(), response.body()))
        .onFailure(ctx::fail);
  }

  /**
   * GET /api/v1/comments/{id} [Authorization: Bearer] → the comment as the caller may see it:
   * a visible one for anyone (with its markdown source, for quoting and editing), a held one
   * only for its author; 404 otherwise.
   */
  private void one(RoutingContext ctx) {
    long id = commentId(ctx);
    QueryParams.of(ctx);
    Responses.respond(ctx, 200, identities.user(BearerToken.of(ctx)).compose(reader -> views.forReader(id, reader))
        .map(found -> found.orElseThrow(() -> ApiError.notFound("comment_not_found", "No comment " + id)).json()));
  }

  /** POST /api/v1/preview {site, body} → {html}: the draft as it would be shown, nothing stored. */
  private void preview(RoutingContext ctx) {
    Responses.respond(ctx, 200, posting.preview(PreviewRequest.from(JsonBody.read(ctx))));
  }

  /** PATCH /api/v1/comments/{id} {body} (the author's token) → the comment. */
  private void edit(RoutingContext ctx) {
    Responses.respond(ctx, 200, edits.edit(commentId(ctx), BearerToken.of(ctx), CommentEdit.from(JsonBody.read(ctx))));
  }

  /** DELETE /api/v1/comments/{id} (the author's token) → 204. */
  private void delete(RoutingContext ctx) {
    edits.delete(commentId(ctx), BearerToken.of(ctx))
        .onSuccess(ignored -> ctx.response().setStatusCode(204).end())
        .onFailure(ctx::fail);
  }

  /** GET /api/v1/comments/{id}/replies[?cursor=C][&limit=N] → {parentId, comments, nextCursor}. */
  private void replies(RoutingContext ctx) {
    long id = commentId(ctx);
    QueryParams params = QueryParams.of(ctx, "cursor", "limit");
    int limit = params.integer("limit", ThreadService.REPLIES_PER_LEVEL, 1, 100);
    Responses.respond(ctx, 200, threads.replies(id, params.optional("cursor"), limit));
  }

  /** GET /api/v1/comments/{id}/context → the page of threads holding the comment, with {@code target}. */
  private void context(RoutingContext ctx) {
    long id = commentId(ctx);
    QueryParams.of(ctx);
    threads.context(id).onSuccess(page -> Responses.encoded(ctx, 200, page.encodedParts())).onFailure(ctx::fail);
  }

  /** GET /api/v1/threads?site=S&page=K[&sort=oldest|newest|top|replies][&cursor=C][&limit=N] → threads. */
  private void threads(RoutingContext ctx) {
    ThreadQuery query = ThreadQuery.parse(QueryParams.of(ctx, "site", "page", "sort", "cursor", "limit"));
    threads.threads(query).map(thread -> {
      if (thread.page().isEmpty()) {
        throw ApiError.notFound("page_not_found", "No page '" + query.pageKey() + "' on this site has comments yet");
      }
      return thread.encodedParts();
    }).onSuccess(parts -> Responses.encoded(ctx, 200, parts)).onFailure(ctx::fail);
  }

  /** GET /api/v1/counts?site=S&page=K1&page=K2... (up to 100 pages) → {site, counts: {K: n}}. */
  private void counts(RoutingContext ctx) {
    QueryParams params = QueryParams.of(ctx, "site", "page");
    String site = params.required("site");
    List<String> keys = params.all("page", 100);
    if (keys.isEmpty()) {
      throw ApiError.badRequest("invalid_query", "Give at least one page parameter");
    }
    // Counts are public, and article lists on the site's own pages fetch them across origins.
    ctx.response().putHeader("access-control-allow-origin", "*");
    Responses.respond(ctx, 200, threads.counts(site, keys));
  }

  static long commentId(RoutingContext ctx) {
    return PathIds.positive(ctx, "id", "comment_not_found");
  }
}
