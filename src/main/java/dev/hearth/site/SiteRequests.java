package dev.hearth.site;

import dev.hearth.text.TextRules;
import dev.hearth.web.ApiError;
import dev.hearth.web.JsonFields;
import java.net.URI;
import java.util.ArrayList;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Locale;
import java.util.Optional;

/** Parses and checks the bodies of the site endpoints. */
final class SiteRequests {
  static final int MAX_ORIGINS = 50;

  private SiteRequests() {
  }

  static String id(String raw) {
    if (!raw.matches("[a-z0-9][a-z0-9_-]{0,62}")) {
      throw ApiError.invalidField("id", "must be 1 to 63 lowercase letters, digits, '-' or '_', starting with a letter or digit");
    }
    return raw;
  }

  static String name(JsonFields body) {
    return name(body.requiredString("name", false));
  }

  static String name(String raw) {
    String name = TextRules.nfc(raw.strip());
    if (name.isEmpty() || TextRules.codePoints(name) > 200) {
      throw ApiError.invalidField("name", "must be 1 to 200 characters");
    }
    return name;
  }

  static Optional<List<String>> origins(JsonFields body) {
    return body.optionalStringList("origins", MAX_ORIGINS).map(SiteRequests::normalizeOrigins);
  }

  /** Origins are compared with the browser's Origin header, so they are kept in its exact form. */
  static List<String> normalizeOrigins(List<String> raw) {
    LinkedHashSet<String> origins = new LinkedHashSet<>();
    for (String value : raw) {
      origins.add(normalizeOrigin(value));
    }
    return new ArrayList<>(origins);
  }

  static String normalizeOrigin(String value) {
    URI uri;
    try {
      uri = new URI(value.trim());
    } catch (Exception e) {
      throw ApiError.invalidField("origins", "not a valid origin: " + value);
    }
    String scheme = uri.getScheme() == null ? "" : uri.getScheme().toLowerCase(Locale.ROOT);
    boolean bare = (uri.getPath() == null || uri.getPath().isEmpty() || uri.getPath().equals("/"))
        && uri.getQuery() == null && uri.getFragment() == null && uri.getUserInfo() == null;
    if (!(scheme.equals("http") || scheme.equals("https")) || uri.getHost() == null || !bare) {
      throw ApiError.invalidField("origins", "each origin must be scheme://host[:port], e.g. https://blog.example.org; got: " + value);
    }
    int port = uri.getPort();
    boolean defaultPort = port == -1 || (scheme.equals("http") && port == 80) || (scheme.equals("https") && port == 443);
    return scheme + "://" + uri.getHost().toLowerCase(Locale.ROOT) + (defaultPort ? "" : ":" + port);
  }
}
