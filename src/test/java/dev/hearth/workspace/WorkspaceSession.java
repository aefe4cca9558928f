package dev.hearth.workspace;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNotNull;

import dev.hearth.support.Api;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/** A signed-in workspace session for tests: the cookie, and form posts carrying it. */
record WorkspaceSession(Api api, String cookie) {
  private static final Pattern CSRF = Pattern.compile("name=\"csrf\" value=\"([^\"]+)\"");

  static Api.Response signIn(Api api, String site, String username, String password) {
    return api.form("/moderate/login", List.of(Map.entry("site", site), Map.entry("username", username),
        Map.entry("password", password)), Map.of());
  }

  static Api.Response signInAsAdmin(Api api, String site, String adminToken) {
    return api.form("/moderate/login", List.of(Map.entry("site", site), Map.entry("adminToken", adminToken)), Map.of());
  }

  static WorkspaceSession of(Api api, String site, String username) {
    return from(api, signIn(api, site, username, "correct horse battery"));
  }

  static WorkspaceSession admin(Api api, String site, String adminToken) {
    return from(api, signInAsAdmin(api, site, adminToken));
  }

  /** The session a successful sign-in answer started: its cookie, as a browser would send it back. */
  private static WorkspaceSession from(Api api, Api.Response response) {
    assertEquals(303, response.status(), response.body());
    String setCookie = response.header("set-cookie");
    assertNotNull(setCookie);
    return new WorkspaceSession(api, setCookie.substring(0, setCookie.indexOf(';')));
  }

  Api.Response get(String path) {
    return api.send("GET", path, null, null, Map.of("Cookie", cookie));
  }

  String csrf(String site) {
    Matcher matcher = CSRF.matcher(get("/moderate?site=" + site + "&queue=pending").body());
    return matcher.find() ? matcher.group(1) : null;
  }

  Api.Response post(String path, Map<String, String> headers, String... fields) {
    List<Map.Entry<String, String>> entries = new ArrayList<>();
    for (int i = 0; i < fields.length; i += 2) {
      entries.add(Map.entry(fields[i], fields[i + 1]));
    }
    Map<String, String> all = new java.util.HashMap<>(headers);
    all.put("Cookie", cookie);
    return api.form(path, entries, all);
  }
}
