package dev.hearth.comment;

import dev.hearth.text.TextRules;
import dev.hearth.web.ApiError;
import dev.hearth.web.JsonFields;
import io.vertx.core.json.JsonObject;
import java.net.URI;
import java.util.Locale;

/** A comment as posted, checked field by field before anything touches the database. */
public record NewComment(
    String siteId,
    String pageKey,
    String pageUrl,
    String pageTitle,
    Long parentId,
    String body,
    String authorName,
    String authorEmail) {

  public static final int MAX_SOURCE_CHARS = 50_000;
  public static final int MAX_NAME = 64;
  static final int MAX_PAGE_KEY = 512;
  static final int MAX_URL = 2048;
  static final int MAX_TITLE = 500;

  /** Parses the body of POST /api/v1/comments; the body length is checked against the site later. */
  public static NewComment parse(JsonFields json) {
    json.allowOnly("site", "page", "parentId", "body", "author");
    String site = json.requiredString("site", false);
    JsonFields page = json.requiredObject("page").allowOnly("key", "url", "title");
    String key = page.requiredString("key", false);
    if (key.isBlank() || key.length() > MAX_PAGE_KEY) {
      throw ApiError.invalidField("page.key", "must be 1 to " + MAX_PAGE_KEY + " characters");
    }
    String url = page.optionalString("url", false).map(NewComment::pageUrl).orElse(null);
    String title = page.optionalString("title", false).map(raw -> {
      String t = TextRules.nfc(raw.strip());
      if (TextRules.codePoints(t) > MAX_TITLE) {
        throw ApiError.invalidField("page.title", "must be at most " + MAX_TITLE + " characters");
      }
      return t.isEmpty() ? null : t;
    }).orElse(null);
    Long parentId = json.optionalLong("parentId").orElse(null);
    if (parentId != null && parentId < 1) {
      throw ApiError.invalidField("parentId", "must be a comment id");
    }
    String body = body(json);
    // Signed-in writers (and anonymous authors sending their token) may leave the author out.
    JsonFields author = json.optionalObject("author").orElse(null);
    String name = null;
    String email = null;
    if (author != null) {
      author.allowOnly("name", "email");
      name = author.optionalString("name", false).map(NewComment::authorName).orElse(null);
      email = author.optionalString("email", false).map(NewComment::email).orElse(null);
    }
    return new NewComment(site, key, url, title, parentId, body, name, email);
  }

  /** The body length rule, which depends on the site's setting. */
  public void checkBodyLength(int maxCodePoints) {
    checkBodyLength(body, maxCodePoints);
  }

  public static void checkBodyLength(String body, int maxCodePoints) {
    int length = TextRules.codePoints(body);
    if (length > maxCodePoints) {
      throw new ApiError(422, "body_too_long",
          "The comment is " + length + " characters long; the limit is " + maxCodePoints,
          new JsonObject().put("limit", maxCodePoints).put("length", length));
    }
  }

  /** Reads and normalizes {@code body}: the size ceiling before any work, NFC, newlines folded, not blank. */
  public static String body(JsonFields json) {
    String body = json.requiredString("body", true);
    if (body.length() > MAX_SOURCE_CHARS) {
      throw new ApiError(413, "body_too_long", "The comment source is longer than " + MAX_SOURCE_CHARS + " characters",
          new JsonObject().put("limit", MAX_SOURCE_CHARS));
    }
    body = TextRules.nfc(TextRules.normalizeNewlines(body));
    if (body.isBlank()) {
      throw ApiError.unprocessable("body_empty", "The comment is empty");
    }
    return body;
  }

  static String authorName(String raw) {
    String name = TextRules.nfc(raw.strip());
    if (name.isEmpty() || TextRules.codePoints(name) > MAX_NAME) {
      throw ApiError.invalidField("author.name", "must be 1 to " + MAX_NAME + " characters");
    }
    if (TextRules.hasInvisibleOrBidiControls(name)) {
      throw new ApiError(400, "invalid_characters",
          "author.name: contains invisible or text-direction control characters",
          new JsonObject().put("field", "author.name"));
    }
    return name;
  }

  static String email(String raw) {
    String email = raw.strip();
    if (email.isEmpty()) {
      return null;
    }
    if (email.length() > 254 || !email.matches("[^@\\s]+@[^@\\s]+\\.[^@\\s]+")) {
      throw ApiError.invalidField("author.email", "is not an email address");
    }
    return email;
  }

  static String pageUrl(String raw) {
    String url = raw.strip();
    if (url.isEmpty()) {
      return null;
    }
    try {
      URI uri = new URI(url);
      String scheme = uri.getScheme() == null ? "" : uri.getScheme().toLowerCase(Locale.ROOT);
      if (url.length() <= MAX_URL && (scheme.equals("http") || scheme.equals("https")) && uri.getHost() != null) {
        return url;
      }
    } catch (Exception e) {
      // answered below
    }
    throw ApiError.invalidField("page.url", "must be an absolute http(s) URL of at most " + MAX_URL + " characters");
  }
}
