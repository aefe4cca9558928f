package dev.hearth.vote;

import dev.hearth.auth.BearerToken;
import dev.hearth.web.JsonBody;
import dev.hearth.web.PathIds;
import dev.hearth.web.QueryParams;
import dev.hearth.web.Responses;
import io.vertx.ext.web.Router;
import io.vertx.ext.web.RoutingContext;

/** Voting on comments, and reading one's own votes. */
public final class VoteRoutes {
  private final VoteService votes;

  public VoteRoutes(VoteService votes) {
    this.votes = votes;
  }

  public void mount(Router router) {
    router.put("/api/v1/comments/:id/vote").handler(this::vote);
    router.get("/api/v1/votes").handler(this::mine);
  }

  /** PUT /api/v1/comments/{id}/vote {value: 1 | -1 | 0} (an account's bearer) → {id, score, vote}. */
  private void vote(RoutingContext ctx) {
    long id = PathIds.positive(ctx, "id", "comment_not_found");
    Responses.respond(ctx, 200, votes.vote(id, BearerToken.of(ctx), VoteRequest.from(JsonBody.read(ctx))));
  }

  /** GET /api/v1/votes?site=S&page=K (bearer) → {votes: {commentId: value}}. */
  private void mine(RoutingContext ctx) {
    QueryParams params = QueryParams.of(ctx, "site", "page");
    Responses.respond(ctx, 200, votes.mine(BearerToken.of(ctx), params.required("site"), params.required("page")));
  }
}
