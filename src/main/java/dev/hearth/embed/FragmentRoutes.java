package dev.hearth.embed;

import dev.hearth.comment.ThreadQuery;
import dev.hearth.comment.ThreadService;
import dev.hearth.view.HtmlResponses;
import dev.hearth.view.ThreadView;
import dev.hearth.web.QueryParams;
import dev.hearth.web.Templates;
import io.vertx.ext.web.Router;
import io.vertx.ext.web.RoutingContext;
import java.net.URLEncoder;
import java.nio.charset.StandardCharsets;
import java.time.Instant;
import java.util.Map;

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

  /** The same listing's next page: every parameter kept, the cursor moved on. */
  public static String nextPageHref(ThreadQuery query, String cursor) {
    return "/embed/fragment?site=" + encode(query.siteId()) + "&page=" + encode(query.pageKey())
        + "&sort=" + query.sort().wireName() + "&limit=" + query.limit() + "&cursor=" + encode(cursor);
  }

  private static String encode(String value) {
    return URLEncoder.encode(value, StandardCharsets.UTF_8);
  }

  /** GET /embed/fragment?site=S&page=K[&sort=..][&cursor=..] → text/html thread. */
  private void fragment(RoutingContext ctx) {
    ThreadQuery query = ThreadQuery.parse(QueryParams.of(ctx, "site", "page", "sort", "cursor", "limit"));
    comments.threads(query)
        .map(thread -> {
          Map<String, Object> model = ThreadView.of(thread, Instant.now());
          model.put("moreHref", thread.nextCursor().map(next -> nextPageHref(query, next)).orElse(""));
          return templates.render("fragment", model);
        })
        .onSuccess(html -> HtmlResponses.send(ctx, html))
        .onFailure(ctx::fail);
  }
}
