package dev.hearth.web;

import dev.hearth.text.TextRules;
import io.vertx.ext.web.RoutingContext;
import java.io.ByteArrayOutputStream;
import java.nio.ByteBuffer;
import java.nio.charset.CharacterCodingException;
import java.nio.charset.CodingErrorAction;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;

/**
 * Strict reading of query parameters: the raw query is decoded here (broken percent-escapes and
 * invalid UTF-8 are a 400, not silently replaced), and unknown or repeated parameters and bad
 * numbers are refused.
 */
public final class QueryParams {
  private final Map<String, List<String>> params;

  private QueryParams(Map<String, List<String>> params) {
    this.params = params;
  }

  public static QueryParams of(RoutingContext ctx, String... allowed) {
    Map<String, List<String>> params = parse(ctx.request().query());
    Set<String> names = Set.of(allowed);
    for (String name : params.keySet()) {
      if (!names.contains(name)) {
        throw ApiError.badRequest("invalid_query", "Unknown query parameter: " + name);
      }
    }
    return new QueryParams(params);
  }

  static Map<String, List<String>> parse(String query) {
    Map<String, List<String>> params = new LinkedHashMap<>();
    if (query == null || query.isEmpty()) {
      return params;
    }
    for (String pair : query.split("&")) {
      if (pair.isEmpty()) {
        continue;
      }
      int eq = pair.indexOf('=');
      String name = decode(eq < 0 ? pair : pair.substring(0, eq));
      String value = eq < 0 ? "" : decode(pair.substring(eq + 1));
      params.computeIfAbsent(name, k -> new ArrayList<>()).add(value);
    }
    return params;
  }

  private static String decode(String raw) {
    ByteArrayOutputStream bytes = new ByteArrayOutputStream(raw.length());
    for (int i = 0; i < raw.length(); i++) {
      char c = raw.charAt(i);
      if (c == '+') {
        bytes.write(' ');
      } else if (c == '%') {
        if (i + 2 >= raw.length() || Character.digit(raw.charAt(i + 1), 16) < 0 || Character.digit(raw.charAt(i + 2), 16) < 0) {
          throw ApiError.badRequest("invalid_query", "The query string has a broken percent-escape");
        }
        bytes.write(Character.digit(raw.charAt(i + 1), 16) * 16 + Character.digit(raw.charAt(i + 2), 16));
        i += 2;
      } else {
        byte[] encoded = String.valueOf(c).getBytes(StandardCharsets.UTF_8);
        bytes.write(encoded, 0, encoded.length);
      }
    }
    try {
      return StandardCharsets.UTF_8.newDecoder()
          .onMalformedInput(CodingErrorAction.REPORT)
          .onUnmappableCharacter(CodingErrorAction.REPORT)
          .decode(ByteBuffer.wrap(bytes.toByteArray()))
          .toString();
    } catch (CharacterCodingException e) {
      throw ApiError.badRequest("invalid_query", "The query string is not valid UTF-8");
    }
  }

  public String required(String name) {
    return optional(name).orElseThrow(
        () -> ApiError.badRequest("invalid_query", "Missing query parameter: " + name));
  }

  public Optional<String> optional(String name) {
    List<String> values = params.getOrDefault(name, List.of());
    if (values.isEmpty()) {
      return Optional.empty();
    }
    if (values.size() > 1) {
      throw ApiError.badRequest("invalid_query", "Query parameter given more than once: " + name);
    }
    return Optional.of(checked(name, values.get(0)));
  }

  public List<String> all(String name, int max) {
    List<String> values = params.getOrDefault(name, List.of());
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
