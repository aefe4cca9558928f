package dev.hearth.web;

import dev.hearth.text.TextRules;
import io.vertx.core.json.JsonArray;
import io.vertx.core.json.JsonObject;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import java.util.Set;

/**
 * Typed, strict access to a JSON object from a client: wrong types, unknown fields and
 * strings carrying NUL, other control characters or lone surrogates are refused with a
 * 400 naming the field. Routes call {@link #allowOnly} first, then read what they need.
 */
public final class JsonFields {
  private final JsonObject object;
  private final String prefix;

  JsonFields(JsonObject object, String prefix) {
    this.object = object;
    this.prefix = prefix;
  }

  public static JsonFields of(JsonObject object) {
    return new JsonFields(object, "");
  }

  public JsonFields allowOnly(String... names) {
    Set<String> allowed = Set.of(names);
    for (String name : object.fieldNames()) {
      if (!allowed.contains(name)) {
        throw new ApiError(400, "unknown_field", "Unknown field: " + prefix + name,
            new JsonObject().put("field", prefix + name));
      }
    }
    return this;
  }

  /** Whether the field was sent at all, even as null (null can mean "clear this"). */
  public boolean present(String name) {
    return object.containsKey(name);
  }

  public boolean has(String name) {
    return object.containsKey(name) && object.getValue(name) != null;
  }

  public String requiredString(String name, boolean multiline) {
    return optionalString(name, multiline).orElseThrow(() -> missing(name));
  }

  public Optional<String> optionalString(String name, boolean multiline) {
    Object value = object.getValue(name);
    if (value == null) {
      return Optional.empty();
    }
    if (!(value instanceof String text)) {
      throw ApiError.invalidField(prefix + name, "must be a string");
    }
    return Optional.of(checkedText(prefix + name, text, multiline));
  }

  public Optional<Long> optionalLong(String name) {
    Object value = object.getValue(name);
    if (value == null) {
      return Optional.empty();
    }
    if (value instanceof Integer || value instanceof Long || value instanceof Short || value instanceof Byte) {
      return Optional.of(((Number) value).longValue());
    }
    if (value instanceof java.math.BigInteger) {
      throw ApiError.invalidField(prefix + name, "is out of range");
    }
    throw ApiError.invalidField(prefix + name, "must be a whole number");
  }

  public Optional<Boolean> optionalBoolean(String name) {
    Object value = object.getValue(name);
    if (value == null) {
      return Optional.empty();
    }
    if (!(value instanceof Boolean flag)) {
      throw ApiError.invalidField(prefix + name, "must be true or false");
    }
    return Optional.of(flag);
  }

  public Optional<JsonFields> optionalObject(String name) {
    Object value = object.getValue(name);
    if (value == null) {
      return Optional.empty();
    }
    if (!(value instanceof JsonObject nested)) {
      throw ApiError.invalidField(prefix + name, "must be an object");
    }
    return Optional.of(new JsonFields(nested, prefix + name + "."));
  }

  public JsonFields requiredObject(String name) {
    return optionalObject(name).orElseThrow(() -> missing(name));
  }

  public Optional<List<String>> optionalStringList(String name, int maxItems) {
    Object value = object.getValue(name);
    if (value == null) {
      return Optional.empty();
    }
    if (!(value instanceof JsonArray array)) {
      throw ApiError.invalidField(prefix + name, "must be an array of strings");
    }
    if (array.size() > maxItems) {
      throw ApiError.invalidField(prefix + name, "may hold at most " + maxItems + " items");
    }
    List<String> items = new ArrayList<>();
    for (int i = 0; i < array.size(); i++) {
      if (!(array.getValue(i) instanceof String text)) {
        throw ApiError.invalidField(prefix + name, "must be an array of strings");
      }
      items.add(checkedText(prefix + name + "[" + i + "]", text, false));
    }
    return Optional.of(items);
  }

  public List<Long> requiredLongList(String name, int maxItems) {
    Object value = object.getValue(name);
    if (value == null) {
      throw missing(name);
    }
    if (!(value instanceof JsonArray array) || array.isEmpty() || array.size() > maxItems) {
      throw ApiError.invalidField(prefix + name, "must be an array of 1 to " + maxItems + " ids");
    }
    List<Long> ids = new ArrayList<>();
    for (Object item : array) {
      if (!(item instanceof Integer || item instanceof Long) || ((Number) item).longValue() < 1) {
        throw ApiError.invalidField(prefix + name, "must hold positive whole numbers");
      }
      ids.add(((Number) item).longValue());
    }
    return ids;
  }

  public ApiError missing(String name) {
    return new ApiError(400, "missing_field", "Missing required field: " + prefix + name,
        new JsonObject().put("field", prefix + name));
  }

  /**
   * Refuses text with NUL, other control characters or a lone surrogate, as a body field would
   * be; for the same fields arriving by another way (a form) to be answered alike.
   */
  public static String checkedText(String field, String text, boolean multiline) {
    if (TextRules.hasLoneSurrogate(text)) {
      throw new ApiError(400, "invalid_characters", field + ": contains invalid Unicode (a lone surrogate)",
          new JsonObject().put("field", field));
    }
    if (TextRules.hasControlCharacters(text, multiline)) {
      throw new ApiError(400, "invalid_characters", field + ": contains NUL or other control characters",
          new JsonObject().put("field", field));
    }
    return text;
  }
}
