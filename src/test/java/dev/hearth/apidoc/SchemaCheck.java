package dev.hearth.apidoc;

import io.vertx.core.json.JsonArray;
import io.vertx.core.json.JsonObject;
import java.util.ArrayList;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Set;

/**
 * Checks a JSON value against a schema of the OpenAPI document: the subset of JSON Schema the
 * document uses ({@code $ref}, {@code type}, {@code enum}, {@code const}, {@code required},
 * {@code properties}, {@code additionalProperties}, {@code unevaluatedProperties: false},
 * {@code allOf}, {@code anyOf}, {@code items}, {@code maxItems}, {@code minimum}). Small on
 * purpose: it exists so documented and real answers cannot drift apart unnoticed.
 */
final class SchemaCheck {
  private final JsonObject document;

  SchemaCheck(JsonObject document) {
    this.document = document;
  }

  /** Every mismatch, each naming where in the value it is; empty when the value fits. */
  List<String> problems(Object value, JsonObject schema) {
    List<String> problems = new ArrayList<>();
    check(value, schema, "$", problems);
    return problems;
  }

  JsonObject resolve(JsonObject schema) {
    JsonObject current = schema;
    while (current.containsKey("$ref")) {
      String ref = current.getString("$ref");
      if (!ref.startsWith("#/")) {
        throw new IllegalArgumentException("Only local references are used: " + ref);
      }
      Object target = document;
      for (String part : ref.substring(2).split("/")) {
        target = target instanceof JsonObject object ? object.getValue(part.replace("~1", "/").replace("~0", "~")) : null;
      }
      if (!(target instanceof JsonObject resolved)) {
        throw new IllegalArgumentException("Unresolved reference " + ref);
      }
      current = resolved;
    }
    return current;
  }

  private void check(Object value, JsonObject raw, String at, List<String> problems) {
    JsonObject schema = resolve(raw);
    if (schema.containsKey("type") && !typeMatches(value, schema.getValue("type"))) {
      problems.add(at + ": " + typeOf(value) + " where the document says " + schema.getValue("type"));
      return;
    }
    if (schema.containsKey("const") && !java.util.Objects.equals(schema.getValue("const"), value)) {
      problems.add(at + ": " + value + " is not " + schema.getValue("const"));
    }
    if (schema.containsKey("enum") && !schema.getJsonArray("enum").contains(value)) {
      problems.add(at + ": " + value + " is not one of " + schema.getJsonArray("enum"));
    }
    if (schema.containsKey("minimum") && value instanceof Number number
        && number.doubleValue() < schema.getDouble("minimum")) {
      problems.add(at + ": " + value + " is below " + schema.getValue("minimum"));
    }
    for (Object part : schema.getJsonArray("allOf", new JsonArray())) {
      check(value, (JsonObject) part, at, problems);
    }
    if (schema.containsKey("anyOf")) {
      boolean matched = false;
      for (Object option : schema.getJsonArray("anyOf")) {
        matched |= problems(value, (JsonObject) option).isEmpty();
      }
      if (!matched) {
        problems.add(at + ": matches none of " + schema.getJsonArray("anyOf"));
      }
    }
    if (value instanceof JsonObject object) {
      checkObject(object, schema, at, problems);
    }
    if (value instanceof JsonArray array) {
      if (schema.containsKey("maxItems") && array.size() > schema.getInteger("maxItems")) {
        problems.add(at + ": more than " + schema.getInteger("maxItems") + " items");
      }
      if (schema.containsKey("items")) {
        for (int i = 0; i < array.size(); i++) {
          check(array.getValue(i), schema.getJsonObject("items"), at + "[" + i + "]", problems);
        }
      }
    }
  }

  private void checkObject(JsonObject object, JsonObject schema, String at, List<String> problems) {
    for (Object name : schema.getJsonArray("required", new JsonArray())) {
      if (!object.containsKey((String) name)) {
        problems.add(at + ": required key '" + name + "' is missing");
      }
    }
    JsonObject properties = schema.getJsonObject("properties", new JsonObject());
    for (String key : object.fieldNames()) {
      if (properties.containsKey(key)) {
        check(object.getValue(key), properties.getJsonObject(key), at + "." + key, problems);
      } else if (schema.getValue("additionalProperties") instanceof JsonObject additional) {
        check(object.getValue(key), additional, at + "." + key, problems);
      }
    }
    Set<String> allowed = null;
    if (Boolean.FALSE.equals(schema.getValue("additionalProperties"))) {
      allowed = properties.fieldNames();
    } else if (Boolean.FALSE.equals(schema.getValue("unevaluatedProperties"))) {
      allowed = declared(schema);
    }
    if (allowed != null) {
      for (String key : object.fieldNames()) {
        if (!allowed.contains(key)) {
          problems.add(at + ": key '" + key + "' is not documented");
        }
      }
    }
  }

  /** The property names a schema and the parts of its allOf/anyOf declare. */
  Set<String> declared(JsonObject raw) {
    JsonObject schema = resolve(raw);
    Set<String> names = new LinkedHashSet<>(schema.getJsonObject("properties", new JsonObject()).fieldNames());
    for (String composition : List.of("allOf", "anyOf")) {
      for (Object part : schema.getJsonArray(composition, new JsonArray())) {
        names.addAll(declared((JsonObject) part));
      }
    }
    return names;
  }

  private static boolean typeMatches(Object value, Object type) {
    if (type instanceof JsonArray types) {
      return types.stream().anyMatch(t -> typeMatches(value, t));
    }
    String actual = typeOf(value);
    return actual.equals(type) || ("number".equals(type) && actual.equals("integer"));
  }

  private static String typeOf(Object value) {
    if (value == null) {
      return "null";
    }
    if (value instanceof Boolean) {
      return "boolean";
    }
    if (value instanceof Integer || value instanceof Long || value instanceof Short || value instanceof Byte
        || value instanceof java.math.BigInteger) {
      return "integer";
    }
    if (value instanceof Number) {
      return "number";
    }
    if (value instanceof String) {
      return "string";
    }
    if (value instanceof JsonArray) {
      return "array";
    }
    return value instanceof JsonObject ? "object" : value.getClass().getSimpleName();
  }
}
