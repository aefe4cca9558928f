package dev.hearth.vote;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.auth0.jwt.JWT;
import com.auth0.jwt.algorithms.Algorithm;
import dev.hearth.support.Api;
import dev.hearth.support.LiveClient;
import dev.hearth.support.TestHearth;
import dev.hearth.support.TestPostgres;
import io.vertx.core.Vertx;
import io.vertx.core.json.JsonArray;
import io.vertx.core.json.JsonObject;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.concurrent.atomic.AtomicInteger;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;

/** Votes through the real API, on accounts signed in by SSO (no sign-up rate limit to dodge). */
class VotesTest {
  @RegisterExtension
  static TestHearth hearth = new TestHearth();

  static final String SITE = "votes";
  static final String ORIGIN = "https://votes.example";
  static final String SECRET = "a-votes-site-secret-of-32-characters!";
  static final AtomicInteger users = new AtomicInteger();
  static Vertx vertx;

  @BeforeAll
  static void setUp() {
    vertx = Vertx.vertx();
    for (String site : new String[] {SITE, "other"}) {
      hearth.api().createSite(site, "https://" + site + ".example");
      hearth.api().updateSettings(site, new JsonObject().put("ssoSecret", SECRET));
    }
  }

  @AfterAll
  static void tearDown() {
    vertx.close();
  }

  /** A new SSO account on the site; returns its bearer token. */
  static String account(String site) {
    Instant now = Instant.now();
    String jwt = JWT.create().withAudience(site).withSubject("voter-" + users.incrementAndGet())
        .withClaim("name", "Voter " + users.get()).withIssuedAt(now).withExpiresAt(now.plusSeconds(600))
        .sign(Algorithm.HMAC256(SECRET));
    Api.Response response = hearth.api().postJson("/api/v1/auth/sso", new JsonObject().put("site", site).put("token", jwt));
    assertEquals(200, response.status(), response.body());
    return response.json().getString("token");
  }

  static Api.Response vote(long commentId, int value, String token) {
    return hearth.api().json("PUT", "/api/v1/comments/" + commentId + "/vote", new JsonObject().put("value", value), token);
  }

  static long commentOn(String page, String author) {
    return hearth.api().comment(SITE, page, null, author, "Comment by " + author).getLong("id");
  }

  static JsonArray thread(String page, String sort) {
    return hearth.api().thread(SITE, page, "&sort=" + sort).getJsonArray("comments");
  }

  static void assertError(Api.Response response, int status, String code) {
    assertEquals(status, response.status(), response.body());
    assertEquals(code, response.json().getString("error"), response.body());
  }

  @Test
  void upDownAndWithdrawMoveTheScoreAndRepeatingChangesNothing() {
    long id = commentOn("scores", "Ann");
    String voter = account(SITE);
    Api.Response up = vote(id, 1, voter);
    assertEquals(200, up.status(), up.body());
    assertEquals(new JsonObject().put("id", id).put("score", 1).put("vote", 1), up.json());
    assertEquals(1, vote(id, 1, voter).json().getInteger("score"), "the same vote again counts once");
    assertEquals(2, vote(id, 1, account(SITE)).json().getInteger("score"), "a second voter adds one");
    assertEquals(0, vote(id, -1, voter).json().getInteger("score"), "turning up into down moves by two");
    assertEquals(1, vote(id, 0, voter).json().getInteger("score"), "withdrawing takes the vote back");
    assertEquals(1, thread("scores", "oldest").getJsonObject(0).getInteger("score"));
  }

  @Test
  void topSortFollowsVotes() {
    long first = commentOn("top", "First");
    long second = commentOn("top", "Second");
    assertEquals(200, vote(first, 1, account(SITE)).status());
    assertEquals(first, thread("top", "top").getJsonObject(0).getLong("id"), "the voted comment leads");
    assertEquals(200, vote(second, 1, account(SITE)).status());
    assertEquals(200, vote(second, 1, account(SITE)).status());
    assertEquals(second, thread("top", "top").getJsonObject(0).getLong("id"), "and is overtaken");
    assertEquals(List.of(2, 1), List.of(thread("top", "top").getJsonObject(0).getInteger("score"),
        thread("top", "top").getJsonObject(1).getInteger("score")));
  }

  @Test
  void whoMayVote() {
    JsonObject own = hearth.api().comment(SITE, "rules", null, "Writer", "My own words");
    long id = own.getLong("id");
    assertError(hearth.api().json("PUT", "/api/v1/comments/" + id + "/vote", new JsonObject().put("value", 1), null),
        401, "unauthorized");
    assertError(vote(id, 1, "hth_not-a-real-token"), 401, "invalid_token");
    assertError(vote(id, 1, own.getString("ownerToken")), 403, "account_required");
    assertError(vote(id, 1, account("other")), 403, "wrong_site");

    String banned = account(SITE);
    long bannedId = hearth.api().json("GET", "/api/v1/auth/me", null, banned).json().getJsonObject("user").getLong("id");
    TestPostgres.execute(hearth.database(), "update users set banned_at = now() where id = " + bannedId);
    assertError(vote(id, 1, banned), 403, "banned");

    String author = account(SITE);
    Api.Response mine = hearth.api().json("POST", "/api/v1/comments",
        Api.newComment(SITE, "rules", null, null, "Signed-in words"), author);
    assertEquals(201, mine.status(), mine.body());
    assertError(vote(mine.json().getLong("id"), 1, author), 403, "own_comment");

    assertError(vote(id, 2, account(SITE)), 400, "invalid_field");
    assertError(hearth.api().json("PUT", "/api/v1/comments/" + id + "/vote", new JsonObject(), account(SITE)),
        400, "missing_field");
    assertError(vote(999_999_999L, 1, account(SITE)), 404, "comment_not_found");
    assertEquals(0, thread("rules", "oldest").getJsonObject(0).getInteger("score"), "no refused vote counted");
  }

  @Test
  void hiddenDeletedAndClosedAreNotVotable() {
    JsonObject doomed = hearth.api().comment(SITE, "gone", null, "Leaver", "Soon deleted");
    assertEquals(204, hearth.api().json("DELETE", "/api/v1/comments/" + doomed.getLong("id"), null,
        doomed.getString("ownerToken")).status());
    assertError(vote(doomed.getLong("id"), 1, account(SITE)), 409, "not_votable");

    long open = commentOn("closing", "Early");
    Api.Response closed = hearth.api().json("PATCH", "/api/v1/sites/" + SITE + "/pages/closing",
        new JsonObject().put("closed", true), TestHearth.ADMIN_TOKEN);
    assertEquals(200, closed.status(), closed.body());
    assertError(vote(open, 1, account(SITE)), 403, "page_closed");
  }

  @Test
  void theSitesVotingSettingIsEnforced() {
    hearth.api().createSite("uponly", "https://uponly.example");
    hearth.api().updateSettings("uponly", new JsonObject().put("ssoSecret", SECRET).put("voting", "up"));
    long id = hearth.api().comment("uponly", "p", null, "Ann", "Hello").getLong("id");
    String voter = account("uponly");
    assertError(vote(id, -1, voter), 422, "downvotes_disabled");
    assertEquals(200, vote(id, 1, voter).status());
    hearth.api().updateSettings("uponly", new JsonObject().put("voting", "off"));
    // Site settings are cached per node for a few seconds.
    Api.Response off = null;
    for (int i = 0; i < 50 && (off == null || off.status() == 200); i++) {
      off = vote(id, 0, voter);
      sleep(200);
    }
    assertError(off, 403, "voting_disabled");
    assertEquals("off", hearth.api().get("/api/v1/sites/uponly").json().getJsonObject("settings").getString("voting"));
    assertError(hearth.api().adminJson("PATCH", "/api/v1/sites/uponly",
        new JsonObject().put("settings", new JsonObject().put("voting", "sideways"))), 400, "invalid_field");
  }

  @Test
  void aReaderSeesOnlyTheirOwnVotesOnAPage() {
    long a = commentOn("mine", "A");
    long b = commentOn("mine", "B");
    long elsewhere = commentOn("not-mine", "C");
    String me = account(SITE);
    String someoneElse = account(SITE);
    vote(a, 1, me);
    vote(b, -1, me);
    vote(elsewhere, 1, me);
    vote(a, -1, someoneElse);
    Api.Response mine = hearth.api().json("GET", "/api/v1/votes?site=" + SITE + "&page=mine", null, me);
    assertEquals(200, mine.status(), mine.body());
    assertEquals(new JsonObject().put(String.valueOf(a), 1).put(String.valueOf(b), -1),
        mine.json().getJsonObject("votes"));
    assertError(hearth.api().json("GET", "/api/v1/votes?site=" + SITE + "&page=mine", null, null), 401, "unauthorized");
    assertError(hearth.api().json("GET", "/api/v1/votes?site=other&page=mine", null, me), 403, "wrong_site");
  }

  @Test
  void twentyConcurrentVotersGiveAnExactScore() throws Exception {
    long id = commentOn("crowd", "Popular");
    List<String> voters = new ArrayList<>();
    for (int i = 0; i < 20; i++) {
      voters.add(account(SITE));
    }
    ExecutorService pool = Executors.newFixedThreadPool(10);
    try {
      List<Future<Integer>> answers = new ArrayList<>();
      for (int i = 0; i < voters.size(); i++) {
        String voter = voters.get(i);
        int value = i < 15 ? 1 : -1;
        answers.add(pool.submit(() -> vote(id, value, voter).status()));
      }
      for (Future<Integer> answer : answers) {
        assertEquals(200, answer.get());
      }
    } finally {
      pool.shutdownNow();
    }
    assertEquals(10, thread("crowd", "oldest").getJsonObject(0).getInteger("score"));
  }

  @Test
  void subscribersSeeTheNewScore() {
    long id = commentOn("live-votes", "Speaker");
    try (LiveClient live = LiveClient.connect(vertx, hearth.api().base(), ORIGIN)) {
      assertEquals("subscribed", live.subscribe(SITE, "live-votes", null).getString("type"));
      assertEquals(200, vote(id, 1, account(SITE)).status());
      JsonObject event = live.next(10);
      assertEquals("comment.voted", event.getString("kind"), event.encode());
      assertEquals(1, event.getJsonObject("comment").getInteger("score"));
      assertTrue(event.getString("fragment").contains("Speaker"), event.encode());
    }
  }

  private static void sleep(long millis) {
    try {
      Thread.sleep(millis);
    } catch (InterruptedException e) {
      Thread.currentThread().interrupt();
    }
  }
}
