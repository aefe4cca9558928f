package dev.hearth.apidoc;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNotNull;
import static org.junit.jupiter.api.Assertions.assertTrue;
import static org.junit.jupiter.api.Assertions.fail;

import dev.hearth.HttpVerticle;
import dev.hearth.Services;
import dev.hearth.auth.AdminToken;
import dev.hearth.db.PoolLimits;
import dev.hearth.db.Pools;
import dev.hearth.flood.AddressHash;
import dev.hearth.metrics.NodeMetrics;
import dev.hearth.support.Api;
import dev.hearth.support.TestHearth;
import io.vertx.core.Vertx;
import io.vertx.core.http.HttpMethod;
import io.vertx.core.json.JsonArray;
import io.vertx.core.json.JsonObject;
import io.vertx.ext.web.Route;
import io.vertx.ext.web.Router;
import io.vertx.sqlclient.Pool;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.TreeSet;
import java.util.concurrent.TimeUnit;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import java.util.stream.Stream;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;

/**
 * Keeps {@code openapi.json} true: it documents exactly the routes the router has, real answers
 * fit the schemas documented for their status, and every error code the code can throw is listed.
 */
class OpenApiTest {
  @RegisterExtension
  static TestHearth hearth = new TestHearth();

  /**
   * Routes that are not part of the API: static assets ({@code /static/*}, which Vert.x reports
   * by its prefix), the redirect of {@code /} to the demo, and the check of admin-token guesses
   * that runs before every {@code /api/*} route (documented in the API's description).
   */
  private static final Set<String> UNDOCUMENTED = Set.of("/static/", "/", "/api/");
  private static final Set<String> METHODS = Set.of("get", "put", "post", "delete", "patch", "head", "options", "trace");

  @Test
  void servesAnOpenApi31Document() {
    Api.Response response = hearth.api().get("/api/v1/openapi.json");
    assertEquals(200, response.status());
    assertTrue(response.header("content-type").startsWith("application/json"), response.header("content-type"));
    JsonObject document = response.json();
    assertTrue(document.getString("openapi").matches("3\\.1\\.\\d+"), document.getString("openapi"));
    assertTrue(document.getJsonObject("paths").size() > 10);
    conforms("GET", "/api/v1/openapi.json", response);
  }

  @Test
  void documentsExactlyTheRoutesTheRouterHas() throws Exception {
    Set<String> documented = new TreeSet<>();
    JsonObject paths = document().getJsonObject("paths");
    for (String path : paths.fieldNames()) {
      for (String method : paths.getJsonObject(path).fieldNames()) {
        if (METHODS.contains(method)) {
          documented.add(method.toUpperCase(Locale.ROOT) + " " + path);
        }
      }
    }
    assertEquals(routedOperations(), documented);
  }

  @Test
  void everyOperationListsItsErrorsAndEveryReferenceResolves() {
    JsonObject document = document();
    SchemaCheck schemas = new SchemaCheck(document);
    references(document).forEach(ref -> schemas.resolve(new JsonObject().put("$ref", ref)));
    JsonObject paths = document.getJsonObject("paths");
    for (String path : paths.fieldNames()) {
      for (String method : paths.getJsonObject(path).fieldNames()) {
        if (METHODS.contains(method)) {
          JsonObject operation = paths.getJsonObject(path).getJsonObject(method);
          assertNotNull(operation.getString("operationId"), method + " " + path);
          assertTrue(operation.getJsonObject("responses").containsKey("default"),
              method + " " + path + " refers to the errors any request may meet");
        }
      }
    }
  }

  @Test
  void everyErrorCodeInTheCodeIsDocumented() throws IOException {
    Set<String> thrown = new TreeSet<>(Set.of("invalid_field", "unauthorized"));
    Pattern literal = Pattern.compile(
        "(?:new ApiError\\(\\s*\\d+,\\s*|ApiError\\.(?:badRequest|unprocessable|notFound|forbidden|conflict)\\(\\s*)"
            + "\"([a-z_]+)\"");
    try (Stream<Path> files = Files.walk(Path.of("src/main/java"))) {
      for (Path file : files.filter(f -> f.toString().endsWith(".java")).toList()) {
        Matcher matcher = literal.matcher(Files.readString(file, StandardCharsets.UTF_8));
        while (matcher.find()) {
          thrown.add(matcher.group(1));
        }
      }
    }
    assertTrue(thrown.size() > 20, "the scan finds the codes: " + thrown);
    Set<String> documented = documentedErrorCodes(document(), new TreeSet<>());
    thrown.removeAll(documented);
    assertEquals(Set.of(), thrown, "error codes thrown in src/main/java but listed by no operation");
  }

  @Test
  void siteAnswersFitTheirSchemas() {
    Api api = hearth.api();
    JsonObject site = new JsonObject().put("id", "docs").put("name", "Docs")
        .put("origins", new JsonArray().add("https://docs.example"))
        .put("settings", new JsonObject().put("bannedWords", new JsonArray().add("spam")).put("ssoSecret", "s".repeat(32)));
    assertEquals(201, conforms("POST", "/api/v1/sites", api.adminJson("POST", "/api/v1/sites", site)).status());
    conforms("GET", "/api/v1/sites/{site}", api.get("/api/v1/sites/docs"));
    conforms("GET", "/api/v1/sites/{site}", api.send("GET", "/api/v1/sites/docs", null, null,
        Map.of("Authorization", "Bearer " + TestHearth.ADMIN_TOKEN)));
    conforms("PATCH", "/api/v1/sites/{site}", api.adminJson("PATCH", "/api/v1/sites/docs",
        new JsonObject().put("settings", new JsonObject().put("displayDepth", 2))));

    assertEquals(409, conforms("POST", "/api/v1/sites", api.adminJson("POST", "/api/v1/sites", site)).status());
    assertEquals(401, conforms("POST", "/api/v1/sites", api.postJson("/api/v1/sites", site)).status());
    assertEquals(403, conforms("POST", "/api/v1/sites", api.postJson("/api/v1/sites", site,
        Map.of("Authorization", "Bearer not-the-admin-token"))).status());
    assertEquals(400, conforms("PATCH", "/api/v1/sites/{site}", api.adminJson("PATCH", "/api/v1/sites/docs",
        new JsonObject().put("settings", new JsonObject().put("colour", "red")))).status());
    assertEquals(404, conforms("GET", "/api/v1/sites/{site}", api.get("/api/v1/sites/missing")).status());
  }

  @Test
  void commentAndThreadAnswersFitTheirSchemas() {
    Api api = hearth.api();
    api.createSite("talk", "https://talk.example");
    api.adminJson("PATCH", "/api/v1/sites/talk", new JsonObject().put("settings", new JsonObject().put("displayDepth", 2)));
    JsonObject root = post(api, null, "Ann", "Top **level**", null);
    JsonObject child = post(api, root.getLong("id"), "Ben", "A reply", null);
    JsonObject grandchild = post(api, child.getLong("id"), "Cy", "Deeper", null);
    JsonObject deepest = post(api, grandchild.getLong("id"), "Di", "Listed flat, with replyTo", null);
    JsonObject again = post(api, null, "Ann", "Ann again, with her token", root.getString("ownerToken"));

    JsonObject thread = conforms("GET", "/api/v1/threads", api.get("/api/v1/threads?site=talk&page=p&limit=1")).json();
    assertTrue(thread.encode().contains("\"replyTo\""), "the check covers flat replies: " + thread.encode());
    conforms("GET", "/api/v1/threads", api.get("/api/v1/threads?site=talk&page=p&limit=1&cursor="
        + thread.getString("nextCursor")));
    assertEquals(400, conforms("GET", "/api/v1/threads", api.get("/api/v1/threads?site=talk&page=p&sort=newest&cursor="
        + thread.getString("nextCursor"))).status(), "a cursor only works with its own sort");
    conforms("GET", "/api/v1/comments/{id}/replies", api.get("/api/v1/comments/" + root.getLong("id") + "/replies?limit=1"));
    JsonObject context = conforms("GET", "/api/v1/comments/{id}/context",
        api.get("/api/v1/comments/" + deepest.getLong("id") + "/context")).json();
    assertEquals(deepest.getLong("id"), context.getLong("target"));
    conforms("GET", "/api/v1/counts", api.get("/api/v1/counts?site=talk&page=p&page=none"));

    String dToken = "Bearer " + deepest.getString("ownerToken");
    conforms("PATCH", "/api/v1/comments/{id}", api.send("PATCH", "/api/v1/comments/" + deepest.getLong("id"),
        "application/json", new JsonObject().put("body", "Edited").encode().getBytes(StandardCharsets.UTF_8),
        Map.of("Authorization", dToken)));
    String cyToken = "Bearer " + grandchild.getString("ownerToken");
    assertEquals(204, conforms("DELETE", "/api/v1/comments/{id}",
        api.send("DELETE", "/api/v1/comments/" + grandchild.getLong("id"), null, null, Map.of("Authorization", cyToken)))
        .status());
    JsonObject withPlaceholder = conforms("GET", "/api/v1/threads", api.get("/api/v1/threads?site=talk&page=p")).json();
    assertTrue(withPlaceholder.encode().contains("\"author\":null"), "the check covers placeholders");

    Api.Response page = conforms("PATCH", "/api/v1/sites/{site}/pages/{key}", api.adminJson("PATCH",
        "/api/v1/sites/talk/pages/p", new JsonObject().put("closed", true)
            .put("authorUserId", again.getJsonObject("author").getLong("id"))));
    assertEquals(200, page.status(), page.body());

    assertEquals(403, conforms("POST", "/api/v1/comments", api.postJson("/api/v1/comments", newComment(null, "Eve", "Late"))).status());
    assertEquals(400, conforms("POST", "/api/v1/comments", api.postJson("/api/v1/comments",
        newComment(null, "Eve", "x").put("colour", "red"))).status());
    assertEquals(415, conforms("POST", "/api/v1/comments", api.send("POST", "/api/v1/comments", "text/plain",
        "hello".getBytes(StandardCharsets.UTF_8), Map.of())).status());
    assertEquals(401, conforms("PATCH", "/api/v1/comments/{id}", api.send("PATCH", "/api/v1/comments/" + root.getLong("id"),
        "application/json", "{\"body\":\"x\"}".getBytes(StandardCharsets.UTF_8), Map.of())).status());
    assertEquals(403, conforms("DELETE", "/api/v1/comments/{id}", api.send("DELETE", "/api/v1/comments/" + root.getLong("id"),
        null, null, Map.of("Authorization", dToken))).status());
    assertEquals(404, conforms("GET", "/api/v1/threads", api.get("/api/v1/threads?site=talk&page=nothing")).status());
    assertEquals(400, conforms("GET", "/api/v1/threads", api.get("/api/v1/threads?site=talk&page=p&limit=0")).status());
    assertEquals(400, conforms("GET", "/api/v1/comments/{id}/context",
        api.get("/api/v1/comments/" + root.getLong("id") + "/context?x=1")).status());
    assertEquals(400, conforms("GET", "/api/v1/counts", api.get("/api/v1/counts?site=talk")).status());
  }

  @Test
  void htmlAndProbeAnswersFitTheirDocumentation() {
    Api api = hearth.api();
    conforms("GET", "/health", api.get("/health"));
    conforms("GET", "/ready", api.get("/ready"));
    assertEquals(200, conforms("GET", "/metrics", api.json("GET", "/metrics", null, TestHearth.ADMIN_TOKEN)).status());
    assertEquals(401, conforms("GET", "/metrics", api.get("/metrics")).status());
    conforms("GET", "/demo", api.get("/demo"));
    conforms("GET", "/embed/fragment", api.get("/embed/fragment?site=demo&page=welcome"));
    assertEquals(404, conforms("GET", "/embed/fragment", api.get("/embed/fragment?site=nowhere&page=welcome")).status());
  }

  private static JsonObject newComment(Long parentId, String author, String body) {
    JsonObject json = new JsonObject().put("site", "talk").put("page", new JsonObject().put("key", "p")
            .put("url", "https://talk.example/p").put("title", "P"))
        .put("body", body).put("author", new JsonObject().put("name", author).put("email", "a@talk.example"));
    return parentId == null ? json : json.put("parentId", parentId);
  }

  private JsonObject post(Api api, Long parentId, String author, String body, String ownerToken) {
    Map<String, String> headers = ownerToken == null ? Map.of() : Map.of("Authorization", "Bearer " + ownerToken);
    Api.Response response = conforms("POST", "/api/v1/comments",
        api.postJson("/api/v1/comments", newComment(parentId, author, body), headers));
    assertEquals(201, response.status(), response.body());
    return response.json();
  }

  /**
   * Fails unless the answer's status is documented for the operation and its body fits the
   * schema documented for that status and media type.
   */
  private static Api.Response conforms(String method, String documentedPath, Api.Response response) {
    JsonObject document = document();
    SchemaCheck schemas = new SchemaCheck(document);
    String operationName = method + " " + documentedPath;
    JsonObject path = document.getJsonObject("paths").getJsonObject(documentedPath);
    JsonObject operation = path == null ? null : path.getJsonObject(method.toLowerCase(Locale.ROOT));
    assertNotNull(operation, operationName + " is not documented");
    JsonObject responses = operation.getJsonObject("responses");
    JsonObject documented = responses.getJsonObject(String.valueOf(response.status()));
    if (documented == null && response.status() >= 400) {
      documented = responses.getJsonObject("default");
    }
    assertNotNull(documented, operationName + " answered " + response.status() + ", which is not documented: "
        + response.body());
    JsonObject content = schemas.resolve(documented).getJsonObject("content");
    if (content == null) {
      assertEquals("", response.body(), operationName + " " + response.status() + " documents no body");
      return response;
    }
    String mediaType = Optional.ofNullable(response.header("content-type")).orElse("").split(";")[0].trim();
    JsonObject media = content.getJsonObject(mediaType);
    assertNotNull(media, operationName + " " + response.status() + " answered " + mediaType + ", documented "
        + content.fieldNames());
    if (mediaType.equals("application/json")) {
      List<String> problems = schemas.problems(response.json(), media.getJsonObject("schema"));
      if (!problems.isEmpty()) {
        fail(operationName + " " + response.status() + " does not fit its documented schema:\n  "
            + String.join("\n  ", problems) + "\n" + response.body());
      }
    }
    return response;
  }

  private static JsonObject document() {
    return hearth.api().get("/api/v1/openapi.json").json();
  }

  /** "METHOD /path/{param}" for every route the router really has, built the way the server builds it. */
  private static Set<String> routedOperations() throws Exception {
    Vertx vertx = Vertx.vertx();
    try {
      // A configured admin token is only hashed: no database is touched to build the router.
      AdminToken token = AdminToken.load(null, Optional.of(TestHearth.ADMIN_TOKEN), shown -> { })
          .await(10, TimeUnit.SECONDS);
      Pool pool = Pools.create(vertx, hearth.database(), new PoolLimits(1, Duration.ofSeconds(5), 10, Duration.ofSeconds(10)));
      Services services = Services.create(vertx, hearth.node().config(), pool, token,
          AddressHash.load(pool).await(30, TimeUnit.SECONDS), java.time.Clock.systemUTC(), new NodeMetrics());
      Router router = HttpVerticle.router(vertx, services);
      Set<String> operations = new TreeSet<>();
      for (Route route : router.getRoutes()) {
        String path = route.getPath();
        if (path == null || UNDOCUMENTED.contains(path)) {
          continue; // handlers for every request: headers, body, failures
        }
        assertTrue(route.methods() != null && !route.methods().isEmpty(), "route " + path + " answers every method");
        String documentedPath = path.replaceAll(":([A-Za-z0-9_]+)", "{$1}");
        for (HttpMethod method : route.methods()) {
          operations.add(method.name() + " " + documentedPath);
        }
      }
      assertTrue(operations.size() > 10, "routes found: " + operations);
      return operations;
    } finally {
      vertx.close().await(30, TimeUnit.SECONDS);
    }
  }

  private static Set<String> documentedErrorCodes(Object node, Set<String> codes) {
    if (node instanceof JsonObject object) {
      JsonObject properties = object.getValue("properties") instanceof JsonObject p ? p : new JsonObject();
      JsonObject error = properties.getValue("error") instanceof JsonObject e ? e : null;
      if (error != null && error.getJsonArray("enum") != null) {
        error.getJsonArray("enum").forEach(code -> codes.add((String) code));
      }
      object.forEach(entry -> documentedErrorCodes(entry.getValue(), codes));
    } else if (node instanceof JsonArray array) {
      array.forEach(item -> documentedErrorCodes(item, codes));
    }
    return codes;
  }

  private static Set<String> references(Object node) {
    Set<String> refs = new TreeSet<>();
    if (node instanceof JsonObject object) {
      object.forEach(entry -> {
        if (entry.getKey().equals("$ref")) {
          refs.add((String) entry.getValue());
        } else {
          refs.addAll(references(entry.getValue()));
        }
      });
    } else if (node instanceof JsonArray array) {
      array.forEach(item -> refs.addAll(references(item)));
    }
    return refs;
  }
}
