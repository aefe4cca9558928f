package dev.hearth.web;

import io.netty.channel.unix.Errors;
import io.vertx.core.Handler;
import io.vertx.core.http.ConnectionPoolTooBusyException;
import io.vertx.ext.web.RoutingContext;
import io.vertx.pgclient.PgException;
import io.vertx.sqlclient.ClosedConnectionException;
import java.net.SocketException;
import java.nio.channels.ClosedChannelException;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.logging.Level;
import java.util.logging.Logger;

/**
 * The one place that turns a failed request into a JSON error. A client's mistake becomes a
 * 4xx with a stable code; anything unexpected is logged with its stack and answered 500
 * without internals.
 */
public final class FailureHandler implements Handler<RoutingContext> {
  private static final Logger LOG = Logger.getLogger(FailureHandler.class.getName());

  /**
   * The messages of the pool's wait timeout, which has no exception type of its own: one for a
   * query on the pool, one for a connection taken for a transaction.
   */
  private static final Set<String> POOL_TIMEOUTS = Set.of("Timeout waiting for connection", "Timeout");

  /**
   * How the SQL client words a command sent on a connection that died meanwhile (the next
   * statement of a transaction, say): a plain VertxException, so only its message tells.
   */
  private static final List<String> CLOSED_CONNECTION_MESSAGES = List.of(
      "Connection is not active now", "Pending requests failed to be sent due to connection has been closed");

  /** Statuses Vert.x Web itself produces before our handlers run, with our codes for them. */
  private static final Map<Integer, ApiError> FRAMEWORK_ERRORS = Map.of(
      400, ApiError.badRequest("bad_request", "The request is malformed"),
      404, ApiError.notFound("not_found", "No such resource"),
      405, new ApiError(405, "method_not_allowed", "This method is not allowed on this resource"),
      413, new ApiError(413, "payload_too_large", "The request body is larger than 64 KiB"),
      // The request deadline (HEARTH_REQUEST_TIMEOUT_MS) passed: a stalled database, say.
      503, new ApiError(503, "timeout", "The server did not answer in time; retry the request (a post with "
          + "the same Idempotency-Key, since it may have been stored)"),
      415, new ApiError(415, "unsupported_media_type", "Send the body as application/json"),
      406, new ApiError(406, "not_acceptable", "This resource only answers application/json"));

  /** Expected while the database restarts or is overloaded: a line a second, not a stack per request. */
  private final ThrottledLog unavailable = new ThrottledLog(LOG, "503");

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
      unavailable.log(error.code() + " on " + ctx.request().method() + " " + ctx.request().path()
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
      if (cause.getMessage() != null && CLOSED_CONNECTION_MESSAGES.stream().anyMatch(cause.getMessage()::startsWith)) {
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

  /**
   * Whether the database refused the work for now, with nothing stored: 40001 serialization
   * failure and 40P01 deadlock (the transaction was rolled back whole), 57014 a statement that
   * ran past the statement timeout, or no pooled connection free within the pool's wait or
   * room in its wait queue.
   */
  private static boolean busy(Throwable failure) {
    if (failure instanceof PgException pg) {
      return "40001".equals(pg.getSqlState()) || "40P01".equals(pg.getSqlState()) || "57014".equals(pg.getSqlState());
    }
    return failure instanceof ConnectionPoolTooBusyException
        || failure != null && failure.getMessage() != null && POOL_TIMEOUTS.contains(failure.getMessage());
  }

  private static ApiError classify(int status, Throwable failure) {
    if (failure instanceof ApiError apiError) {
      return apiError;
    }
    if (busy(failure)) {
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
