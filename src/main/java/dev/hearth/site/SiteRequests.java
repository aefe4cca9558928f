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
public final class SiteRequests {
  static final int MAX_ORIGINS = 50;

  private SiteRequests() {
  }

  /** A new site: {id, name, origins, settings?}, every field checked. */
  public record Create(String id, String name, List<String> origins, SiteSettings.Overrides settings) {
    public Create {
      origins = List.copyOf(origins);
    }

    static Create from(JsonFields body) {
      body.allowOnly("id", "name", "origins", "settings");
      String id = SiteRequests.id(body.requiredString("id", false));
      String name = SiteRequests.name(body);
      List<String> origins = SiteRequests.origins(body).orElseThrow(() -> body.missing("origins"));
      SiteSettings.Overrides settings = body.optionalObject("settings")
          .map(SiteSettings.Overrides::from)
          .orElseGet(SiteSettings.Overrides::none);
      return new Create(id, name, origins, settings);
    }

    /** A site the server sets up itself (the demo), held to the rules of one created over HTTP. */
    public static Create of(String id, String name, List<String> origins) {
      return new Create(SiteRequests.id(id), SiteRequests.name(name), normalizeOrigins(origins),
          SiteSettings.Overrides.none());
    }
  }

  /** A change to a site: {name?, origins?, settings?}; what is left out stays as it is. */
  public record Update(Optional<String> name, Optional<List<String>> origins, Optional<SiteSettings.Overrides> settings) {
    public Update {
      origins = origins.map(List::copyOf);
    }

    static Update from(JsonFields body) {
      body.allowOnly("name", "origins", "settings");
      Optional<String> name = body.optionalString("name", false).map(SiteRequests::name);
      Optional<SiteSettings.Overrides> settings = body.optionalObject("settings").map(SiteSettings.Overrides::from);
      return new Update(name, SiteRequests.origins(body), settings);
    }
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
