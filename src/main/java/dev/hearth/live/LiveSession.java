package dev.hearth.live;

import dev.hearth.auth.AdminGuesses;
import dev.hearth.auth.AdminToken;
import dev.hearth.auth.Tokens;
import dev.hearth.role.Role;
import dev.hearth.role.RoleRepository;
import dev.hearth.site.OriginPolicy;
import dev.hearth.site.SiteService;
import dev.hearth.web.ApiError;
import io.vertx.core.Future;
import io.vertx.core.json.DecodeException;
import io.vertx.core.json.JsonObject;
import io.vertx.sqlclient.Pool;
import java.util.Optional;

/**
 * The client's side of the /live protocol for one socket: auth, subscribe, unsubscribe. Every
 * refusal is an {@code error} frame with a stable code; the socket stays open unless a limit
 * was broken.
 */
final class LiveSession {
  private final LiveConnection connection;
  private final LiveHub hub;
  private final OriginPolicy origins;
  private final SiteService sites;
  private final Pool pool;
  private final AdminToken adminToken;
  private final AdminGuesses guesses;
  private final String clientAddress;
  private final Tokens tokens;
  private final RoleRepository roles;

  LiveSession(LiveConnection connection, LiveHub hub, OriginPolicy origins, SiteService sites, Pool pool,
              AdminToken adminToken, AdminGuesses guesses, String clientAddress, Tokens tokens, RoleRepository roles) {
    this.guesses = guesses;
    this.clientAddress = clientAddress;
    this.connection = connection;
    this.hub = hub;
    this.origins = origins;
    this.sites = sites;
    this.pool = pool;
    this.adminToken = adminToken;
    this.tokens = tokens;
    this.roles = roles;
  }

  void onMessage(String text) {
    connection.heard();
    if (text.length() * 3 > LiveLimits.MAX_FRAME_BYTES
        && text.getBytes(java.nio.charset.StandardCharsets.UTF_8).length > LiveLimits.MAX_FRAME_BYTES) {
      connection.close(LiveLimits.CLOSE_TOO_BIG, "messages are limited to 16 KiB");
      return;
    }
    if (!connection.withinRate()) {
      return;
    }
    JsonObject message;
    try {
      message = new JsonObject(text);
    } catch (DecodeException | ClassCastException e) {
      error("invalid_message", "Messages are JSON objects with a type");
      return;
    }
    String type = message.getValue("type") instanceof String t ? t : "";
    switch (type) {
      case "auth" -> auth(message);
      case "subscribe" -> subscribe(message);
      case "unsubscribe" -> unsubscribe(message);
      case "ping" -> connection.send("{\"type\":\"pong\"}");
      default -> error("invalid_message", "Unknown message type; use auth, subscribe or unsubscribe");
    }
  }

  private void auth(JsonObject message) {
    String token = message.getValue("token") instanceof String t ? t : null;
    if (token == null) {
      error("invalid_message", "auth needs a token");
      return;
    }
    if (adminToken.matches(token)) {
      connection.identify(new LiveIdentity(true, Optional.empty(), Optional.empty()));
      connection.send("{\"type\":\"authenticated\"}");
      return;
    }
    guesses.check(token, clientAddress).compose(ignored -> tokens.resolve(pool, token)).onComplete(done -> {
      if (done.failed() && done.cause() instanceof ApiError error && error.status() == 429) {
        error("rate_limited", error.getMessage());
        return;
      }
      if (done.failed() || done.result().isEmpty()) {
        error("invalid_token", "The token is unknown, expired or signed out");
        return;
      }
      connection.identify(new LiveIdentity(false, Optional.of(done.result().get().id()),
          Optional.of(done.result().get().siteId())));
      connection.send("{\"type\":\"authenticated\"}");
    });
  }

  private void subscribe(JsonObject message) {
    String site = text(message, "site");
    if (site == null) {
      error("invalid_message", "subscribe needs a site");
      return;
    }
    if ("moderation".equals(message.getValue("queue"))) {
      followModeration(site);
      return;
    }
    String page = text(message, "page");
    Object sinceValue = message.getValue("since");
    if (page == null || page.length() > 512 || (sinceValue != null && !(sinceValue instanceof Number))) {
      error("invalid_message", "subscribe needs a site, a page key and optionally a numeric since");
      return;
    }
    Long since = sinceValue == null ? null : ((Number) sinceValue).longValue();
    if (hub.follows(connection, site, page)) {
      error("already_subscribed", "This socket already follows that page");
      return;
    }
    if (!connection.reserve()) {
      return;
    }
    allowed(site).compose(ok -> ok ? hub.subscribe(connection, site, page, since) : Future.succeededFuture(false))
        .onComplete(done -> {
          if (done.failed() || !done.result()) {
            connection.release();
          }
          if (done.failed()) {
            error("subscribe_failed", "Could not subscribe; retry");
          }
        });
  }

  private void followModeration(String site) {
    Optional<LiveIdentity> who = connection.identity();
    if (who.isEmpty()) {
      error("unauthorized", "Send an auth message with a moderator's token first");
      return;
    }
    if (!connection.reserve()) {
      return;
    }
    Future<Boolean> staff = who.get().admin()
        ? Future.succeededFuture(true)
        : who.get().siteId().filter(site::equals).isEmpty()
            ? Future.succeededFuture(false)
            : roles.find(pool, site, who.get().userId().orElseThrow())
                .map(role -> role.map(r -> r.covers(Role.MODERATOR)).orElse(false));
    allowed(site).compose(ok -> !ok ? Future.succeededFuture(false) : staff.compose(isStaff -> {
      if (!isStaff) {
        error("forbidden", "Only moderators of this site may follow its moderation queue");
        return Future.succeededFuture(false);
      }
      return hub.followModeration(connection, site).map(done -> {
        connection.send(new JsonObject().put("type", "subscribed").put("site", site).put("queue", "moderation")
            .encode());
        return true;
      });
    })).onComplete(done -> {
      if (done.failed() || !done.result()) {
        connection.release();
      }
      if (done.failed()) {
        error("subscribe_failed", "Could not subscribe; retry");
      }
    });
  }

  /** The site exists and this socket's origin may follow it. */
  private Future<Boolean> allowed(String site) {
    return sites.get(site).compose(found -> origins.mayFollow(connection.origin(), site)).map(ok -> {
      if (!ok) {
        error("origin_not_allowed", "This page's origin is not allowed for site " + site);
      }
      return ok;
    }).recover(e -> {
      if (e instanceof dev.hearth.web.ApiError api && api.code().equals("site_not_found")) {
        error("site_not_found", "No site " + site);
      } else {
        error("subscribe_failed", "Could not subscribe; retry");
      }
      return Future.succeededFuture(false);
    });
  }

  private void unsubscribe(JsonObject message) {
    String site = text(message, "site");
    if (site == null) {
      error("invalid_message", "unsubscribe needs a site");
      return;
    }
    if ("moderation".equals(message.getValue("queue"))) {
      hub.unfollowModeration(connection, site).onSuccess(followed -> {
        if (followed) {
          connection.release();
        }
      });
      return;
    }
    String page = text(message, "page");
    if (page != null) {
      hub.unsubscribe(connection, site, page);
    }
  }

  private static String text(JsonObject message, String field) {
    return message.getValue(field) instanceof String value && !value.isEmpty() ? value : null;
  }

  private void error(String code, String text) {
    connection.send(new JsonObject().put("type", "error").put("error", code).put("message", text).encode());
  }
}
