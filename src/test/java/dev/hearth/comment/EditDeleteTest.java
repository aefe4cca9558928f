package dev.hearth.comment;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNotEquals;
import static org.junit.jupiter.api.Assertions.assertNotNull;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.hearth.support.Api;
import dev.hearth.support.TestHearth;
import io.vertx.core.json.JsonObject;
import java.time.Duration;
import java.time.Instant;
import java.util.List;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;

/**
 * An author's own changes through the API: edits inside and outside the site's window, by the
 * wrong person or no one, and deletes that leave a placeholder or nothing, with counts kept.
 */
class EditDeleteTest {
  @RegisterExtension
  static TestHearth hearth = new TestHearth();

  static final String SITE = "edits";
  static final String STRICT = "strict-edits";
  static final int STRICT_WINDOW_SECONDS = 60;

  /** A comment that was posted and the token that owns it. */
  record Owned(long id, long authorId, String token, JsonObject created) {
  }

  static Owned post(String site, String page, Long parentId, String name, String body) {
    Api.Response response = hearth.api().postJson("/api/v1/comments", Api.newComment(site, page, parentId, name, body));
    assertEquals(201, response.status(), response.body());
    JsonObject json = response.json();
    String token = json.getString("ownerToken");
    assertNotNull(token, "a new anonymous author gets an owner token");
    return new Owned(json.getLong("id"), json.getJsonObject("author").getLong("id"), token, json);
  }

  static Api.Response edit(long id, String token, String body) {
    return hearth.api().json("PATCH", "/api/v1/comments/" + id, new JsonObject().put("body", body), token);
  }

  static Api.Response delete(long id, String token) {
    return hearth.api().json("DELETE", "/api/v1/comments/" + id, null, token);
  }

  static JsonObject find(JsonObject thread, long id) {
    return ThreadWalk.everyComment(thread.getJsonArray("comments")).stream()
        .filter(c -> c.getLong("id") == id).findFirst().orElse(null);
  }

  static int count(String site, String page) {
    JsonObject counts = hearth.api().get("/api/v1/counts?site=" + site + "&page=" + page).json();
    return counts.getJsonObject("counts").getInteger(page);
  }

  static void assertError(Api.Response response, int status, String code) {
    assertEquals(status, response.status(), response.body());
    assertEquals(code, response.json().getString("error"), response.body());
  }

  @BeforeAll
  static void sites() {
    hearth.api().createSite(SITE, "https://edits.example");
    hearth.api().createSite(STRICT, "https://strict-edits.example");
    hearth.api().updateSettings(STRICT, new JsonObject().put("editWindowSeconds", STRICT_WINDOW_SECONDS));
  }

  @Test
  void authorEditsInsideTheWindow() {
    Owned ann = post(SITE, "edit-ok", null, "Ann", "First draft");
    assertNull(ann.created().getString("editedAt"));
    Instant before = Instant.now().minusSeconds(5);

    Api.Response edited = edit(ann.id(), ann.token(), "Second draft\n\nwith more words");
    assertEquals(200, edited.status(), edited.body());
    JsonObject json = edited.json();
    assertEquals(ann.id(), json.getLong("id"));
    assertEquals("Second draft\n\nwith more words", json.getString("body"));
    assertNotNull(json.getString("editedAt"));
    assertTrue(Instant.parse(json.getString("editedAt")).isAfter(before));
    assertNotEquals(ann.created().getString("html"), json.getString("html"));
    assertTrue(json.getString("html").contains("Second draft"), json.getString("html"));
    assertFalse(json.getString("html").contains("First draft"), json.getString("html"));
    assertEquals(ann.authorId(), json.getJsonObject("author").getLong("id"));

    JsonObject read = find(hearth.api().thread(SITE, "edit-ok", null), ann.id());
    assertEquals("Second draft\n\nwith more words", read.getString("body"));
    assertEquals(json.getString("editedAt"), read.getString("editedAt"));
    assertEquals(json.getString("html"), read.getString("html"));

    String fragment = hearth.api().get("/embed/fragment?site=" + SITE + "&page=edit-ok").body();
    assertTrue(fragment.contains("<span class=\"hearth-edited\">edited</span>"), fragment);
    assertTrue(fragment.contains("Second draft"), fragment);
    assertFalse(fragment.contains("First draft"), fragment);
  }

  @Test
  void editWithTheSameTextChangesNothing() {
    Owned ann = post(SITE, "edit-same", null, "Ann", "Unchanged");
    Api.Response edited = edit(ann.id(), ann.token(), "Unchanged");
    assertEquals(200, edited.status(), edited.body());
    assertNull(edited.json().getString("editedAt"));
  }

  @Test
  void editAfterTheWindowIsRefused() {
    Owned ann = post(STRICT, "late", null, "Ann", "Posted in a hurry");
    Api.Response inTime = edit(ann.id(), ann.token(), "Fixed in time");
    assertEquals(200, inTime.status(), inTime.body());
    // The node's clock, not the wall clock, decides: one step past the window closes it.
    hearth.clock().advance(Duration.ofSeconds(STRICT_WINDOW_SECONDS + 1));
    assertError(edit(ann.id(), ann.token(), "Too late"), 403, "edit_window_closed");
    JsonObject read = find(hearth.api().thread(STRICT, "late", null), ann.id());
    assertEquals("Fixed in time", read.getString("body"));
    assertEquals(inTime.json().getString("editedAt"), read.getString("editedAt"));
  }

  @Test
  void onlyTheAuthorMayEdit() {
    Owned ann = post(SITE, "edit-who", null, "Ann", "Ann's words");
    Owned bob = post(SITE, "edit-who", null, "Bob", "Bob's words");
    assertError(edit(ann.id(), bob.token(), "Bob was here"), 403, "not_author");
    assertError(edit(ann.id(), null, "Nobody was here"), 401, "unauthorized");
    assertError(edit(ann.id(), "not-a-real-token-" + "x".repeat(30), "Forged"), 401, "invalid_token");
    assertError(delete(ann.id(), bob.token()), 403, "not_author");
    assertError(delete(ann.id(), null), 401, "unauthorized");
    assertError(delete(ann.id(), "garbage"), 401, "invalid_token");
    JsonObject read = find(hearth.api().thread(SITE, "edit-who", null), ann.id());
    assertEquals("Ann's words", read.getString("body"));
    assertNull(read.getString("editedAt"));
    assertEquals("visible", read.getString("status"));
  }

  @Test
  void editingAMissingCommentIsNotFound() {
    Owned ann = post(SITE, "edit-missing", null, "Ann", "Here");
    assertError(edit(987_654_321L, ann.token(), "Where?"), 404, "comment_not_found");
  }

  @Test
  void theOwnerTokenKeepsTheSameAuthor() {
    Owned ann = post(SITE, "same-author", null, "Ann", "One");
    Api.Response again = hearth.api().json("POST", "/api/v1/comments",
        Api.newComment(SITE, "same-author", ann.id(), null, "Two, no name given"), ann.token());
    assertEquals(201, again.status(), again.body());
    assertEquals(ann.authorId(), again.json().getJsonObject("author").getLong("id"));
    assertEquals("Ann", again.json().getJsonObject("author").getString("name"));
    assertNull(again.json().getString("ownerToken"), "no new token for a known author");
  }

  @Test
  void deletingACommentWithoutRepliesRemovesIt() {
    Owned first = post(SITE, "delete-leaf", null, "Ann", "Stays");
    Owned second = post(SITE, "delete-leaf", null, "Bob", "Goes");
    Owned reply = post(SITE, "delete-leaf", first.id(), "Cy", "A reply that goes");
    assertEquals(3, count(SITE, "delete-leaf"));

    Api.Response deleted = delete(second.id(), second.token());
    assertEquals(204, deleted.status(), deleted.body());
    assertEquals("", deleted.body());
    assertEquals(204, delete(reply.id(), reply.token()).status());

    JsonObject thread = hearth.api().thread(SITE, "delete-leaf", null);
    assertEquals(1, thread.getJsonObject("page").getInteger("commentCount"));
    assertEquals(1, thread.getJsonArray("comments").size());
    JsonObject stays = thread.getJsonArray("comments").getJsonObject(0);
    assertEquals(first.id(), stays.getLong("id"));
    assertEquals(0, stays.getInteger("replyCount"), "the deleted reply no longer counts");
    assertEquals(0, stays.getJsonArray("children").size());
    assertEquals(1, count(SITE, "delete-leaf"));
    String fragment = hearth.api().get("/embed/fragment?site=" + SITE + "&page=delete-leaf").body();
    assertFalse(fragment.contains("comment-" + second.id() + "\""), "deleted comment not rendered");
    assertFalse(fragment.contains("Goes"));
    assertTrue(fragment.contains("1 comment<"), fragment);
    assertError(hearth.api().get("/api/v1/comments/" + second.id() + "/context"), 404, "comment_not_found");
  }

  @Test
  void deletingACommentWithRepliesLeavesAPlaceholder() {
    Owned parent = post(SITE, "delete-parent", null, "Ann", "Secret words of the parent");
    Owned child = post(SITE, "delete-parent", parent.id(), "Bob", "Reply one");
    Owned grandchild = post(SITE, "delete-parent", child.id(), "Cy", "Reply two");
    Owned other = post(SITE, "delete-parent", null, "Dee", "Another thread");
    assertEquals(4, count(SITE, "delete-parent"));

    assertEquals(204, delete(parent.id(), parent.token()).status());
    assertEquals(3, count(SITE, "delete-parent"));

    JsonObject thread = hearth.api().thread(SITE, "delete-parent", null);
    assertEquals(3, thread.getJsonObject("page").getInteger("commentCount"));
    assertEquals(List.of(parent.id(), other.id()), thread.getJsonArray("comments").stream()
        .map(c -> ((JsonObject) c).getLong("id")).toList(), "the placeholder keeps its place");
    JsonObject placeholder = thread.getJsonArray("comments").getJsonObject(0);
    assertEquals("deleted", placeholder.getString("status"));
    assertNull(placeholder.getValue("author"));
    assertEquals("", placeholder.getString("body"));
    assertEquals("", placeholder.getString("html"));
    assertNull(placeholder.getValue("editedAt"));
    assertFalse(placeholder.encode().contains("Secret words"), placeholder.encode());
    JsonObject reply = placeholder.getJsonArray("children").getJsonObject(0);
    assertEquals(child.id(), reply.getLong("id"));
    assertEquals("Reply one", reply.getString("body"));
    assertEquals(grandchild.id(), reply.getJsonArray("children").getJsonObject(0).getLong("id"));

    JsonObject replies = hearth.api().get("/api/v1/comments/" + parent.id() + "/replies").json();
    assertEquals(1, replies.getJsonArray("comments").size());
    assertEquals("Reply one", replies.getJsonArray("comments").getJsonObject(0).getString("body"));

    String fragment = hearth.api().get("/embed/fragment?site=" + SITE + "&page=delete-parent").body();
    assertTrue(fragment.contains("id=\"comment-" + parent.id() + "\""), fragment);
    assertTrue(fragment.contains("This comment was deleted by its author."), "an author's delete reads as such: " + fragment);
    assertFalse(fragment.contains("Secret words"), fragment);
    assertTrue(fragment.contains("Reply one") && fragment.contains("Reply two"), fragment);

    Api.Response answer = hearth.api().postJson("/api/v1/comments",
        Api.newComment(SITE, "delete-parent", parent.id(), "Eve", "Answering the removed one"));
    assertError(answer, 422, "parent_not_visible");
  }

  @Test
  void deletingTwiceIsStillNoContentAndCountsOnce() {
    Owned ann = post(SITE, "delete-twice", null, "Ann", "Double click");
    post(SITE, "delete-twice", null, "Bob", "Stays");
    assertEquals(204, delete(ann.id(), ann.token()).status());
    assertEquals(204, delete(ann.id(), ann.token()).status());
    assertEquals(1, count(SITE, "delete-twice"));
    assertEquals(1, hearth.api().thread(SITE, "delete-twice", null).getJsonObject("page").getInteger("commentCount"));
  }

  @Test
  void aDeletedCommentCannotBeEdited() {
    Owned ann = post(SITE, "delete-edit", null, "Ann", "Soon gone");
    post(SITE, "delete-edit", ann.id(), "Bob", "Keeps the placeholder");
    assertEquals(204, delete(ann.id(), ann.token()).status());
    assertError(edit(ann.id(), ann.token(), "Back from the dead"), 409, "not_editable");
    JsonObject placeholder = find(hearth.api().thread(SITE, "delete-edit", null), ann.id());
    assertEquals("deleted", placeholder.getString("status"));
    assertEquals("", placeholder.getString("body"));
  }

  @Test
  void aTokenOfAnotherSiteChangesNothing() {
    Owned ann = post(SITE, "cross-site", null, "Ann", "Mine");
    Owned stranger = post(STRICT, "cross-site", null, "Zed", "Elsewhere");
    // A token belongs to one site; to it, another site's comments do not exist (no probing for ids).
    assertError(edit(ann.id(), stranger.token(), "Not yours"), 404, "comment_not_found");
    assertError(delete(ann.id(), stranger.token()), 404, "comment_not_found");
    JsonObject read = find(hearth.api().thread(SITE, "cross-site", null), ann.id());
    assertEquals("Mine", read.getString("body"));
    assertEquals("visible", read.getString("status"));
  }
}
