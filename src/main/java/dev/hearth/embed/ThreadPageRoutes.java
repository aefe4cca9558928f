package dev.hearth.embed;

import dev.hearth.comment.ThreadPage;
import dev.hearth.comment.ThreadQuery;
import dev.hearth.comment.ThreadService;
import dev.hearth.comment.ThreadSort;
import dev.hearth.event.EventFeed;
import dev.hearth.site.Site;
import dev.hearth.site.SiteService;
import dev.hearth.view.ThreadView;
import dev.hearth.web.ApiError;
import dev.hearth.web.Assets;
import dev.hearth.web.QueryParams;
import dev.hearth.web.Templates;
import io.vertx.core.Future;
import io.vertx.ext.web.Router;
import io.vertx.ext.web.RoutingContext;
import java.time.Instant;
import java.util.List;
import java.util.Map;
import java.util.Optional;

/**
 * The thread a site embeds: {@code /embed/thread}, the page inside the iframe that embed.js
 * creates. Everything a reader sees is rendered here, with the same partials as the plain
 * fragment and the live frames; the page's scripts only enhance it.
 */
public final class ThreadPageRoutes {
  private final SiteService sites;
  private final ThreadService threads;
  private final EventFeed events;
  private final Templates templates;
  private final Assets assets;
  private final List<String> ownOrigins;

  public ThreadPageRoutes(SiteService sites, ThreadService threads, EventFeed events, Templates templates,
                          Assets assets, List<String> ownOrigins) {
    this.sites = sites;
    this.threads = threads;
    this.events = events;
    this.templates = templates;
    this.assets = assets;
    this.ownOrigins = ownOrigins;
  }

  public void mount(Router router) {
    router.get("/embed/thread").handler(this::thread);
  }

  /**
   * GET /embed/thread?site=S&page=K[&url][&title][&origin][&frame][&theme][&sort][&cursor][&comment=ID]
   * [&accent][&font][&radius] → the thread page, framable only by the site's origins.
   */
  private void thread(RoutingContext ctx) {
    ThreadPageRequest request = ThreadPageRequest.parse(QueryParams.of(ctx, ThreadPageRequest.PARAMETERS));
    sites.get(request.siteId()).compose(site -> lastEvent(site, request.pageKey())
        .compose(last -> listing(request).map(thread -> render(site, shownAs(request, thread), thread, last))))
        .onSuccess(page -> FramedPages.send(ctx, FramedPages.policy(FramedPages.ancestors(page.site(), ownOrigins),
            page.site().settings().customCssOrigin()), page.html()))
        .onFailure(ctx::fail);
  }

  private record Rendered(Site site, String html) {
  }

  /**
   * The request as the page answers it: a thread opened for one comment is in oldest order
   * whatever {@code sort} said, so the page must say so, and its "More conversations" link must
   * carry that order with the cursor it was made for (another order refuses that cursor).
   */
  private static ThreadPageRequest shownAs(ThreadPageRequest request, ThreadPage thread) {
    if (thread.target().isEmpty() || request.sort() == ThreadSort.OLDEST) {
      return request;
    }
    ThreadQuery asked = request.query();
    return new ThreadPageRequest(new ThreadQuery(asked.siteId(), asked.pageKey(), ThreadSort.OLDEST, Optional.empty(),
        asked.limit()), request.url(), request.title(), request.origin(), request.frame(), request.theme(),
        request.comment(), request.look());
  }

  /**
   * The newest event of the page before its comments are read: the page's live socket resumes
   * after it, so nothing committed meanwhile is missed (an event already shown is skipped by id).
   */
  private Future<Long> lastEvent(Site site, String pageKey) {
    return events.pageId(site.id(), pageKey)
        .compose(pageId -> pageId.isEmpty() ? Future.succeededFuture(0L) : events.lastOfPage(pageId.get()));
  }

  /**
   * The requested listing, or the page of threads holding the linked comment. A link to a
   * comment that is gone, or that belongs to another thread of the host page, opens the thread
   * from its start rather than an error: the host page passes the same link to every thread.
   */
  private Future<ThreadPage> listing(ThreadPageRequest request) {
    if (request.comment().isEmpty()) {
      return threads.threads(request.query());
    }
    return threads.context(request.comment().get())
        .map(page -> page.site().id().equals(request.siteId()) && page.pageKey().equals(request.pageKey())
            ? Optional.of(page) : Optional.<ThreadPage>empty())
        .recover(failure -> failure instanceof ApiError error && error.status() == 404
            ? Future.succeededFuture(Optional.empty()) : Future.failedFuture(failure))
        .compose(found -> found.map(Future::succeededFuture).orElseGet(() -> threads.threads(request.query())));
  }

  private Rendered render(Site site, ThreadPageRequest request, ThreadPage thread, long lastEvent) {
    Map<String, Object> model = ThreadView.of(thread, Instant.now(), ThreadView.Actions.forSite(site.settings()));
    boolean allowedOrigin = request.origin().filter(o -> site.allowsOrigin(o) || ownOrigins.contains(o)).isPresent();
    model.put("theme", request.theme());
    model.put("url", request.url().orElse(""));
    model.put("title", request.title().orElse(""));
    model.put("origin", allowedOrigin ? request.origin().get() : "");
    model.put("frame", request.frame().orElse(""));
    model.put("maxBody", site.settings().maxBodyLength());
    model.put("editWindow", site.settings().editWindowSeconds());
    model.put("voting", site.settings().voting());
    model.put("displayDepth", site.settings().displayDepth());
    model.put("allowAnonymous", site.settings().allowAnonymous());
    model.put("sort", request.sort().wireName());
    model.put("target", thread.target().map(String::valueOf).orElse(""));
    model.put("lastEvent", lastEvent);
    model.put("sorts", request.sortLinks());
    model.put("moreHref", thread.nextCursor().map(request::nextPageHref).orElse(""));
    model.put("cssHref", assets.url("embed/thread.css"));
    model.put("scriptHref", assets.url("embed/thread.js"));
    model.put("themeHref", request.themeHref().orElse(""));
    model.put("customCss", site.settings().customCss() == null ? "" : site.settings().customCss());
    model.put("composer", composer(site, "hearth-", "hearth-composer", false));
    model.put("replyComposer", composer(site, "hearth-reply-", "", true));
    return new Rendered(site, templates.render("embed/thread", model));
  }

  private static Map<String, Object> composer(Site site, String idPrefix, String formId, boolean cancel) {
    return Map.of("idPrefix", idPrefix, "formId", formId, "cancel", cancel,
        "allowAnonymous", site.settings().allowAnonymous(), "maxBody", site.settings().maxBodyLength());
  }
}
