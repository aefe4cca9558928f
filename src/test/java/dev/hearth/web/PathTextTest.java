package dev.hearth.web;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNull;

import dev.hearth.Hearth;
import dev.hearth.support.Api;
import dev.hearth.support.TestHearth;
import io.vertx.core.json.JsonObject;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;

/**
 * Path parameters that are not text (a NUL, invalid UTF-8, a broken escape) are a client's
 * mistake on every route: 400 with the JSON error, never a 500 from the database refusing them.
 * And a node served over https tells browsers to keep to https.
 */
class PathTextTest {
  @RegisterExtension
  static TestHearth hearth = new TestHearth();

  @Test
  void aPathThatIsNotTextIsABadRequestOnEveryKindOfRoute() {
    Api api = hearth.api();
    api.createSite("paths", "https://paths.example");
    for (String path : new String[] {"/api/v1/sites/%00", "/api/v1/sites/%FF", "/api/v1/sites/caf%C3",
        "/api/v1/sites/a%1Fb", "/api/v1/sites/paths/pages/%00", "/api/v1/comments/%00", "/embed/paths/%00",
        "/api/v1/sites/%0", "/api/v1/sites/%zz"}) {
      Api.Response response = api.rawGet(path);
      assertEquals(400, response.status(), path + ": " + response.body());
      assertEquals("bad_request", response.json().getString("error"), path);
    }
    Api.Response patch = api.adminJson("PATCH", "/api/v1/sites/paths/pages/%00", new JsonObject().put("closed", true));
    assertEquals(400, patch.status(), patch.body());
  }

  @Test
  void textThatIsNotAsciiIsStillLookedUp() {
    Api.Response response = hearth.api().get("/api/v1/sites/caf%C3%A9");
    assertEquals(404, response.status(), response.body());
    assertEquals("application/json; charset=utf-8", response.header("content-type"));
  }

  @Test
  void httpsNodesSendHstsAndPlainOnesDoNot() {
    assertNull(hearth.api().get("/health").header("strict-transport-security"), "no HSTS over plain http");
    Hearth https = TestHearth.startNode(hearth.database(), Map.of("HEARTH_PUBLIC_URL", "https://comments.example"));
    try {
      Api api = new Api("http://127.0.0.1:" + https.config().port(), TestHearth.ADMIN_TOKEN);
      assertEquals("max-age=31536000", api.get("/health").header("strict-transport-security"));
      assertEquals("max-age=31536000", api.get("/api/v1/sites/%00").header("strict-transport-security"),
          "errors carry it too");
    } finally {
      https.close();
    }
  }
}
