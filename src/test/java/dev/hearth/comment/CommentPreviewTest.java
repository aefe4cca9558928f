package dev.hearth.comment;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.hearth.support.Api;
import dev.hearth.support.TestHearth;
import io.vertx.core.json.JsonObject;
import java.nio.charset.StandardCharsets;
import java.util.Map;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;

/**
 * The two API calls the embedded composer makes besides posting: one comment as its reader
 * may see it (the source for Edit and Quote), and a preview of a draft that stores nothing.
 */
class CommentPreviewTest {
  @RegisterExtension
  static TestHearth hearth = new TestHearth();

  static final String SITE = "notes";
  static final String HELD = "careful";
  static final int MAX_BODY = 40;

  @BeforeAll
  static void seed() {
    Api api = hearth.api();
    api.createSite(SITE, "https://notes.example");
    api.updateSettings(SITE, new JsonObject().put("maxBodyLength", MAX_BODY));
    api.createSite(HELD, "https://careful.example");
    api.updateSettings(HELD, new JsonObject().put("premoderation", "all"));
  }

  static Api.Response one(long id, String token) {
    return hearth.api().json("GET", "/api/v1/comments/" + id, null, token);
  }

  static Api.Response preview(JsonObject body) {
    return hearth.api().postJson("/api/v1/preview", body);
  }

  static void refused(Api.Response response, int status, String code) {
    assertEquals(status, response.status(), response.body());
    assertEquals(code, response.json().getString("error"), response.body());
  }

  @Test
  void aVisibleCommentIsForAnyoneWithItsSource() {
    JsonObject posted = hearth.api().comment(SITE, "p", null, "Ann", "Some **bold** text");
    long id = posted.getLong("id");
    Api.Response anyone = one(id, null);
    assertEquals(200, anyone.status(), anyone.body());
    JsonObject comment = anyone.json();
    assertEquals(id, comment.getLong("id"));
    assertEquals("Some **bold** text", comment.getString("body"), "the markdown source, for Edit and Quote");
    assertTrue(comment.getString("html").contains("<strong>bold</strong>"), comment.getString("html"));
    assertEquals("visible", comment.getString("status"));
    assertEquals("Ann", comment.getJsonObject("author").getString("name"));
    assertFalse(comment.containsKey("children"), "one comment, without its replies");
    assertTrue(anyone.header("content-type").startsWith("application/json"));

    String someoneElse = hearth.api().comment(SITE, "p", null, "Ben", "Hi").getString("ownerToken");
    assertEquals(comment, one(id, someoneElse).json(), "the same for every reader");
  }

  @Test
  void aHeldCommentIsOnlyForItsAuthor() {
    Api.Response posted = hearth.api().postJson("/api/v1/comments",
        Api.newComment(HELD, "p", null, "Cleo", "Held _text_"));
    assertEquals(201, posted.status(), posted.body());
    assertEquals("pending", posted.json().getString("status"));
    long id = posted.json().getLong("id");
    String author = posted.json().getString("ownerToken");
    String other = hearth.api().postJson("/api/v1/comments", Api.newComment(HELD, "p", null, "Dan", "Mine"))
        .json().getString("ownerToken");

    refused(one(id, null), 404, "comment_not_found");
    refused(one(id, other), 404, "comment_not_found");
    Api.Response own = one(id, author);
    assertEquals(200, own.status(), own.body());
    assertEquals("pending", own.json().getString("status"));
    assertEquals("Held _text_", own.json().getString("body"));
    assertEquals("Cleo", own.json().getJsonObject("author").getString("name"));

    Api.Response rejecting = hearth.api().json("POST", "/api/v1/moderation/comments/" + id + "/reject", null,
        TestHearth.ADMIN_TOKEN);
    assertEquals(200, rejecting.status(), rejecting.body());
    refused(one(id, author), 404, "comment_not_found");
  }

  @Test
  void deletedUnknownAndMalformedAreRefused() {
    JsonObject posted = hearth.api().comment(SITE, "p", null, "Eve", "Going");
    long id = posted.getLong("id");
    String token = posted.getString("ownerToken");
    assertEquals(204, hearth.api().json("DELETE", "/api/v1/comments/" + id, null, token).status());
    refused(one(id, null), 404, "comment_not_found");
    refused(one(id, token), 404, "comment_not_found");
    refused(one(999_999, null), 404, "comment_not_found");
    refused(hearth.api().get("/api/v1/comments/abc"), 404, "comment_not_found");
    refused(hearth.api().get("/api/v1/comments/" + id + "?full=1"), 400, "invalid_query");
    refused(one(id, "hth_not-a-live-token"), 401, "invalid_token");
  }

  @Test
  void aPreviewIsSanitizedMarkdown() {
    Api.Response response = preview(new JsonObject().put("site", SITE)
        .put("body", "Hi **you** <script>alert(1)</script>"));
    assertEquals(200, response.status(), response.body());
    assertEquals(1, response.json().size(), response.body());
    String html = response.json().getString("html");
    assertTrue(html.contains("<strong>you</strong>"), html);
    assertFalse(html.toLowerCase().contains("<script"), html);

    Api.Response link = preview(new JsonObject().put("site", SITE).put("body", "[x](javascript:alert(1))"));
    assertEquals(200, link.status(), link.body());
    assertFalse(link.json().getString("html").contains("javascript:"), link.body());
  }

  @Test
  void aPreviewKeepsTheRulesOfPosting() {
    String tooLong = "x".repeat(MAX_BODY + 1);
    Api.Response previewed = preview(new JsonObject().put("site", SITE).put("body", tooLong));
    Api.Response posted = hearth.api().postJson("/api/v1/comments", Api.newComment(SITE, "p", null, "Fay", tooLong));
    assertEquals(422, previewed.status(), previewed.body());
    assertEquals(posted.status(), previewed.status());
    assertEquals(posted.json().getString("error"), previewed.json().getString("error"));
    assertEquals("body_too_long", previewed.json().getString("error"));
    assertEquals(MAX_BODY, previewed.json().getInteger("limit"));
    assertEquals(MAX_BODY + 1, previewed.json().getInteger("length"));
    assertEquals(200, preview(new JsonObject().put("site", SITE).put("body", "x".repeat(MAX_BODY))).status());

    refused(preview(new JsonObject().put("site", SITE).put("body", " \n ")), 422, "body_empty");
    refused(preview(new JsonObject().put("site", "nowhere").put("body", "Hi")), 404, "site_not_found");
    refused(preview(new JsonObject().put("site", SITE)), 400, "missing_field");
    refused(preview(new JsonObject().put("site", SITE).put("body", "Hi").put("page", "p")), 400, "unknown_field");
    refused(hearth.api().send("POST", "/api/v1/preview", "text/plain", "Hi".getBytes(StandardCharsets.UTF_8),
        Map.of()), 415, "unsupported_media_type");
  }

  @Test
  void aPreviewStoresNothing() {
    Api api = hearth.api();
    api.comment(SITE, "drafts", null, "Gil", "The real one");
    for (int i = 0; i < 3; i++) {
      assertEquals(200, preview(new JsonObject().put("site", SITE).put("body", "Draft " + i)).status());
      assertEquals(200, preview(new JsonObject().put("site", HELD).put("body", "Held draft " + i)).status());
    }
    JsonObject thread = api.thread(SITE, "drafts", null);
    assertEquals(1, thread.getJsonObject("page").getInteger("commentCount"));
    assertEquals(1, thread.getJsonArray("comments").size());
    assertFalse(thread.encode().contains("Draft "), thread.encode());
    Api.Response queue = api.send("GET", "/api/v1/moderation/queue?site=" + HELD, null, null,
        Map.of("Authorization", "Bearer " + TestHearth.ADMIN_TOKEN));
    assertEquals(200, queue.status(), queue.body());
    assertFalse(queue.body().contains("Held draft"), "no draft reached the moderators: " + queue.body());
  }
}
