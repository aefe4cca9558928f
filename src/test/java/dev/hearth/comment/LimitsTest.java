package dev.hearth.comment;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;

import dev.hearth.support.Api;
import dev.hearth.support.TestHearth;
import io.vertx.core.json.JsonObject;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;

/**
 * Length limits at their exact edges: bodies count code points after NFC against the site's
 * maxBodyLength (emoji and composed letters once each), names 1 to 64, and a hard ceiling on
 * the raw source before any work is done.
 */
class LimitsTest {
  @RegisterExtension
  static TestHearth hearth = new TestHearth();

  static final String SITE = "limits";
  static final String SHORT = "short-limits";
  static final String EMOJI = "\uD83D\uDE00"; // 😀, two UTF-16 units, one code point
  static final String E_ACUTE_DECOMPOSED = "e\u0301";

  @BeforeAll
  static void sites() {
    hearth.api().createSite(SITE, "https://limits.example");
    hearth.api().createSite(SHORT, "https://short.example");
    hearth.api().updateSettings(SHORT, new JsonObject().put("maxBodyLength", 100));
  }

  static Api.Response post(String site, String name, String body) {
    return hearth.api().postJson("/api/v1/comments", Api.newComment(site, "page", null, name, body));
  }

  static JsonObject accepted(Api.Response response) {
    assertEquals(201, response.status(), () -> response.body().substring(0, Math.min(300, response.body().length())));
    return response.json();
  }

  static JsonObject refused(Api.Response response, int status, String code) {
    assertEquals(status, response.status(), response.body());
    JsonObject error = response.json();
    assertEquals(code, error.getString("error"), response.body());
    return error;
  }

  @Test
  void asciiBodyOfExactlyTheLimitIsAcceptedAndOneMoreIsNot() {
    JsonObject created = accepted(post(SITE, "Ann", "a".repeat(8192)));
    assertEquals("a".repeat(8192), created.getString("body"));
    JsonObject error = refused(post(SITE, "Ann", "a".repeat(8193)), 422, "body_too_long");
    assertEquals(8192, error.getInteger("limit"));
    assertEquals(8193, error.getInteger("length"));
  }

  @Test
  void emojiCountOnceEach() {
    JsonObject created = accepted(post(SITE, "Ann", EMOJI.repeat(8192)));
    assertEquals(EMOJI.repeat(8192), created.getString("body"));
    JsonObject error = refused(post(SITE, "Ann", EMOJI.repeat(8193)), 422, "body_too_long");
    assertEquals(8192, error.getInteger("limit"));
    assertEquals(8193, error.getInteger("length"));
  }

  @Test
  void aLetterWithACombiningAccentCountsOnceAfterNfc() {
    String body = "a".repeat(8191) + E_ACUTE_DECOMPOSED; // 8,193 code points as sent, 8,192 composed
    JsonObject created = accepted(post(SITE, "Ann", body));
    assertEquals("a".repeat(8191) + "\u00E9", created.getString("body"), "stored composed");
    JsonObject error = refused(post(SITE, "Ann", "a".repeat(8192) + E_ACUTE_DECOMPOSED), 422, "body_too_long");
    assertEquals(8193, error.getInteger("length"));
  }

  @Test
  void theSiteLimitIsTheSitesOwn() {
    accepted(post(SHORT, "Ann", "b".repeat(100)));
    JsonObject error = refused(post(SHORT, "Ann", "b".repeat(101)), 422, "body_too_long");
    assertEquals(100, error.getInteger("limit"));
    assertEquals(101, error.getInteger("length"));
  }

  @Test
  void editsObeyTheSameLimit() {
    JsonObject created = accepted(post(SHORT, "Ann", "short"));
    String token = created.getString("ownerToken");
    Api.Response tooLong = hearth.api().json("PATCH", "/api/v1/comments/" + created.getLong("id"),
        new JsonObject().put("body", "c".repeat(101)), token);
    assertEquals(100, refused(tooLong, 422, "body_too_long").getInteger("limit"));
    Api.Response atLimit = hearth.api().json("PATCH", "/api/v1/comments/" + created.getLong("id"),
        new JsonObject().put("body", "c".repeat(100)), token);
    assertEquals(200, atLimit.status(), atLimit.body());
    assertEquals("c".repeat(100), atLimit.json().getString("body"));
  }

  @Test
  void namesFromOneToSixtyFourCharacters() {
    JsonObject created = accepted(post(SITE, "N".repeat(64), "Long name"));
    assertEquals("N".repeat(64), created.getJsonObject("author").getString("name"));
    assertEquals("author.name", refused(post(SITE, "N".repeat(65), "Too long a name"), 400, "invalid_field")
        .getString("field"));
    String composed = "N".repeat(63) + "\u00E9";
    JsonObject accent = accepted(post(SITE, "N".repeat(63) + E_ACUTE_DECOMPOSED, "Accent at the end"));
    assertEquals(composed, accent.getJsonObject("author").getString("name"));
    JsonObject emoji = accepted(post(SITE, EMOJI.repeat(64), "Emoji name"));
    assertEquals(EMOJI.repeat(64), emoji.getJsonObject("author").getString("name"));
    refused(post(SITE, EMOJI.repeat(65), "Emoji name too long"), 400, "invalid_field");
    accepted(post(SITE, "J", "One letter"));
    refused(post(SITE, "", "No name"), 400, "invalid_field");
  }

  @Test
  void sourceOverFiftyThousandCharactersIsRefusedBeforeAnyWork() {
    JsonObject error = refused(post(SITE, "Ann", "y".repeat(50_001)), 413, "body_too_long");
    assertEquals(50_000, error.getInteger("limit"));
    // At the ceiling the source is read and measured against the site's limit instead.
    JsonObject atCeiling = refused(post(SITE, "Ann", "y".repeat(50_000)), 422, "body_too_long");
    assertEquals(8192, atCeiling.getInteger("limit"));
    assertEquals(50_000, atCeiling.getInteger("length"));
  }

  @Test
  void refusedBodiesLeaveNoTrace() {
    refused(post(SITE, "Ghost", "z".repeat(8193)), 422, "body_too_long");
    String fragment = hearth.api().get("/embed/fragment?site=" + SITE + "&page=page&limit=100").body();
    assertFalse(fragment.contains("Ghost"), "a refused comment created nothing");
  }
}
