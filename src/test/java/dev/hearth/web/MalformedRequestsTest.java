package dev.hearth.web;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.hearth.support.Api;
import dev.hearth.support.TestHearth;
import io.vertx.core.json.JsonObject;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.stream.Stream;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.DynamicTest;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestFactory;
import org.junit.jupiter.api.extension.RegisterExtension;

/**
 * Every kind of malformed request gets a 4xx JSON error with a stable code and a message, never
 * a 500, and changes nothing.
 */
class MalformedRequestsTest {
  @RegisterExtension
  static TestHearth hearth = new TestHearth();

  static final String SITE = "strict";
  static long rootId;
  static long otherPageComment;
  static long otherSiteComment;

  record Case(String name, String method, String path, String contentType, byte[] body, Map<String, String> headers,
              int status, String code) {
  }

  @BeforeAll
  static void seed() {
    Api api = hearth.api();
    api.createSite(SITE, "https://strict.example");
    api.createSite("elsewhere", "https://elsewhere.example");
    rootId = api.comment(SITE, "page-a", null, "Ann", "First").getLong("id");
    otherPageComment = api.comment(SITE, "page-b", null, "Bob", "Other page").getLong("id");
    otherSiteComment = api.comment("elsewhere", "page-a", null, "Cy", "Other site").getLong("id");
  }

  static JsonObject valid() {
    return new JsonObject()
        .put("site", SITE)
        .put("page", new JsonObject().put("key", "page-a"))
        .put("body", "Hello")
        .put("author", new JsonObject().put("name", "Dee"));
  }

  static Case comment(String name, JsonObject body, int status, String code) {
    return new Case(name, "POST", "/api/v1/comments", "application/json",
        body.encode().getBytes(StandardCharsets.UTF_8), Map.of(), status, code);
  }

  static Case raw(String name, String contentType, byte[] body, int status, String code) {
    return new Case(name, "POST", "/api/v1/comments", contentType, body, Map.of(), status, code);
  }

  static Case get(String name, String path, int status, String code) {
    return new Case(name, "GET", path, null, null, Map.of(), status, code);
  }

  /** Sent byte for byte, without the client library's URI checks. */
  static Case rawGet(String name, String path, int status, String code) {
    return new Case(name, "RAW", path, null, null, Map.of(), status, code);
  }

  static Api.Response send(Case c) {
    return c.method().equals("RAW")
        ? hearth.api().rawGet(c.path())
        : hearth.api().send(c.method(), c.path(), c.contentType(), c.body(), c.headers());
  }

  static List<Case> cases() {
    List<Case> cases = new ArrayList<>();
    byte[] invalidUtf8 = {'{', '"', 's', 'i', 't', 'e', '"', ':', '"', (byte) 0xC3, (byte) 0x28, '"', '}'};
    cases.add(raw("not JSON", "application/json", "{site:".getBytes(), 400, "invalid_json"));
    cases.add(raw("JSON array", "application/json", "[1,2]".getBytes(), 400, "invalid_json"));
    cases.add(raw("JSON string", "application/json", "\"hi\"".getBytes(), 400, "invalid_json"));
    cases.add(raw("empty body", "application/json", new byte[0], 400, "invalid_json"));
    cases.add(raw("invalid UTF-8", "application/json", invalidUtf8, 400, "invalid_utf8"));
    cases.add(raw("text/plain", "text/plain", valid().encode().getBytes(), 415, "unsupported_media_type"));
    cases.add(raw("form encoded", "application/x-www-form-urlencoded", "site=strict".getBytes(), 415, "unsupported_media_type"));
    cases.add(raw("no content type", null, valid().encode().getBytes(), 415, "unsupported_media_type"));
    cases.add(raw("latin-1 charset", "application/json; charset=iso-8859-1", valid().encode().getBytes(), 415,
        "unsupported_media_type"));
    cases.add(raw("body over 64 KiB", "application/json",
        valid().put("body", "x".repeat(70_000)).encode().getBytes(), 413, "payload_too_large"));
    cases.add(comment("source over 50,000 characters", valid().put("body", "y".repeat(50_001)), 413, "body_too_long"));
    cases.add(comment("body over the site limit", valid().put("body", "z".repeat(8193)), 422, "body_too_long"));
    cases.add(comment("missing site", removed(valid(), "site"), 400, "missing_field"));
    cases.add(comment("missing body", removed(valid(), "body"), 400, "missing_field"));
    cases.add(comment("missing page", removed(valid(), "page"), 400, "missing_field"));
    cases.add(comment("missing author", removed(valid(), "author"), 400, "missing_field"));
    cases.add(comment("missing page key", valid().put("page", new JsonObject()), 400, "missing_field"));
    cases.add(comment("extra field", valid().put("admin", true), 400, "unknown_field"));
    cases.add(comment("extra page field", valid().put("page", new JsonObject().put("key", "a").put("x", 1)), 400,
        "unknown_field"));
    cases.add(comment("body is a number", valid().put("body", 42), 400, "invalid_field"));
    cases.add(comment("site is an object", valid().put("site", new JsonObject()), 400, "invalid_field"));
    cases.add(comment("page is a string", valid().put("page", "page-a"), 400, "invalid_field"));
    cases.add(comment("author is an array", valid().put("author", new io.vertx.core.json.JsonArray()), 400, "invalid_field"));
    cases.add(comment("parentId is a string", valid().put("parentId", "1"), 400, "invalid_field"));
    cases.add(comment("parentId is fractional", valid().put("parentId", 1.5), 400, "invalid_field"));
    cases.add(comment("parentId is huge", valid().put("parentId", new java.math.BigInteger("123456789012345678901234567890")),
        400, "invalid_field"));
    cases.add(comment("parentId is negative", valid().put("parentId", -3), 400, "invalid_field"));
    cases.add(comment("NUL in body", valid().put("body", "a\u0000b"), 400, "invalid_characters"));
    cases.add(comment("control character in name", valid().put("author", new JsonObject().put("name", "a\u0007b")), 400,
        "invalid_characters"));
    cases.add(comment("bidi override in name", valid().put("author", new JsonObject().put("name", "abc\u202Egpj.exe")),
        400, "invalid_characters"));
    cases.add(comment("zero-width space in name", valid().put("author", new JsonObject().put("name", "ad\u200Bmin")), 400,
        "invalid_characters"));
    cases.add(raw("lone surrogate in body", "application/json",
        "{\"site\":\"strict\",\"page\":{\"key\":\"page-a\"},\"body\":\"\\ud800\",\"author\":{\"name\":\"E\"}}".getBytes(),
        400, "invalid_characters"));
    cases.add(comment("blank body", valid().put("body", "  \n\t "), 422, "body_empty"));
    cases.add(comment("empty name", valid().put("author", new JsonObject().put("name", "   ")), 400, "invalid_field"));
    cases.add(comment("name too long", valid().put("author", new JsonObject().put("name", "n".repeat(65))), 400,
        "invalid_field"));
    cases.add(comment("bad email", valid().put("author", new JsonObject().put("name", "F").put("email", "nope")), 400,
        "invalid_field"));
    cases.add(comment("page url not http", valid().put("page", new JsonObject().put("key", "k").put("url", "javascript:alert(1)")),
        400, "invalid_field"));
    cases.add(comment("unknown site", valid().put("site", "nope"), 404, "site_not_found"));
    cases.add(comment("unknown parent", valid().put("parentId", 999_999), 422, "parent_not_found"));
    cases.add(new Case("parent on another page", "POST", "/api/v1/comments", "application/json",
        valid().put("parentId", otherPageComment).encode().getBytes(), Map.of(), 422, "invalid_parent"));
    cases.add(new Case("parent on another site", "POST", "/api/v1/comments", "application/json",
        valid().put("parentId", otherSiteComment).encode().getBytes(), Map.of(), 422, "parent_not_found"));
    cases.add(new Case("empty idempotency key", "POST", "/api/v1/comments", "application/json",
        valid().encode().getBytes(), Map.of("Idempotency-Key", " "), 400, "invalid_idempotency_key"));
    cases.add(get("threads without site", "/api/v1/threads?page=page-a", 400, "invalid_query"));
    cases.add(get("threads unknown site", "/api/v1/threads?site=nope&page=page-a", 404, "site_not_found"));
    cases.add(get("threads unknown page", "/api/v1/threads?site=strict&page=nope", 404, "page_not_found"));
    cases.add(get("negative limit", "/api/v1/threads?site=strict&page=page-a&limit=-1", 400, "invalid_query"));
    cases.add(get("huge limit", "/api/v1/threads?site=strict&page=page-a&limit=99999999999999", 400, "invalid_query"));
    cases.add(get("limit not a number", "/api/v1/threads?site=strict&page=page-a&limit=ten", 400, "invalid_query"));
    cases.add(get("unknown sort", "/api/v1/threads?site=strict&page=page-a&sort=random", 400, "invalid_query"));
    cases.add(rawGet("broken percent-encoding", "/api/v1/threads?site=strict&page=page-a&cursor=%%%", 400, "invalid_query"));
    cases.add(rawGet("invalid UTF-8 in query", "/api/v1/threads?site=strict&page=%C3%28", 400, "invalid_query"));
    cases.add(rawGet("broken percent-encoding in path", "/api/v1/sites/%ZZ", 400, "bad_request"));
    cases.add(get("forged cursor", "/api/v1/threads?site=strict&page=page-a&cursor=bm9wZQ", 400, "invalid_cursor"));
    cases.add(get("repeated parameter", "/api/v1/threads?site=strict&site=x&page=page-a", 400, "invalid_query"));
    cases.add(get("unknown parameter", "/api/v1/threads?site=strict&page=page-a&debug=1", 400, "invalid_query"));
    cases.add(get("NUL in query", "/api/v1/threads?site=strict&page=a%00b", 400, "invalid_query"));
    cases.add(get("counts without pages", "/api/v1/counts?site=strict", 400, "invalid_query"));
    cases.add(get("counts over 100 pages", "/api/v1/counts?site=strict" + "&page=p".repeat(101), 400, "invalid_query"));
    cases.add(get("unknown route", "/api/v1/nothing", 404, "not_found"));
    cases.add(new Case("wrong method", "DELETE", "/api/v1/threads", null, null, Map.of(), 405, "method_not_allowed"));
    cases.add(new Case("site creation without token", "POST", "/api/v1/sites", "application/json",
        "{\"id\":\"x\",\"name\":\"x\",\"origins\":[]}".getBytes(), Map.of(), 401, "unauthorized"));
    cases.add(new Case("site creation with wrong token", "POST", "/api/v1/sites", "application/json",
        "{\"id\":\"x\",\"name\":\"x\",\"origins\":[]}".getBytes(), Map.of("Authorization", "Bearer nope"), 403,
        "forbidden"));
    cases.add(adminSite("site id with capitals", new JsonObject().put("id", "Bad").put("name", "x")
        .put("origins", new io.vertx.core.json.JsonArray()), 400, "invalid_field"));
    cases.add(adminSite("site origin with a path", new JsonObject().put("id", "okid").put("name", "x")
        .put("origins", new io.vertx.core.json.JsonArray().add("https://a.example/path")), 400, "invalid_field"));
    cases.add(adminSite("site origins not strings", new JsonObject().put("id", "okid").put("name", "x")
        .put("origins", new io.vertx.core.json.JsonArray().add(3)), 400, "invalid_field"));
    cases.add(adminSite("duplicate site", new JsonObject().put("id", SITE).put("name", "x")
        .put("origins", new io.vertx.core.json.JsonArray()), 409, "site_exists"));
    cases.add(adminSite("unknown setting", new JsonObject().put("id", "okid").put("name", "x")
        .put("origins", new io.vertx.core.json.JsonArray()).put("settings", new JsonObject().put("colour", "red")), 400,
        "unknown_field"));
    cases.add(adminSite("setting out of range", new JsonObject().put("id", "okid").put("name", "x")
        .put("origins", new io.vertx.core.json.JsonArray()).put("settings", new JsonObject().put("maxBodyLength", 9000)),
        400, "invalid_field"));
    return cases;
  }

  static Case adminSite(String name, JsonObject body, int status, String code) {
    return new Case(name, "POST", "/api/v1/sites", "application/json", body.encode().getBytes(StandardCharsets.UTF_8),
        Map.of("Authorization", "Bearer " + TestHearth.ADMIN_TOKEN), status, code);
  }

  static JsonObject removed(JsonObject json, String field) {
    json.remove(field);
    return json;
  }

  @TestFactory
  Stream<DynamicTest> eachMalformedRequestGetsAClearJsonError() {
    return cases().stream().map(c -> DynamicTest.dynamicTest(c.name(), () -> {
      Api.Response response = send(c);
      assertEquals(c.status(), response.status(), c.name() + ": " + response.body());
      assertTrue(response.header("content-type").startsWith("application/json"), c.name());
      JsonObject error = response.json();
      assertEquals(c.code(), error.getString("error"), c.name() + ": " + response.body());
      assertFalse(error.getString("message", "").isBlank(), c.name() + " has a human message");
    }));
  }

  @Test
  void atLeastThirtyMalformedKindsAreCovered() {
    assertTrue(cases().size() >= 30, "cases: " + cases().size());
  }

  @Test
  void malformedRequestsChangeNothing() {
    JsonObject before = hearth.api().thread(SITE, "page-a", null);
    for (Case c : cases()) {
      send(c);
    }
    JsonObject after = hearth.api().thread(SITE, "page-a", null);
    assertEquals(before, after);
    assertEquals(1, after.getJsonObject("page").getInteger("commentCount"));
    assertEquals(404, hearth.api().get("/api/v1/sites/okid").status(), "no site was created by a refused request");
  }
}
