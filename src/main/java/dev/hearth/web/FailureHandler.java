package dev.hearth.web;

import io.netty.channel.unix.Errors;
import io.vertx.core.Handler;
import io.vertx.ext.web.RoutingContext;
import io.vertx.pgclient.PgException;
import io.vertx.sqlclient.ClosedConnectionException;
import java.net.SocketException;
import java.nio.channels.ClosedChannelException;
import java.util.Map;
import java.util.logging.Level;
import java.util.logging.Logger;

/**
 * The one place that turns a failed request into a JSON error. A client's mistake becomes a
 * 4xx with a stable code; anything unexpected is logged with its stack and answered 500
 * without internals.
 */
public final class FailureHandler implements Handler<RoutingContext> {
  private static final Logger LOG = Logger.getLogger(FailureHandler.class.getName());

  /** Statuses Vert.x Web itself produces before our handlers run, with our codes for them. */
  private static final Map<Integer, ApiError> FRAMEWORK_ERRORS = Map.of(
      400, ApiError.badRequest("bad_request", "The request is malformed"),
      404, ApiError.notFound("not_found", "No such resource"),
      405, new ApiError(405, "method_not_allowed", "This method is not allowed on this resource"),
      413, new ApiError(413, "payload_too_large", "The request body is larger than 64 KiB"),
      415, new ApiError(415, "unsupported_media_type", "Send the body as application/json"),
      406, new ApiError(406, "not_acceptable", "This resource only answers application/json"));

  @Override
  public void handle(RoutingContext ctx) {
    handle(ctx, ctx.statusCode());
  }

  /**
   * For {@code router.errorHandler(status, ...)}: Vert.x Web does not always expose the status
   * on the context there, so each status gets a handler that knows it.
   */
  public Handler<RoutingContext> forStatus(int status) {
    return ctx -> handle(ctx, status);
  }

  private void handle(RoutingContext ctx, int status) {
    if (ctx.response().ended()) {
      return;
    }
    if (ctx.response().headWritten()) {
      ctx.response().reset();
      return;
    }
    Throwable failure = ctx.failure();
    ApiError error = classify(status, failure);
    if (error.status() == 500) {
      LOG.log(Level.SEVERE, "Unhandled failure on " + ctx.request().method() + " " + ctx.request().path(), failure);
    } else if (error.status() == 503) {
      // Expected while the database restarts or is overloaded: one line, not a stack per request.
      LOG.warning("503 " + error.code() + " on " + ctx.request().method() + " " + ctx.request().path()
          + (failure == null ? "" : ": " + failure));
    }
    if (error.status() == 503) {
      ctx.response().putHeader("retry-after", "1");
    }
    Object retryAfter = error.toJson().getValue("retryAfter");
    if (error.status() == 429 && retryAfter != null) {
      // The JSON says it for people; the header says it for HTTP clients and proxies.
      ctx.response().putHeader("retry-after", String.valueOf(retryAfter));
    }
    Responses.error(ctx, error);
  }

  /**
   * Whether a failure means the database connection was lost, however the client noticed: the
   * server's FATAL (57P01 on pg_terminate_backend), the client's own "connection closed", or
   * the socket error itself: a reset read before the FATAL fails the query with the bare
   * {@code SocketException} (a {@code NativeIoException} on the native transports), also when
   * wrapped. Other I/O errors (a template that cannot be read) stay 500s.
   */
  private static boolean lostDatabase(Throwable failure) {
    for (Throwable cause = failure; cause != null; cause = cause.getCause() == cause ? null : cause.getCause()) {
      if (cause instanceof ClosedConnectionException || cause instanceof SocketException
          || cause instanceof ClosedChannelException || cause instanceof Errors.NativeIoException) {
        return true;
      }
      if (cause instanceof PgException pg && pg.getSqlState() != null) {
        String state = pg.getSqlState();
        if (state.startsWith("08") || state.equals("57P01") || state.equals("57P02") || state.equals("57P03")) {
          return true;
        }
      }
    }
    return false;
  }

  private static ApiError classify(int status, Throwable failure) {
    if (failure instanceof ApiError apiError) {
      return apiError;
    }
    // 40001 serialization failure, 40P01 deadlock: PostgreSQL rolled the transaction back whole.
    if (failure instanceof PgException pg && ("40001".equals(pg.getSqlState()) || "40P01".equals(pg.getSqlState()))) {
      return new ApiError(503, "busy", "The server is busy; retry the request");
    }
    if (lostDatabase(failure)) {
      // A connection of the pool died (database restart, failover, a killed backend): nothing
      // was committed, and the pool opens a fresh connection for the retry.
      return new ApiError(503, "database_unavailable", "The database connection was lost; retry the request");
    }
    if (failure instanceof IllegalArgumentException && failure.getMessage() != null
        && failure.getMessage().toLowerCase().contains("decod")) {
      return ApiError.badRequest("bad_request", "The request URL is not correctly encoded");
    }
    if (failure == null || status != 500) {
      ApiError known = FRAMEWORK_ERRORS.get(status);
      if (known != null) {
        return known;
      }
      if (status >= 400 && status < 500) {
        return new ApiError(status, "bad_request", "The request cannot be processed");
      }
    }
    return new ApiError(500, "internal_error", "Something went wrong on our side; it has been logged");
  }
}
