package dev.hearth.demo;

import dev.hearth.comment.ThreadQuery;
import dev.hearth.comment.ThreadService;
import dev.hearth.comment.ThreadSort;
import dev.hearth.embed.FragmentRoutes;
import dev.hearth.view.HtmlResponses;
import dev.hearth.view.ThreadView;
import dev.hearth.web.Templates;
import io.vertx.ext.web.Router;
import io.vertx.ext.web.RoutingContext;
import java.time.Instant;
import java.util.Map;
import java.util.Optional;

/** The demo article with its thread, rendered on the server. */
public final class DemoRoutes {
  private final ThreadService comments;
  private final Templates templates;

  public DemoRoutes(ThreadService comments, Templates templates) {
    this.comments = comments;
    this.templates = templates;
  }

  public void mount(Router router) {
    router.get("/demo").handler(this::article);
    router.get("/").handler(ctx -> ctx.redirect("/demo"));
  }

  /** GET /demo → the demo article followed by its thread. */
  private void article(RoutingContext ctx) {
    ThreadQuery query = new ThreadQuery(DemoSite.SITE_ID, DemoSite.PAGE_KEY, ThreadSort.OLDEST, Optional.empty(),
        ThreadQuery.DEFAULT_LIMIT);
    comments.threads(query)
        .map(thread -> {
          Map<String, Object> model = ThreadView.of(thread, Instant.now());
          model.put("title", DemoSite.PAGE_TITLE);
          model.put("moreHref", thread.nextCursor()
              .map(next -> FragmentRoutes.nextPageHref(query, next)).orElse(""));
          return templates.render("demo", model);
        })
        .onSuccess(html -> HtmlResponses.send(ctx, html))
        .onFailure(ctx::fail);
  }
}
