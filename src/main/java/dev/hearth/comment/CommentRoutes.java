package dev.hearth.comment;

import dev.hearth.admin.AdminToken;
import dev.hearth.idempotency.IdempotencyKeys;
import dev.hearth.web.ApiError;
import dev.hearth.web.JsonBody;
import dev.hearth.web.QueryParams;
import dev.hearth.web.Responses;
import io.vertx.ext.web.Router;
import io.vertx.ext.web.RoutingContext;
import java.util.Optional;

/** HTTP routes for posting comments and reading threads. */
public final class CommentRoutes {
  private final CommentService service;

  public CommentRoutes(CommentService service) {
    this.service = service;
  }

  public void mount(Router router) {
    router.post("/api/v1/comments").handler(this::create);
    router.get("/api/v1/threads").handler(this::threads);
    router.get("/api/v1/counts").handler(this::counts);
  }

  /** POST /api/v1/comments {site, page: {key, url?, title?}, parentId?, body, author: {name, email?}} → 201 comment. */
  private void create(RoutingContext ctx) {
    NewComment request = NewComment.parse(JsonBody.read(ctx));
    Optional<CommentService.Idempotency> key = Optional.ofNullable(ctx.request().getHeader("idempotency-key"))
        .map(IdempotencyKeys::checkedKey)
        .map(k -> new CommentService.Idempotency(k, AdminToken.sha256(ctx.body().asString())));
    service.create(request, key)
        .onSuccess(response -> Responses.json(ctx, response.status(), response.body()))
        .onFailure(ctx::fail);
  }

  /** GET /api/v1/threads?site=S&page=K[&sort=oldest|newest|top|replies][&cursor=C][&limit=N] → threads. */
  private void threads(RoutingContext ctx) {
    ThreadQuery query = ThreadQuery.parse(QueryParams.of(ctx, "site", "page", "sort", "cursor", "limit"));
    Responses.respond(ctx, 200, service.threads(query).map(thread -> {
      if (thread.page().isEmpty()) {
        throw ApiError.notFound("page_not_found", "No page '" + query.pageKey() + "' on this site has comments yet");
      }
      return thread.toJson();
    }));
  }

  /** GET /api/v1/counts?site=S&page=K1&page=K2... (up to 100 pages) → {site, counts: {K: n}}. */
  private void counts(RoutingContext ctx) {
    QueryParams params = QueryParams.of(ctx, "site", "page");
    String site = params.required("site");
    var keys = params.all("page", 100);
    if (keys.isEmpty()) {
      throw ApiError.badRequest("invalid_query", "Give at least one page parameter");
    }
    Responses.respond(ctx, 200, service.counts(site, keys));
  }
}
