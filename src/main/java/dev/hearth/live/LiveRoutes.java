package dev.hearth.live;

import dev.hearth.admin.AdminSessions;
import dev.hearth.admin.AdminToken;
import dev.hearth.auth.AdminGuesses;
import dev.hearth.auth.Tokens;
import dev.hearth.role.RoleRepository;
import dev.hearth.site.SiteService;
import dev.hearth.web.ClientAddress;
import io.vertx.core.Future;
import io.vertx.core.json.JsonObject;
import io.vertx.ext.web.Router;
import io.vertx.ext.web.RoutingContext;
import io.vertx.sqlclient.Pool;
import java.time.Clock;
import java.util.Optional;
import java.util.function.BiFunction;

/** The /live WebSocket endpoint: Origin checked at the handshake, then the session protocol. */
public final class LiveRoutes {
  private final LiveHub hub;
  private final OriginPolicy origins;
  private final BiFunction<LiveConnection, String, LiveSession> sessions;
  private final CookieIdentity cookies;
  private final Clock clock;

  public LiveRoutes(LiveHub hub, OriginPolicy origins, SiteService sites, Pool pool, AdminToken adminToken,
                    AdminSessions adminSessions, AdminGuesses guesses, Tokens tokens, RoleRepository roles,
                    Clock clock) {
    this.clock = clock;
    this.hub = hub;
    this.origins = origins;
    this.sessions = (connection, address) -> new LiveSession(connection, hub, origins, sites, pool, adminToken,
        guesses, address, tokens, roles);
    this.cookies = new CookieIdentity(pool, adminSessions, tokens, origins);
  }

  /** Mount before any body handler: the upgrade needs the request untouched. */
  public void mount(Router router) {
    router.get("/live").handler(this::upgrade);
  }

  /**
   * GET /live (WebSocket upgrade; Origin must be Hearth's own or a site's) → the live protocol.
   * A handshake from Hearth's own origin carrying the workspace cookie starts authenticated.
   */
  private void upgrade(RoutingContext ctx) {
    String origin = ctx.request().getHeader("origin");
    ctx.request().pause();
    origins.mayConnect(origin).compose(ok -> ok
            ? cookies.of(ctx.request(), origin).map(Optional::of)
            : Future.succeededFuture(Optional.<Optional<LiveIdentity>>empty()))
        .onComplete(checked -> {
      if (checked.failed() || checked.result().isEmpty()) {
        ctx.response().setStatusCode(403).putHeader("content-type", "application/json; charset=utf-8")
            .end(new JsonObject().put("error", "origin_not_allowed")
                .put("message", "This origin may not open live connections").encode());
        return;
      }
      ctx.request().toWebSocket().onSuccess(socket -> {
        LiveConnection connection = new LiveConnection(ctx.vertx(), socket, origin, clock);
        checked.result().get().ifPresent(connection::identify);
        LiveSession session = sessions.apply(connection, ClientAddress.of(ctx));
        connection.onClose(() -> hub.dropped(connection));
        socket.textMessageHandler(session::onMessage);
        socket.closeHandler(closed -> connection.ended());
        socket.exceptionHandler(error -> connection.ended());
        connection.startHeartbeat();
      }).onFailure(ctx::fail);
    });
  }
}
