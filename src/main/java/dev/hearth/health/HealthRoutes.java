package dev.hearth.health;

import dev.hearth.web.Draining;
import dev.hearth.web.Responses;
import io.vertx.core.json.JsonObject;
import io.vertx.ext.web.Router;
import io.vertx.ext.web.RoutingContext;

/** Liveness and readiness probes for load balancers and orchestrators. */
public final class HealthRoutes {
  private final ReadinessRepository database;
  private final Draining draining;

  public HealthRoutes(ReadinessRepository database, Draining draining) {
    this.database = database;
    this.draining = draining;
  }

  public void mount(Router router) {
    router.get("/health").handler(this::health);
    router.get("/ready").handler(this::ready);
  }

  /** GET /health → 200 while the process serves HTTP at all. */
  private void health(RoutingContext ctx) {
    Responses.ok(ctx, new JsonObject().put("status", "ok"));
  }

  /**
   * GET /ready → 200 when the database answers, 503 otherwise; 503 too once the node is
   * shutting down, so a load balancer stops sending it anything new.
   */
  private void ready(RoutingContext ctx) {
    if (draining.active()) {
      Responses.json(ctx, 503, new JsonObject()
          .put("error", "shutting_down").put("message", "This node is shutting down; use another"));
      return;
    }
    database.ping()
        .onSuccess(rows -> Responses.ok(ctx, new JsonObject().put("status", "ready")))
        .onFailure(failure -> Responses.json(ctx, 503, new JsonObject()
            .put("error", "database_unavailable").put("message", "The database does not answer")));
  }
}
