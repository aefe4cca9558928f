package dev.hearth.auth;

import io.vertx.core.http.Cookie;
import io.vertx.core.http.CookieSameSite;
import io.vertx.core.http.HttpServerRequest;
import io.vertx.core.http.HttpServerResponse;
import java.util.Optional;

/**
 * The moderator workspace's session cookie: the opaque bearer token of the signed-in moderator,
 * or the instance admin's session token (never the admin token itself), HttpOnly so page script never sees it, SameSite=Lax so other sites'
 * pages cannot post with it, Secure when Hearth is served over https. The live socket reads
 * it from its handshake too.
 */
public final class ModeratorCookie {
  public static final String NAME = "hearth_mod";

  private ModeratorCookie() {
  }

  public static Optional<String> read(HttpServerRequest request) {
    Cookie cookie = request.getCookie(NAME);
    return cookie == null || cookie.getValue().isBlank() ? Optional.empty() : Optional.of(cookie.getValue());
  }

  public static void set(HttpServerResponse response, String token, boolean secure) {
    response.addCookie(base(token, secure));
  }

  public static void clear(HttpServerResponse response, boolean secure) {
    response.addCookie(base("", secure).setMaxAge(0));
  }

  private static Cookie base(String value, boolean secure) {
    return Cookie.cookie(NAME, value).setHttpOnly(true).setSameSite(CookieSameSite.LAX).setPath("/").setSecure(secure);
  }
}
