package dev.hearth.site;

import dev.hearth.web.ApiError;
import java.net.URI;
import java.net.URISyntaxException;
import java.util.Locale;
import java.util.Optional;
import dev.hearth.web.JsonFields;
import io.vertx.core.json.JsonArray;
import io.vertx.core.json.JsonObject;
import java.util.List;

/**
 * Per-site settings with their defaults. Only overrides are stored (jsonb); reading fills in
 * the defaults, so a new default reaches every site that did not choose otherwise.
 */
public record SiteSettings(
    boolean allowAnonymous,
    int maxBodyLength,
    int editWindowSeconds,
    int displayDepth,
    int autoCloseDays,
    int commentIntervalSeconds,
    int duplicateWindowSeconds,
    int newAccountDailyLimit,
    String premoderation,
    int newAuthorHeldCount,
    int maxLinks,
    List<String> bannedWords,
    List<String> suspectWords,
    double reportHideThreshold,
    String voting,
    String ssoSecret,
    String customCss) {

  public static final int BODY_LIMIT_CEILING = 8192;
  static final List<String> PREMODERATION_MODES = List.of("off", "all", "newAuthors");
  static final List<String> VOTING_MODES = List.of("updown", "up", "off");
  static final String[] KEYS = {"allowAnonymous", "maxBodyLength", "editWindowSeconds", "displayDepth",
      "autoCloseDays", "commentIntervalSeconds", "duplicateWindowSeconds", "newAccountDailyLimit", "premoderation",
      "newAuthorHeldCount", "maxLinks",
      "bannedWords", "suspectWords", "reportHideThreshold", "voting", "ssoSecret", "customCss"};

  public static SiteSettings defaults() {
    return fromStored(new JsonObject());
  }

  /** Reads stored overrides, filling in the defaults. */
  public static SiteSettings fromStored(JsonObject stored) {
    return new SiteSettings(
        stored.getBoolean("allowAnonymous", true),
        stored.getInteger("maxBodyLength", BODY_LIMIT_CEILING),
        stored.getInteger("editWindowSeconds", 900),
        stored.getInteger("displayDepth", 6),
        stored.getInteger("autoCloseDays", 0),
        stored.getInteger("commentIntervalSeconds", 10),
        stored.getInteger("duplicateWindowSeconds", 300),
        stored.getInteger("newAccountDailyLimit", 20),
        stored.getString("premoderation", "off"),
        stored.getInteger("newAuthorHeldCount", 0),
        stored.getInteger("maxLinks", 2),
        strings(stored.getJsonArray("bannedWords")),
        strings(stored.getJsonArray("suspectWords")),
        stored.getDouble("reportHideThreshold", 3.0),
        stored.getString("voting", "updown"),
        stored.getString("ssoSecret"),
        stored.getString("customCss"));
  }

  /**
   * The settings a client chose to change, checked, in their stored form; applying them merges
   * them over the overrides already stored.
   */
  public record Overrides(JsonObject values) {
    public Overrides {
      values = values.copy();
    }

    public static Overrides none() {
      return new Overrides(new JsonObject());
    }

    /** Reads a client's {@code settings} object. Unknown keys and out-of-range values are refused. */
    static Overrides from(JsonFields fields) {
      return new Overrides(validatedOverrides(fields));
    }

    @Override
    public JsonObject values() {
      return values.copy();
    }

    /** The overrides to store: these over the ones stored before. */
    public JsonObject over(JsonObject stored) {
      return stored.copy().mergeIn(values.copy());
    }
  }

  private static JsonObject validatedOverrides(JsonFields fields) {
    fields.allowOnly(KEYS);
    JsonObject merged = new JsonObject();
    fields.optionalBoolean("allowAnonymous").ifPresent(v -> merged.put("allowAnonymous", v));
    putInt(fields, merged, "maxBodyLength", 1, BODY_LIMIT_CEILING);
    putInt(fields, merged, "editWindowSeconds", 0, 7 * 24 * 3600);
    putInt(fields, merged, "displayDepth", 1, 64);
    putInt(fields, merged, "autoCloseDays", 0, 36500);
    putInt(fields, merged, "commentIntervalSeconds", 0, 86400);
    putInt(fields, merged, "duplicateWindowSeconds", 0, 86400);
    putInt(fields, merged, "newAccountDailyLimit", 1, 100_000);
    putInt(fields, merged, "newAuthorHeldCount", 0, 1000);
    putInt(fields, merged, "maxLinks", 0, 1000);
    fields.optionalString("premoderation", false).ifPresent(mode -> {
      if (!PREMODERATION_MODES.contains(mode)) {
        throw ApiError.invalidField("settings.premoderation", "must be one of " + PREMODERATION_MODES);
      }
      merged.put("premoderation", mode);
    });
    fields.optionalString("voting", false).ifPresent(mode -> {
      if (!VOTING_MODES.contains(mode)) {
        throw ApiError.invalidField("settings.voting", "must be one of " + VOTING_MODES);
      }
      merged.put("voting", mode);
    });
    fields.optionalStringList("bannedWords", 5000).ifPresent(words -> merged.put("bannedWords", new JsonArray(words)));
    fields.optionalStringList("suspectWords", 5000).ifPresent(words -> merged.put("suspectWords", new JsonArray(words)));
    fields.optionalLong("reportHideThreshold").ifPresent(v -> {
      if (v < 1 || v > 1000) {
        throw ApiError.invalidField("settings.reportHideThreshold", "must be from 1 to 1000");
      }
      merged.put("reportHideThreshold", v.doubleValue());
    });
    fields.optionalString("customCss", false).ifPresent(url -> merged.put("customCss", url.isEmpty() ? null
        : customCss(url)));
    fields.optionalString("ssoSecret", false).ifPresent(secret -> {
      if (secret.length() < 32) {
        throw ApiError.invalidField("settings.ssoSecret", "must be at least 32 characters");
      }
      merged.put("ssoSecret", secret);
    });
    return merged;
  }

  /**
   * A style sheet the site's threads load after Hearth's own: an absolute http(s) URL without
   * credentials, so it can be named exactly in the thread page's Content-Security-Policy.
   */
  private static String customCss(String url) {
    URI uri;
    try {
      uri = new URI(url);
    } catch (URISyntaxException e) {
      throw ApiError.invalidField("settings.customCss", "must be the URL of a style sheet");
    }
    String scheme = uri.getScheme() == null ? "" : uri.getScheme().toLowerCase(Locale.ROOT);
    if (url.length() > 500 || !(scheme.equals("https") || scheme.equals("http")) || uri.getHost() == null
        || uri.getUserInfo() != null || uri.getFragment() != null) {
      throw ApiError.invalidField("settings.customCss", "must be an http(s) URL such as https://blog.example.org/hearth.css");
    }
    return uri.toASCIIString();
  }

  /** The origin a custom style sheet comes from, for the Content-Security-Policy. */
  public Optional<String> customCssOrigin() {
    return Optional.ofNullable(customCss).map(URI::create)
        .map(uri -> uri.getScheme() + "://" + uri.getRawAuthority());
  }

  /** What the embed and anyone may read: no word lists (they would teach spammers), no secret. */
  public JsonObject toPublicJson() {
    return new JsonObject()
        .put("allowAnonymous", allowAnonymous)
        .put("maxBodyLength", maxBodyLength)
        .put("editWindowSeconds", editWindowSeconds)
        .put("displayDepth", displayDepth)
        .put("autoCloseDays", autoCloseDays)
        .put("commentIntervalSeconds", commentIntervalSeconds)
        .put("premoderation", premoderation)
        .put("voting", voting)
        .put("customCss", customCss)
        .put("ssoConfigured", ssoSecret != null);
  }

  /** Every setting but the write-only SSO secret, for the site's owners. */
  public JsonObject toPrivilegedJson() {
    return toPublicJson()
        .put("maxLinks", maxLinks)
        .put("duplicateWindowSeconds", duplicateWindowSeconds)
        .put("newAccountDailyLimit", newAccountDailyLimit)
        .put("newAuthorHeldCount", newAuthorHeldCount)
        .put("bannedWords", new JsonArray(bannedWords))
        .put("suspectWords", new JsonArray(suspectWords))
        .put("reportHideThreshold", reportHideThreshold);
  }

  private static void putInt(JsonFields fields, JsonObject merged, String key, int min, int max) {
    fields.optionalLong(key).ifPresent(v -> {
      if (v < min || v > max) {
        throw ApiError.invalidField("settings." + key, "must be from " + min + " to " + max);
      }
      merged.put(key, v.intValue());
    });
  }

  private static List<String> strings(JsonArray array) {
    return array == null ? List.of() : array.stream().map(String::valueOf).toList();
  }
}
