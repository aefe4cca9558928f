package dev.hearth.apidoc;

import io.vertx.core.buffer.Buffer;
import io.vertx.core.json.JsonObject;
import io.vertx.ext.web.Router;
import io.vertx.ext.web.RoutingContext;
import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;

/**
 * The HTTP API described as an OpenAPI 3.1 document. The document is a hand-kept resource
 * ({@code src/main/resources/openapi.json}); {@code OpenApiTest} holds it to the real routes.
 */
public final class ApiDocRoutes {
  static final String RESOURCE = "/openapi.json";

  private final Buffer document;

  public ApiDocRoutes() {
    this.document = load();
  }

  public void mount(Router router) {
    router.get("/api/v1/openapi.json").handler(this::document);
  }

  /** GET /api/v1/openapi.json → the OpenAPI document. */
  private void document(RoutingContext ctx) {
    ctx.response()
        .putHeader("content-type", "application/json; charset=utf-8")
        .putHeader("cache-control", "no-cache")
        .end(document);
  }

  /** Read once; parsed here so a broken document stops the start instead of reaching clients. */
  private static Buffer load() {
    try (InputStream in = ApiDocRoutes.class.getResourceAsStream(RESOURCE)) {
      if (in == null) {
        throw new IllegalStateException("Missing classpath resource " + RESOURCE);
      }
      Buffer bytes = Buffer.buffer(in.readAllBytes());
      new JsonObject(bytes);
      return bytes;
    } catch (IOException e) {
      throw new UncheckedIOException("Cannot read " + RESOURCE, e);
    }
  }
}
