package dev.hearth.workspace;

import dev.hearth.text.TextRules;
import dev.hearth.web.ApiError;
import io.vertx.core.MultiMap;
import io.vertx.ext.web.RoutingContext;
import java.util.List;

/** The fields of a posted workspace form (application/x-www-form-urlencoded), checked for size and characters. */
final class Form {
  private static final int MAX_FIELD = 2000;
  private final MultiMap fields;

  private Form(MultiMap fields) {
    this.fields = fields;
  }

  static Form of(RoutingContext ctx) {
    String type = ctx.request().getHeader("content-type");
    if (type == null || !type.toLowerCase().startsWith("application/x-www-form-urlencoded")) {
      throw new ApiError(415, "unsupported_media_type", "Send the form as application/x-www-form-urlencoded");
    }
    return new Form(ctx.request().formAttributes());
  }

  /** The field's value, stripped; "" when absent. */
  String text(String name) {
    List<String> values = fields.getAll(name);
    if (values.size() > 1) {
      throw ApiError.badRequest("invalid_field", name + ": given more than once");
    }
    return values.isEmpty() ? "" : checked(name, values.get(0));
  }

  List<String> all(String name, int max) {
    List<String> values = fields.getAll(name);
    if (values.size() > max) {
      throw ApiError.invalidField(name, "at most " + max + " values");
    }
    return values.stream().map(value -> checked(name, value)).toList();
  }

  boolean checked(String name) {
    String value = text(name);
    return value.equals("on") || value.equals("true");
  }

  /** An optional reason: null when blank. */
  String reason() {
    String reason = text("reason");
    if (reason.length() > 1000) {
      throw ApiError.invalidField("reason", "must be at most 1000 characters");
    }
    return reason.isEmpty() ? null : reason;
  }

  private static String checked(String name, String value) {
    if (value.length() > MAX_FIELD || TextRules.hasLoneSurrogate(value) || TextRules.hasControlCharacters(value, true)) {
      throw ApiError.invalidField(name, "too long or has invalid characters");
    }
    return value.strip();
  }
}
