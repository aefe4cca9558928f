package dev.hearth.support;

import io.vertx.core.json.JsonArray;
import io.vertx.core.json.JsonObject;
import java.io.IOException;
import java.net.URI;
import java.net.URLEncoder;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.Map;

/** A small blocking HTTP client for tests: real requests to a real Hearth node. */
public final class Api {
  private final HttpClient http;
  private final String base;
  private final String adminToken;

  public Api(String base, String adminToken) {
    this(base, adminToken, HttpClient.Version.HTTP_2);
  }

  /**
   * A client of one HTTP version. HTTP/1.1 is how a load balancer talks to its nodes; tests of
   * a node shutting down use it because the HTTP/2 client of JDK 17 fails the requests in flight
   * on a connection when the server announces GOAWAY, instead of waiting for their answers.
   */
  public Api(String base, String adminToken, HttpClient.Version version) {
    this.http = HttpClient.newBuilder().version(version).connectTimeout(Duration.ofSeconds(10)).build();
    this.base = base;
    this.adminToken = adminToken;
  }

  public String base() {
    return base;
  }

  /** A response with its body kept as text and, when JSON, parsed. */
  public record Response(int status, String body, Map<String, java.util.List<String>> headers) {
    public JsonObject json() {
      return new JsonObject(body);
    }

    public String header(String name) {
      return headers.getOrDefault(name.toLowerCase(), java.util.List.of()).stream().findFirst().orElse(null);
    }
  }

  public Response send(String method, String path, String contentType, byte[] body, Map<String, String> headers) {
    HttpRequest.Builder request = HttpRequest.newBuilder(URI.create(base + path)).timeout(Duration.ofSeconds(60));
    if (contentType != null) {
      request.header("Content-Type", contentType);
    }
    headers.forEach(request::header);
    request.method(method, body == null ? HttpRequest.BodyPublishers.noBody() : HttpRequest.BodyPublishers.ofByteArray(body));
    try {
      HttpResponse<String> response = http.send(request.build(), HttpResponse.BodyHandlers.ofString(StandardCharsets.UTF_8));
      return new Response(response.statusCode(), response.body(), response.headers().map());
    } catch (IOException e) {
      throw new IllegalStateException(method + " " + path + " failed: " + e.getMessage(), e);
    } catch (InterruptedException e) {
      Thread.currentThread().interrupt();
      throw new IllegalStateException(e);
    }
  }

  /**
   * Sends a GET with the path exactly as given, bypassing URI checks, to test how the server
   * treats requests no well-behaved client library would send.
   */
  public Response rawGet(String path) {
    URI uri = URI.create(base);
    try (java.net.Socket socket = new java.net.Socket(uri.getHost(), uri.getPort())) {
      socket.setSoTimeout(30_000);
      String request = "GET " + path + " HTTP/1.1\r\nHost: " + uri.getHost() + "\r\nConnection: close\r\n\r\n";
      socket.getOutputStream().write(request.getBytes(StandardCharsets.ISO_8859_1));
      String raw = new String(socket.getInputStream().readAllBytes(), StandardCharsets.UTF_8);
      int status = Integer.parseInt(raw.substring(9, 12));
      int split = raw.indexOf("\r\n\r\n");
      Map<String, java.util.List<String>> headers = new java.util.HashMap<>();
      for (String line : raw.substring(0, split).split("\r\n")) {
        int colon = line.indexOf(':');
        if (colon > 0) {
          headers.put(line.substring(0, colon).trim().toLowerCase(), java.util.List.of(line.substring(colon + 1).trim()));
        }
      }
      return new Response(status, raw.substring(split + 4), headers);
    } catch (IOException e) {
      throw new IllegalStateException("raw GET " + path + " failed: " + e.getMessage(), e);
    }
  }

  public Response get(String path) {
    return send("GET", path, null, null, Map.of());
  }

  public Response postJson(String path, Object json) {
    return send("POST", path, "application/json", json.toString().getBytes(StandardCharsets.UTF_8), Map.of());
  }

  public Response postJson(String path, Object json, Map<String, String> headers) {
    return send("POST", path, "application/json", json.toString().getBytes(StandardCharsets.UTF_8), headers);
  }

  public Response adminJson(String method, String path, JsonObject json) {
    return send(method, path, "application/json", json.toString().getBytes(StandardCharsets.UTF_8),
        Map.of("Authorization", "Bearer " + adminToken));
  }

  /** Sends JSON (or no body when {@code json} is null) with {@code Authorization: Bearer} unless the token is null. */
  public Response json(String method, String path, Object json, String bearer) {
    Map<String, String> headers = bearer == null ? Map.of() : Map.of("Authorization", "Bearer " + bearer);
    return send(method, path, json == null ? null : "application/json",
        json == null ? null : json.toString().getBytes(StandardCharsets.UTF_8), headers);
  }

  /** The JSON of POST /api/v1/comments; {@code author} may be null (a token then says who writes). */
  public static JsonObject newComment(String site, String page, Long parentId, String author, String body) {
    JsonObject json = new JsonObject()
        .put("site", site)
        .put("page", new JsonObject().put("key", page))
        .put("body", body);
    if (author != null) {
      json.put("author", new JsonObject().put("name", author));
    }
    if (parentId != null) {
      json.put("parentId", parentId);
    }
    return json;
  }

  /** Changes a site's settings with the admin token (fails unless 200). */
  public void updateSettings(String site, JsonObject settings) {
    Response response = adminJson("PATCH", "/api/v1/sites/" + site, new JsonObject().put("settings", settings));
    if (response.status() != 200) {
      throw new IllegalStateException("settings update failed: " + response.status() + " " + response.body());
    }
  }

  /**
   * Site settings for tests that post in bursts from one address (every test client is
   * 127.0.0.1): flood control off, as a site owner may set it. FloodControlTest checks the
   * limits on sites created with {@link #createSiteWithFloodControl}.
   */
  public static final JsonObject BURST_SETTINGS = new JsonObject()
      .put("commentIntervalSeconds", 0)
      .put("duplicateWindowSeconds", 0)
      .put("newAccountDailyLimit", 100_000);

  /** Creates a site whose origins are the given ones, with flood control off; returns its id. */
  public String createSite(String id, String... origins) {
    return createSite(id, BURST_SETTINGS, origins);
  }

  /** Creates a site with the default flood limits (one comment per 10 s per writer and address...). */
  public String createSiteWithFloodControl(String id, String... origins) {
    return createSite(id, new JsonObject(), origins);
  }

  private String createSite(String id, JsonObject settings, String... origins) {
    Response response = adminJson("POST", "/api/v1/sites", new JsonObject().put("id", id).put("name", "Site " + id)
        .put("origins", new JsonArray(java.util.List.of(origins))).put("settings", settings.copy()));
    if (response.status() != 201) {
      throw new IllegalStateException("site creation failed: " + response.status() + " " + response.body());
    }
    return id;
  }

  /** Posts a comment and returns the created comment's JSON (fails unless 201). */
  public JsonObject comment(String site, String page, Long parentId, String author, String body) {
    JsonObject json = new JsonObject()
        .put("site", site)
        .put("page", new JsonObject().put("key", page))
        .put("body", body)
        .put("author", new JsonObject().put("name", author));
    if (parentId != null) {
      json.put("parentId", parentId);
    }
    Response response = postJson("/api/v1/comments", json);
    if (response.status() != 201) {
      throw new IllegalStateException("comment failed: " + response.status() + " " + response.body());
    }
    return response.json();
  }

  public JsonObject thread(String site, String page, String extraQuery) {
    Response response = get("/api/v1/threads?site=" + encode(site) + "&page=" + encode(page)
        + (extraQuery == null ? "" : "&" + extraQuery));
    if (response.status() != 200) {
      throw new IllegalStateException("thread failed: " + response.status() + " " + response.body());
    }
    return response.json();
  }

  /** Posts a form (application/x-www-form-urlencoded); fields may repeat a name. Redirects are not followed. */
  public Response form(String path, java.util.List<Map.Entry<String, String>> fields, Map<String, String> headers) {
    StringBuilder body = new StringBuilder();
    for (Map.Entry<String, String> field : fields) {
      body.append(body.length() == 0 ? "" : "&").append(encode(field.getKey())).append('=').append(encode(field.getValue()));
    }
    return send("POST", path, "application/x-www-form-urlencoded", body.toString().getBytes(StandardCharsets.UTF_8),
        headers);
  }

  /** Signs up a local account on a site (the rate-limit table is the caller's concern); returns {token, user}. */
  public JsonObject signUp(String site, String username) {
    Response response = postJson("/api/v1/auth/signup", new JsonObject().put("site", site).put("username", username)
        .put("email", username + "@example.org").put("password", "correct horse battery"));
    if (response.status() != 201) {
      throw new IllegalStateException("signup failed: " + response.status() + " " + response.body());
    }
    return response.json();
  }

  /** Gives a user a role on a site with the admin token (fails unless 200). */
  public void grant(String site, long userId, String role) {
    Response response = adminJson("POST", "/api/v1/sites/" + site + "/roles",
        new JsonObject().put("userId", userId).put("role", role));
    if (response.status() != 200) {
      throw new IllegalStateException("grant failed: " + response.status() + " " + response.body());
    }
  }

  public static String encode(String value) {
    return URLEncoder.encode(value, StandardCharsets.UTF_8);
  }
}
