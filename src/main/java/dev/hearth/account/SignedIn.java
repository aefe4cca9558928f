package dev.hearth.account;

import io.vertx.core.json.JsonObject;

/** A new Hearth bearer token and the user it stands for: {@code {token, user}}. */
record SignedIn(String token, Account account) {
  JsonObject toJson() {
    return new JsonObject().put("token", token).put("user", account.toJson());
  }
}
