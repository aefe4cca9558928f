package dev.hearth.web;

import dev.hearth.text.TextRules;
import io.vertx.core.MultiMap;
import io.vertx.ext.web.RoutingContext;
import java.util.List;
import java.util.Optional;
import java.util.Set;

/** Strict reading of query parameters: unknown or repeated ones and bad numbers are a 400. */
public final class QueryParams {
  private final MultiMap params;

  private QueryParams(MultiMap params) {
    this.params = params;
  }

  public static QueryParams of(RoutingContext ctx, String... allowed) {
    MultiMap params;
    try {
      params = ctx.queryParams();
    } catch (RuntimeException e) {
      throw ApiError.badRequest("invalid_query", "The query string is not correctly encoded");
    }
    Set<String> names = Set.of(allowed);
    for (String name : params.names()) {
      if (!names.contains(name)) {
        throw ApiError.badRequest("invalid_query", "Unknown query parameter: " + name);
      }
    }
    return new QueryParams(params);
  }

  public String required(String name) {
    return optional(name).orElseThrow(
        () -> ApiError.badRequest("invalid_query", "Missing query parameter: " + name));
  }

  public Optional<String> optional(String name) {
    List<String> values = params.getAll(name);
    if (values.isEmpty()) {
      return Optional.empty();
    }
    if (values.size() > 1) {
      throw ApiError.badRequest("invalid_query", "Query parameter given more than once: " + name);
    }
    return Optional.of(checked(name, values.get(0)));
  }

  public List<String> all(String name, int max) {
    List<String> values = params.getAll(name);
    if (values.size() > max) {
      throw ApiError.badRequest("invalid_query", "At most " + max + " values of " + name + " are allowed");
    }
    values.forEach(value -> checked(name, value));
    return values;
  }

  public int integer(String name, int fallback, int min, int max) {
    Optional<String> raw = optional(name);
    if (raw.isEmpty()) {
      return fallback;
    }
    try {
      int value = Integer.parseInt(raw.get());
      if (value >= min && value <= max) {
        return value;
      }
    } catch (NumberFormatException e) {
      // answered below
    }
    throw ApiError.badRequest("invalid_query", name + " must be a whole number from " + min + " to " + max);
  }

  private static String checked(String name, String value) {
    if (value.isEmpty() || TextRules.hasLoneSurrogate(value) || TextRules.hasControlCharacters(value, false)) {
      throw ApiError.badRequest("invalid_query", "Query parameter " + name + " is empty or has invalid characters");
    }
    return value;
  }
}
