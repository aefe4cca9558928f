package dev.hearth;

import dev.hearth.apidoc.ApiDocRoutes;
import dev.hearth.comment.CommentRoutes;
import dev.hearth.demo.DemoRoutes;
import dev.hearth.embed.CommentFragmentRoutes;
import dev.hearth.embed.FragmentRoutes;
import dev.hearth.embed.LoaderRoutes;
import dev.hearth.embed.SignInRoutes;
import dev.hearth.embed.ThreadPageRoutes;
import dev.hearth.health.HealthRoutes;
import dev.hearth.health.ReadinessRepository;
import dev.hearth.metrics.MetricsRoutes;
import dev.hearth.page.PageRoutes;
import dev.hearth.site.SiteRoutes;
import dev.hearth.site.StaffRoutes;
import dev.hearth.web.AssetHandler;
import dev.hearth.web.ClientAddress;
import dev.hearth.web.FailureHandler;
import dev.hearth.web.JsonBody;
import dev.hearth.web.PathText;
import dev.hearth.web.SecurityHeaders;
import io.vertx.core.Future;
import io.vertx.core.VerticleBase;
import io.vertx.core.Vertx;
import io.vertx.core.http.HttpServer;
import io.vertx.core.http.HttpServerOptions;
import io.vertx.ext.web.Router;
import io.vertx.ext.web.handler.BodyHandler;
import io.vertx.ext.web.handler.TimeoutHandler;
import java.util.concurrent.TimeUnit;

/** One HTTP server per event loop; all of them share the port, the pool and the services. */
public final class HttpVerticle extends VerticleBase {
  private final Services services;
  private HttpServer server;

  public HttpVerticle(Services services) {
    this.services = services;
  }

  @Override
  public Future<?> start() {
    HttpServerOptions options = new HttpServerOptions()
        .setHost(services.config().host())
        .setPort(services.config().port())
        .setCompressionSupported(true)
        .setMaxInitialLineLength(8192)
        .setMaxHeaderSize(16384)
        // Live messages over 16 KiB are closed with 1009 by the session; this ceiling only
        // bounds what is buffered before it can say so.
        .setMaxWebSocketFrameSize(64 * 1024)
        .setMaxWebSocketMessageSize(64 * 1024);
    server = vertx.createHttpServer(options).requestHandler(router(vertx, services));
    return server.listen();
  }

  /**
   * Drains: the server stops accepting connections at once, requests already accepted are
   * answered (each connection closes after its last answer), live sockets are told 1001 by
   * their shutdown handler, and whatever is still open after the deadline is closed.
   */
  @Override
  public Future<?> stop() {
    services.draining().begin();
    return server.shutdown(services.config().shutdownSeconds(), TimeUnit.SECONDS);
  }

  /**
   * Every route Hearth serves, with the shared handlers and JSON error answers. Public so the
   * API description can be checked against the routes that really exist.
   */
  public static Router router(Vertx vertx, Services services) {
    Router router = Router.router(vertx);
    FailureHandler failures = new FailureHandler();
    router.route().handler(new SecurityHeaders(services.config().publicUrl()));
    router.route().handler(new PathText());
    router.route().handler(new ClientAddress(services.config().trustedProxies()));
    services.live().mount(router); // before the body handler: the upgrade needs the request untouched
    // Every request is answered within the deadline, 503 timeout if the work is stuck (a stalled
    // database, say); live sockets, upgraded above, are not requests that end.
    router.route().handler(TimeoutHandler.create(services.config().requestTimeout().toMillis(), 503));
    router.route().handler(BodyHandler.create(false).setBodyLimit(JsonBody.MAX_BYTES));
    router.route("/api/*").handler(services.adminGuesses().handler());

    new HealthRoutes(new ReadinessRepository(services.pool()), services.draining()).mount(router);
    new MetricsRoutes(services.metrics(), services.admin(), services.adminGuesses()).mount(router);
    new SiteRoutes(services.sites(), services.admin(), services.access()).mount(router);
    new PageRoutes(services.pages(), services.access()).mount(router);
    new StaffRoutes(services.roles(), services.access()).mount(router);
    services.accounts().routes().mount(router);
    services.moderation().mount(router);
    new CommentRoutes(services.posting(), services.edits(), services.threads(), services.views(),
        services.identities()).mount(router);
    services.votes().mount(router);
    new FragmentRoutes(services.threads(), services.templates()).mount(router);
    new ThreadPageRoutes(services.sites(), services.threads(), services.events(), services.templates(),
        services.assets(), services.config().ownOrigins()).mount(router);
    new CommentFragmentRoutes(services.views(), services.threads(), services.sites(), services.identities(),
        services.templates()).mount(router);
    new SignInRoutes(services.sites(), services.templates(), services.assets()).mount(router);
    new LoaderRoutes(services.assets()).mount(router);
    new DemoRoutes(services.templates()).mount(router);
    services.workspace().mount(router);
    new ApiDocRoutes().mount(router);
    router.get("/static/*").handler(new AssetHandler(services.assets()));

    router.route().failureHandler(failures);
    for (int status : new int[] {400, 404, 405, 406, 413, 415, 500, 503}) {
      router.errorHandler(status, failures.forStatus(status));
    }
    return router;
  }
}
