package dev.hearth.page;

import io.vertx.core.json.JsonObject;

/** An article (or any page) on a site that carries a thread. */
public record Page(long id, String siteId, String key, String url, String title, boolean closed, int commentCount) {

  public JsonObject toJson() {
    return new JsonObject()
        .put("key", key)
        .put("url", url)
        .put("title", title)
        .put("closed", closed)
        .put("commentCount", commentCount);
  }

  /** The JSON of a page that has no comment yet (pages are created by their first comment). */
  public static JsonObject emptyJson(String key) {
    return new JsonObject().put("key", key).putNull("url").putNull("title").put("closed", false).put("commentCount", 0);
  }
}
