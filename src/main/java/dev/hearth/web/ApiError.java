package dev.hearth.web;

import io.vertx.core.json.JsonObject;

/**
 * A client's mistake (or a rule it ran into), answered as {@code {"error": CODE, "message": ...}}
 * with a 4xx status. Codes are stable: clients and site owners may match on them.
 */
public final class ApiError extends RuntimeException {
  private final int status;
  private final String code;
  private final JsonObject details;

  public ApiError(int status, String code, String message) {
    this(status, code, message, null);
  }

  public ApiError(int status, String code, String message, JsonObject details) {
    super(message, null, false, false);
    this.status = status;
    this.code = code;
    this.details = details;
  }

  public static ApiError badRequest(String code, String message) {
    return new ApiError(400, code, message);
  }

  public static ApiError invalidField(String field, String message) {
    return new ApiError(400, "invalid_field", field + ": " + message, new JsonObject().put("field", field));
  }

  public static ApiError unprocessable(String code, String message) {
    return new ApiError(422, code, message);
  }

  public static ApiError notFound(String code, String message) {
    return new ApiError(404, code, message);
  }

  public static ApiError unauthorized(String message) {
    return new ApiError(401, "unauthorized", message);
  }

  /** A bearer token that is unknown, expired, revoked or signed out. */
  public static ApiError invalidToken() {
    return new ApiError(401, "invalid_token", "The token is unknown, expired or signed out; sign in again");
  }

  public static ApiError forbidden(String code, String message) {
    return new ApiError(403, code, message);
  }

  public static ApiError conflict(String code, String message) {
    return new ApiError(409, code, message);
  }

  public int status() {
    return status;
  }

  public String code() {
    return code;
  }

  public JsonObject toJson() {
    JsonObject json = new JsonObject().put("error", code).put("message", getMessage());
    if (details != null) {
      json.mergeIn(details);
    }
    return json;
  }
}
