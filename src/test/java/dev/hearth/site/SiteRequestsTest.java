package dev.hearth.site;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.hearth.web.ApiError;
import dev.hearth.web.JsonFields;
import io.vertx.core.json.JsonArray;
import io.vertx.core.json.JsonObject;
import java.util.List;
import org.junit.jupiter.api.Test;

class SiteRequestsTest {
  @Test
  void anUpdateChangesOnlyWhatWasSentAndKeepsEarlierOverrides() {
    SiteRequests.Update update = SiteRequests.Update.from(JsonFields.of(new JsonObject()
        .put("settings", new JsonObject().put("maxLinks", 5).put("bannedWords", new JsonArray().add("spam")))));
    assertTrue(update.name().isEmpty());
    assertTrue(update.origins().isEmpty());
    JsonObject stored = new JsonObject().put("displayDepth", 4).put("maxLinks", 1);
    JsonObject merged = update.settings().orElseThrow().over(stored);
    assertEquals(new JsonObject().put("displayDepth", 4).put("maxLinks", 5).put("bannedWords", new JsonArray().add("spam")),
        merged);
    assertEquals(1, stored.getInteger("maxLinks"), "what was stored is not changed in place");
  }

  @Test
  void settingsOutOfRangeAreRefusedWhileReading() {
    ApiError error = assertThrows(ApiError.class, () -> SiteRequests.Update.from(JsonFields.of(new JsonObject()
        .put("settings", new JsonObject().put("displayDepth", 0)))));
    assertEquals(400, error.status());
    assertEquals("settings.displayDepth: must be from 1 to 64", error.getMessage());
  }

  @Test
  void aSiteTheServerCreatesFollowsTheSameRules() {
    SiteRequests.Create site = SiteRequests.Create.of("demo", " Hearth demo ",
        List.of("HTTPS://Blog.Example.org:443/", "https://blog.example.org"));
    assertEquals("Hearth demo", site.name());
    assertEquals(List.of("https://blog.example.org"), site.origins());
    assertEquals(new JsonObject(), site.settings().values());
    assertThrows(ApiError.class, () -> SiteRequests.Create.of("Demo!", "x", List.of()));
  }
}
