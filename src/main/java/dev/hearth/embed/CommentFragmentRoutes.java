package dev.hearth.embed;

import dev.hearth.auth.AuthUser;
import dev.hearth.auth.BearerToken;
import dev.hearth.auth.IdentityResolver;
import dev.hearth.comment.CommentViews;
import dev.hearth.comment.ThreadService;
import dev.hearth.site.SiteService;
import dev.hearth.view.ThreadView;
import dev.hearth.web.ApiError;
import dev.hearth.web.PathIds;
import dev.hearth.web.QueryParams;
import dev.hearth.web.Templates;
import io.vertx.core.Future;
import io.vertx.core.json.JsonArray;
import io.vertx.core.json.JsonObject;
import io.vertx.ext.web.Router;
import io.vertx.ext.web.RoutingContext;
import java.net.URLEncoder;
import java.nio.charset.StandardCharsets;
import java.time.Instant;
import java.util.List;
import java.util.Map;
import java.util.Optional;

/**
 * Server-rendered pieces the thread page's script swaps in: one comment as it is now (after
 * posting or editing), further replies of a comment, and the reader's own held comments. The
 * same {@code comment} partial as every other view, with the reader's actions.
 */
public final class CommentFragmentRoutes {
  private final CommentViews views;
  private final ThreadService threads;
  private final SiteService sites;
  private final IdentityResolver identities;
  private final Templates templates;

  public CommentFragmentRoutes(CommentViews views, ThreadService threads, SiteService sites,
                               IdentityResolver identities, Templates templates) {
    this.views = views;
    this.threads = threads;
    this.sites = sites;
    this.identities = identities;
    this.templates = templates;
  }

  public void mount(Router router) {
    router.get("/embed/comments/:id").handler(this::comment);
    router.get("/embed/comments/:id/replies").handler(this::replies);
    router.get("/embed/mine").handler(this::mine);
  }

  /**
   * GET /embed/comments/{id} (Bearer optional) → text/html, the comment's item without its
   * replies; a held comment only for its author, marked as awaiting moderation; else 404.
   */
  private void comment(RoutingContext ctx) {
    long id = PathIds.positive(ctx, "id", "comment_not_found");
    QueryParams.of(ctx);
    identities.user(BearerToken.of(ctx))
        .compose(reader -> views.forReader(id, reader))
        .compose(found -> {
          CommentViews.Read read = found.orElseThrow(() -> ApiError.notFound("comment_not_found", "No comment " + id));
          return Future.succeededFuture(items(List.of(read.json().put("children", new JsonArray())),
              ThreadView.Actions.forSite(read.site().settings()), ""));
        })
        .onSuccess(html -> fragment(ctx, html))
        .onFailure(ctx::fail);
  }

  /** GET /embed/comments/{id}/replies[?cursor=C] → text/html, the next replies and a link to more. */
  private void replies(RoutingContext ctx) {
    long id = PathIds.positive(ctx, "id", "comment_not_found");
    Optional<String> cursor = QueryParams.of(ctx, "cursor").optional("cursor");
    views.of(id).compose(found -> {
      CommentViews.Shown parent = found.orElseThrow(() -> ApiError.notFound("comment_not_found", "No comment " + id));
      return threads.replies(id, cursor, ThreadService.REPLIES_PER_LEVEL).map(page -> {
        String next = page.getString("nextCursor");
        String moreHref = next == null ? ""
            : "/embed/comments/" + id + "/replies?cursor=" + URLEncoder.encode(next, StandardCharsets.UTF_8);
        return items(jsonList(page.getJsonArray("comments")), ThreadView.Actions.forSite(parent.site().settings()),
            moreHref);
      });
    }).onSuccess(html -> fragment(ctx, html)).onFailure(ctx::fail);
  }

  /** GET /embed/mine?site=S&page=K (Bearer) → text/html, the caller's own held comments on the page. */
  private void mine(RoutingContext ctx) {
    QueryParams params = QueryParams.of(ctx, "site", "page");
    String siteId = params.required("site");
    String pageKey = params.required("page");
    identities.user(BearerToken.of(ctx)).compose(reader -> {
      AuthUser writer = reader.orElseThrow(() -> ApiError.unauthorized("Send your token as Authorization: Bearer <token>"));
      if (!writer.siteId().equals(siteId)) {
        throw ApiError.forbidden("wrong_site", "This token belongs to another site");
      }
      return sites.get(siteId).compose(site -> views.heldFor(writer, pageKey).map(held -> items(
          held.stream().map(c -> c.put("children", new JsonArray())).toList(),
          ThreadView.Actions.forSite(site.settings()), "")));
    }).onSuccess(html -> fragment(ctx, html)).onFailure(ctx::fail);
  }

  private String items(List<JsonObject> comments, ThreadView.Actions actions, String moreHref) {
    Instant now = Instant.now();
    return templates.render("embed/items", Map.of(
        "comments", ThreadView.comments(new JsonArray(List.copyOf(comments)), now, actions),
        "moreHref", moreHref));
  }

  private static List<JsonObject> jsonList(JsonArray array) {
    return array.stream().map(JsonObject.class::cast).toList();
  }


  private static void fragment(RoutingContext ctx, String html) {
    FramedPages.send(ctx, FramedPages.policy("'self'"), html);
  }
}
