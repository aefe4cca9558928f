package dev.hearth.live;

import dev.hearth.auth.AdminGuesses;
import dev.hearth.auth.Identity;
import dev.hearth.auth.IdentityResolver;
import dev.hearth.auth.ModeratorCookie;
import dev.hearth.role.SiteAccess;
import dev.hearth.site.OriginPolicy;
import dev.hearth.web.ClientAddress;
import dev.hearth.web.Draining;
import io.vertx.core.Future;
import io.vertx.core.json.JsonObject;
import io.vertx.ext.web.Router;
import io.vertx.ext.web.RoutingContext;
import java.time.Clock;
import java.util.Optional;

/** The /live WebSocket endpoint: Origin checked at the handshake, then the session protocol. */
public final class LiveRoutes {
  /** What the endpoint and its sessions work with: the hub, and who may connect, follow and moderate. */
  public record Wiring(LiveHub hub, OriginPolicy origins, IdentityResolver identities, SiteAccess access,
                       AdminGuesses guesses, Clock clock, Draining draining) {
  }

  /** Sent with close code 1001 when the node shuts down: the client reconnects (to another node) and resumes. */
  static final String GOING_AWAY = "server shutting down: reconnect and resume with since";

  private final Wiring wiring;

  public LiveRoutes(Wiring wiring) {
    this.wiring = wiring;
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
    wiring.origins().mayConnect(origin).compose(ok -> ok
            ? workspaceCookie(ctx, origin).map(Optional::of)
            : Future.succeededFuture(Optional.<Optional<Identity>>empty()))
        .onComplete(checked -> {
      if (checked.failed() || checked.result().isEmpty()) {
        ctx.response().setStatusCode(403).putHeader("content-type", "application/json; charset=utf-8")
            .end(new JsonObject().put("error", "origin_not_allowed")
                .put("message", "This origin may not open live connections").encode());
        return;
      }
      ctx.request().toWebSocket().onSuccess(socket -> {
        LiveConnection connection = new LiveConnection(ctx.vertx(), socket, origin, wiring.clock());
        checked.result().get().ifPresent(connection::identify);
        LiveSession session = new LiveSession(connection, ClientAddress.of(ctx), wiring);
        connection.onClose(() -> wiring.hub().dropped(connection));
        socket.textMessageHandler(session::onMessage);
        socket.closeHandler(closed -> connection.ended());
        socket.exceptionHandler(error -> connection.ended());
        // Without it a shutting-down server keeps the socket to the deadline, then closes it with 1000.
        socket.shutdownHandler(shutdown -> connection.close(LiveLimits.CLOSE_GOING_AWAY, GOING_AWAY));
        connection.startHeartbeat();
        if (wiring.draining().active()) {
          // The handshake finished after the shutdown began, so the server's notice missed it.
          connection.close(LiveLimits.CLOSE_GOING_AWAY, GOING_AWAY);
        }
      }).onFailure(ctx::fail);
    });
  }

  /**
   * A socket opened by the moderator workspace is identified by the session cookie its
   * handshake carries, so the page never holds the token in script. Only sockets from
   * Hearth's own origin are identified this way: a page elsewhere cannot ride the cookie.
   */
  private Future<Optional<Identity>> workspaceCookie(RoutingContext ctx, String origin) {
    if (!wiring.origins().isOwn(origin)) {
      return Future.succeededFuture(Optional.empty());
    }
    return wiring.identities().cookie(ModeratorCookie.read(ctx.request())).otherwise(Optional.empty());
  }
}
