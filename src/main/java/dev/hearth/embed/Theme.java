package dev.hearth.embed;

import dev.hearth.web.ApiError;
import dev.hearth.web.QueryParams;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.Optional;
import java.util.regex.Pattern;

/**
 * A site owner's touches to the thread's look, given on the placeholder: an accent colour, a
 * font stack and a corner radius. Each is checked against a narrow pattern, because it ends up
 * in a style sheet: nothing that could close a declaration or open a rule gets through.
 */
record Theme(Optional<String> accent, Optional<String> font, Optional<Integer> radius) {
  private static final Pattern ACCENT = Pattern.compile("#(?:[0-9a-fA-F]{3}|[0-9a-fA-F]{6})");
  private static final Pattern FONT = Pattern.compile("[A-Za-z0-9 ,\\-]{1,120}");

  static Theme parse(QueryParams params) {
    Optional<String> accent = params.optional("accent").filter(v -> !v.isEmpty());
    if (accent.isPresent() && !ACCENT.matcher(accent.get()).matches()) {
      throw ApiError.badRequest("invalid_query", "accent must be a colour such as #b4461f");
    }
    Optional<String> font = params.optional("font").filter(v -> !v.isBlank()).map(String::trim);
    if (font.isPresent() && !FONT.matcher(font.get()).matches()) {
      throw ApiError.badRequest("invalid_query", "font must be a list of font names (letters, digits, spaces, commas)");
    }
    Optional<Integer> radius = params.optional("radius").filter(v -> !v.isEmpty()).map(Theme::radius);
    return new Theme(accent, font, radius);
  }

  private static int radius(String raw) {
    try {
      int value = Integer.parseInt(raw);
      if (value >= 0 && value <= 24) {
        return value;
      }
    } catch (NumberFormatException e) {
      // answered below
    }
    throw ApiError.badRequest("invalid_query", "radius must be a whole number of pixels from 0 to 24");
  }

  boolean isDefault() {
    return accent.isEmpty() && font.isEmpty() && radius.isEmpty();
  }

  Map<String, String> parameters() {
    Map<String, String> params = new LinkedHashMap<>();
    accent.ifPresent(v -> params.put("accent", v));
    font.ifPresent(v -> params.put("font", v));
    radius.ifPresent(v -> params.put("radius", String.valueOf(v)));
    return params;
  }

  /** The style sheet: custom properties the default theme reads. */
  String css() {
    StringBuilder css = new StringBuilder(":root {");
    accent.ifPresent(v -> css.append(" --hearth-accent: ").append(v).append(';'));
    font.ifPresent(v -> css.append(" --hearth-font: ").append(v).append(';'));
    radius.ifPresent(v -> css.append(" --hearth-radius: ").append(v).append("px;"));
    return css.append(" }\n").toString();
  }
}
