package dev.hearth.embed;

import static dev.hearth.embed.EmbedHtml.attribute;
import static dev.hearth.embed.EmbedHtml.commentIds;
import static dev.hearth.embed.EmbedHtml.link;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.hearth.comment.ThreadService;
import dev.hearth.support.Api;
import dev.hearth.support.TestHearth;
import io.vertx.core.json.JsonObject;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;

/**
 * The HTML pieces the thread page's script swaps in, through real HTTP: one comment as its
 * reader may see it, further replies page by page, and the reader's own held comments.
 */
class EmbedFragmentsTest {
  @RegisterExtension
  static TestHearth hearth = new TestHearth();

  static final String OPEN = "open";
  static final String HELD = "held";
  static final int REPLIES = 2 * ThreadService.REPLIES_PER_LEVEL + 5;

  static long root;
  static long reply;
  /** Direct replies of {@link #wideRoot}, oldest first. */
  static final List<Long> wide = new ArrayList<>();
  static long wideRoot;

  @BeforeAll
  static void seed() {
    Api api = hearth.api();
    api.createSite(OPEN, "https://open.example");
    api.createSite(HELD, "https://held.example");
    api.updateSettings(HELD, new JsonObject().put("premoderation", "all"));
    root = api.comment(OPEN, "page", null, "Ann", "The root").getLong("id");
    reply = api.comment(OPEN, "page", root, "Ben", "A reply").getLong("id");
    wideRoot = api.comment(OPEN, "wide", null, "Wanda", "Many answer this").getLong("id");
    for (int i = 1; i <= REPLIES; i++) {
      wide.add(api.comment(OPEN, "wide", wideRoot, "Replier " + i, "Answer " + i).getLong("id"));
    }
  }

  static Api.Response get(String path, String token) {
    return hearth.api().send("GET", path, null, null,
        token == null ? Map.of() : Map.of("Authorization", "Bearer " + token));
  }

  static String ok(Api.Response response) {
    assertEquals(200, response.status(), response.body());
    assertTrue(response.header("content-type").startsWith("text/html"), response.header("content-type"));
    assertTrue(response.header("content-security-policy").contains("frame-ancestors 'self'"));
    return response.body();
  }

  static void refused(Api.Response response, int status, String code) {
    assertEquals(status, response.status(), response.body());
    assertEquals(code, response.json().getString("error"), response.body());
  }

  /** Posts on the premoderated site, as a new writer (token null) or with a token; returns the created JSON. */
  static JsonObject postHeld(String page, Long parentId, String name, String body, String token) {
    Api.Response response = hearth.api().postJson("/api/v1/comments", Api.newComment(HELD, page, parentId,
        token == null ? name : null, body), token == null ? Map.of() : Map.of("Authorization", "Bearer " + token));
    assertEquals(201, response.status(), response.body());
    return response.json();
  }

  @Test
  void aVisibleCommentIsItsItemWithActionsAndWithoutReplies() {
    String html = ok(get("/embed/comments/" + root, null));
    assertEquals(List.of(root), commentIds(html), "the comment alone, its reply left out");
    assertTrue(html.startsWith("<li class=\"hearth-item\" id=\"comment-" + root + "\""), html);
    assertTrue(html.contains("The root"));
    assertTrue(html.contains("data-hearth-reply>Reply</button>"), html);
    assertTrue(html.contains("Report comment</button>"), html);
    assertTrue(html.contains("itemtype=\"https://schema.org/Comment\""));
    assertEquals(String.valueOf(root), attribute(ok(get("/embed/comments/" + reply, null)), "data-parent-id"));
    refused(get("/embed/comments/999999", null), 404, "comment_not_found");
    refused(get("/embed/comments/abc", null), 404, "comment_not_found");
    refused(get("/embed/comments/" + root, "hth_not-a-live-token"), 401, "invalid_token");
    refused(get("/embed/comments/" + root + "?x=1", null), 400, "invalid_query");
  }

  @Test
  void aHeldCommentIsShownOnlyToItsAuthor() {
    JsonObject held = postHeld("p", null, "Hana", "Wait for me", null);
    assertEquals("pending", held.getString("status"));
    long id = held.getLong("id");
    String other = postHeld("p", null, "Ivo", "Me too", null).getString("ownerToken");

    refused(get("/embed/comments/" + id, null), 404, "comment_not_found");
    refused(get("/embed/comments/" + id, other), 404, "comment_not_found");
    String html = ok(get("/embed/comments/" + id, held.getString("ownerToken")));
    assertEquals(List.of(id), commentIds(html));
    assertTrue(html.contains("Awaiting moderation"), html);
    assertTrue(html.contains("Wait for me"));
    assertEquals("pending", attribute(html, "data-status"));
    assertFalse(html.contains("data-hearth-reply>"), "nobody replies to a held comment");
  }

  @Test
  void aDeletedCommentIsGoneEvenForItsAuthor() {
    JsonObject mine = hearth.api().comment(OPEN, "page", null, "Dora", "Soon gone");
    long id = mine.getLong("id");
    String token = mine.getString("ownerToken");
    ok(get("/embed/comments/" + id, token));
    assertEquals(204, hearth.api().json("DELETE", "/api/v1/comments/" + id, null, token).status());
    refused(get("/embed/comments/" + id, null), 404, "comment_not_found");
    refused(get("/embed/comments/" + id, token), 404, "comment_not_found");
  }

  @Test
  void furtherRepliesComePageByPageEachOnce() {
    List<Long> seen = new ArrayList<>();
    String href = "/embed/comments/" + wideRoot + "/replies";
    List<Integer> sizes = new ArrayList<>();
    while (href != null) {
      String html = ok(get(href, null));
      List<Long> ids = commentIds(html);
      sizes.add(ids.size());
      seen.addAll(ids);
      assertEquals(ids.size(), html.split("data-hearth-reply>Reply</button>", -1).length - 1, "each with actions");
      String next = link(html, "<p class=\"hearth-more-replies\"><a href=\"([^\"]+)\" data-hearth-more-replies>"
          + "More replies to this comment</a></p>");
      if (next != null) {
        assertTrue(next.startsWith("/embed/comments/" + wideRoot + "/replies?cursor="), next);
      }
      href = next;
    }
    assertEquals(wide, seen, "every reply once, oldest first");
    int page = ThreadService.REPLIES_PER_LEVEL;
    assertEquals(List.of(page, page, REPLIES - 2 * page), sizes);
  }

  @Test
  void theThreadShowsTheFirstRepliesAndLinksTheRest() {
    String thread = ok(hearth.api().get("/embed/thread?site=" + OPEN + "&page=wide"));
    List<Long> inline = commentIds(thread);
    assertEquals(wide.subList(0, ThreadService.REPLIES_PER_LEVEL), inline.subList(1, inline.size()));
    String more = link(thread, "<a href=\"([^\"]+)\" data-hearth-more-replies>");
    assertTrue(more != null && more.startsWith("/embed/comments/" + wideRoot + "/replies"), thread);
    String after = ok(get("/embed/comments/" + wideRoot + "/replies?cursor=r" + ThreadService.REPLIES_PER_LEVEL,
        null));
    assertEquals(wide.subList(ThreadService.REPLIES_PER_LEVEL, 2 * ThreadService.REPLIES_PER_LEVEL),
        commentIds(after), "the replies after those shown inline");
  }

  @Test
  void repliesOfNothingAndBadCursorsAreRefused() {
    refused(get("/embed/comments/999999/replies", null), 404, "comment_not_found");
    refused(get("/embed/comments/" + wideRoot + "/replies?cursor=zzz", null), 400, "invalid_cursor");
    refused(get("/embed/comments/" + wideRoot + "/replies?limit=3", null), 400, "invalid_query");
  }

  @Test
  void mineListsTheCallersHeldCommentsOnThatPageOnly() {
    Api api = hearth.api();
    JsonObject first = postHeld("mine", null, "Mia", "Held one", null);
    String token = first.getString("ownerToken");
    long approved = postHeld("mine", null, null, "Soon approved", token).getLong("id");
    long elsewhere = postHeld("mine-too", null, null, "Held on another page", token).getLong("id");
    JsonObject someoneElses = postHeld("mine", null, "Noa", "Not Mia's", null);
    Api.Response approving = api.json("POST", "/api/v1/moderation/comments/" + approved + "/approve", null,
        TestHearth.ADMIN_TOKEN);
    assertEquals(200, approving.status(), approving.body());
    long heldReply = postHeld("mine", approved, null, "A held reply", token).getLong("id");

    String html = ok(get("/embed/mine?site=" + HELD + "&page=mine", token));
    assertEquals(List.of(first.getLong("id"), heldReply), commentIds(html), html);
    assertFalse(html.contains("Held on another page") || html.contains("Not Mia's") || html.contains("Soon approved"));
    assertTrue(html.contains("Awaiting moderation"));
    assertTrue(html.contains("data-parent-id=\"" + approved + "\""), "a held reply says where it goes");
    assertEquals(List.of(elsewhere), commentIds(ok(get("/embed/mine?site=" + HELD + "&page=mine-too", token))));
    assertEquals(List.of(), commentIds(ok(get("/embed/mine?site=" + HELD + "&page=nothing-here", token))));
    assertEquals(List.of(someoneElses.getLong("id")),
        commentIds(ok(get("/embed/mine?site=" + HELD + "&page=mine", someoneElses.getString("ownerToken")))));
  }

  @Test
  void mineNeedsATokenOfThatSite() {
    String token = postHeld("gate", null, "Pia", "Held", null).getString("ownerToken");
    String otherSite = hearth.api().comment(OPEN, "page", null, "Quin", "On the open site").getString("ownerToken");
    refused(get("/embed/mine?site=" + HELD + "&page=gate", null), 401, "unauthorized");
    refused(get("/embed/mine?site=" + HELD + "&page=gate", "hth_not-a-live-token"), 401, "invalid_token");
    refused(get("/embed/mine?site=" + HELD + "&page=gate", otherSite), 403, "wrong_site");
    refused(get("/embed/mine?site=" + HELD, token), 400, "invalid_query");
    assertNull(attribute(ok(get("/embed/mine?site=" + OPEN + "&page=page", otherSite)), "data-comment-id"),
        "a writer with nothing held gets an empty fragment");
  }
}
