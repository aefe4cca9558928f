package dev.hearth.site;

import io.vertx.core.json.JsonArray;
import io.vertx.core.json.JsonObject;
import java.util.List;

/** A site that embeds Hearth: its id (used in URLs and the embed), name, allowed origins and settings. */
public record Site(String id, String name, List<String> origins, SiteSettings settings) {

  public boolean allowsOrigin(String origin) {
    return origin != null && origins.contains(origin);
  }

  /** The site as JSON; only its owners see moderation settings. */
  public JsonObject toJson(boolean privileged) {
    return new JsonObject()
        .put("id", id)
        .put("name", name)
        .put("origins", new JsonArray(origins))
        .put("settings", privileged ? settings.toPrivilegedJson() : settings.toPublicJson());
  }
}
