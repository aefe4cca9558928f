package dev.hearth.live;

import dev.hearth.auth.Identity;
import dev.hearth.role.Role;
import dev.hearth.web.ApiError;
import io.vertx.core.Future;
import io.vertx.core.json.DecodeException;
import io.vertx.core.json.JsonObject;
import java.util.Optional;

/**
 * The client's side of the /live protocol for one socket: auth, subscribe, unsubscribe. Every
 * refusal is an {@code error} frame with a stable code; the socket stays open unless a limit
 * was broken.
 */
final class LiveSession {
  private final LiveConnection connection;
  private final String clientAddress;
  private final LiveRoutes.Wiring wiring;

  LiveSession(LiveConnection connection, String clientAddress, LiveRoutes.Wiring wiring) {
    this.connection = connection;
    this.clientAddress = clientAddress;
    this.wiring = wiring;
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
    wiring.guesses().check(token, clientAddress)
        .compose(ignored -> wiring.identities().bearer(Optional.of(token))).onComplete(done -> {
      if (done.failed() && done.cause() instanceof ApiError error && error.status() == 429) {
        error("rate_limited", error.getMessage());
        return;
      }
      if (done.failed() || done.result().isEmpty()) {
        error("invalid_token", "The token is unknown, expired or signed out");
        return;
      }
      connection.identify(done.result().get());
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
    if (wiring.hub().follows(connection, site, page)) {
      error("already_subscribed", "This socket already follows that page");
      return;
    }
    if (!connection.reserve()) {
      return;
    }
    allowed(site).compose(ok -> ok ? wiring.hub().subscribe(connection, site, page, since) : Future.succeededFuture(false))
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
    Optional<Identity> who = connection.identity();
    if (who.isEmpty()) {
      error("unauthorized", "Send an auth message with a moderator's token first");
      return;
    }
    if (!connection.reserve()) {
      return;
    }
    allowed(site).compose(ok -> !ok ? Future.succeededFuture(false)
        : wiring.access().holds(who, site, Role.MODERATOR).compose(isStaff -> {
      if (!isStaff) {
        error("forbidden", "Only moderators of this site may follow its moderation queue");
        return Future.succeededFuture(false);
      }
      return wiring.hub().followModeration(connection, site).map(done -> {
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
    return wiring.origins().mayFollow(connection.origin(), site).map(following -> switch (following) {
      case ALLOWED -> true;
      case NO_SUCH_SITE -> {
        error("site_not_found", "No site " + site);
        yield false;
      }
      case ORIGIN_REFUSED -> {
        error("origin_not_allowed", "This page's origin is not allowed for site " + site);
        yield false;
      }
    }).recover(e -> {
      error("subscribe_failed", "Could not subscribe; retry");
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
      wiring.hub().unfollowModeration(connection, site).onSuccess(followed -> {
        if (followed) {
          connection.release();
        }
      });
      return;
    }
    String page = text(message, "page");
    if (page != null) {
      wiring.hub().unsubscribe(connection, site, page);
    }
  }

  private static String text(JsonObject message, String field) {
    return message.getValue(field) instanceof String value && !value.isEmpty() ? value : null;
  }

  private void error(String code, String text) {
    connection.send(new JsonObject().put("type", "error").put("error", code).put("message", text).encode());
  }
}
