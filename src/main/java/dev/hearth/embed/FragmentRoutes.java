package dev.hearth.embed;

import dev.hearth.comment.ThreadService;
import dev.hearth.comment.ThreadQuery;
import dev.hearth.web.QueryParams;
import dev.hearth.web.Templates;
import io.vertx.ext.web.Router;
import io.vertx.ext.web.RoutingContext;
import java.time.Instant;

/** Server-rendered threads: plain HTML for search engines, readers without JavaScript and server-side includes. */
public final class FragmentRoutes {
  private final ThreadService comments;
  private final Templates templates;

  public FragmentRoutes(ThreadService comments, Templates templates) {
    this.comments = comments;
    this.templates = templates;
  }

  public void mount(Router router) {
    router.get("/embed/fragment").handler(this::fragment);
  }

  /** GET /embed/fragment?site=S&page=K[&sort=..][&cursor=..] → text/html thread. */
  private void fragment(RoutingContext ctx) {
    ThreadQuery query = ThreadQuery.parse(QueryParams.of(ctx, "site", "page", "sort", "cursor", "limit"));
    comments.threads(query)
        .map(thread -> templates.render("fragment", ThreadView.of(thread, Instant.now())))
        .onSuccess(html -> HtmlResponses.send(ctx, html))
        .onFailure(ctx::fail);
  }
}
