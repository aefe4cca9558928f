package dev.hearth.metrics;

import dev.hearth.auth.AdminGuard;
import dev.hearth.auth.AdminGuesses;
import io.vertx.ext.web.Router;
import io.vertx.ext.web.RoutingContext;

/** The node's figures for the instance admin's scraper (Prometheus, or the soak benchmark). */
public final class MetricsRoutes {
  /** Prometheus' text exposition format. */
  static final String CONTENT_TYPE = "text/plain; version=0.0.4; charset=utf-8";

  private final NodeMetrics metrics;
  private final AdminGuard admin;
  private final AdminGuesses guesses;

  public MetricsRoutes(NodeMetrics metrics, AdminGuard admin, AdminGuesses guesses) {
    this.metrics = metrics;
    this.admin = admin;
    this.guesses = guesses;
  }

  public void mount(Router router) {
    // Wrong tokens count as guesses at the admin token here as on the API, or this route would
    // be a way around that limit.
    router.get("/metrics").handler(guesses.handler()).handler(admin).handler(this::scrape);
  }

  /** GET /metrics (admin token) → 200 the node's meters in Prometheus text format. */
  private void scrape(RoutingContext ctx) {
    metrics.scrape()
        .onSuccess(text -> ctx.response()
            .putHeader("content-type", CONTENT_TYPE)
            .putHeader("cache-control", "no-store")
            .end(text))
        .onFailure(ctx::fail);
  }
}
