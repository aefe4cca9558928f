package dev.hearth.account;

import io.vertx.core.json.JsonObject;
import io.vertx.sqlclient.Row;

/**
 * A user as the accounts feature sees it. The email is deliberately not part of it: nothing
 * read here can leak into a response.
 */
record Account(long id, String siteId, String kind, String name, String username, String passwordHash,
               String badge) {

  static Account from(Row row) {
    return new Account(row.getLong("id"), row.getString("site_id"), row.getString("kind"),
        row.getString("display_name"), row.getString("username"), row.getString("password_hash"),
        row.getString("sso_badge"));
  }

  /** What the user and anyone they show it to may see: {id, name, kind, username?, badge?}. */
  JsonObject toJson() {
    JsonObject json = new JsonObject().put("id", id).put("name", name).put("kind", kind);
    if (username != null) {
      json.put("username", username);
    }
    if (badge != null) {
      json.put("badge", badge);
    }
    return json;
  }
}
