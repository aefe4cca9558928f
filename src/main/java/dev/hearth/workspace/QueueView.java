package dev.hearth.workspace;

import dev.hearth.moderation.Queue;
import io.vertx.core.json.JsonArray;
import io.vertx.core.json.JsonObject;
import java.net.URLEncoder;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;

/**
 * The Handlebars model of a queue screen, derived from the queue's API JSON. Every value is
 * present (null becomes "") so a template never picks one up from an outer scope. Only the
 * sanitized {@code html} fields are rendered raw; page links are kept only when http(s).
 */
final class QueueView {
  private QueueView() {
  }

  static Map<String, Object> of(String site, Queue queue, JsonObject listing) {
    Map<String, Object> model = new HashMap<>();
    JsonObject counts = listing.getJsonObject("counts");
    List<Map<String, Object>> tabs = new ArrayList<>();
    for (Queue each : Queue.values()) {
      Map<String, Object> tab = new HashMap<>();
      tab.put("name", each.json());
      tab.put("label", each.label());
      tab.put("count", counts.getLong(each.json(), 0L));
      tab.put("href", queueHref(site, each));
      tab.put("current", each == queue);
      tabs.add(tab);
    }
    model.put("tabs", tabs);
    List<Object> items = new ArrayList<>();
    listing.getJsonArray("items").forEach(raw -> items.add(item((JsonObject) raw)));
    model.put("items", items);
    model.put("empty", items.isEmpty());
    String next = listing.getString("nextCursor");
    model.put("nextHref", next == null ? "" : queueHref(site, queue) + "&cursor=" + encode(next));
    return model;
  }

  private static Map<String, Object> item(JsonObject raw) {
    Map<String, Object> item = plain(raw);
    JsonObject page = raw.getJsonObject("page");
    String url = page.getString("url");
    item.put("pageHref", isWebLink(url) ? url : "");
    item.put("pageLabel", blankTo(page.getString("title"), page.getString("key")));
    JsonObject author = raw.getJsonObject("author");
    item.put("authorId", author == null ? "" : author.getLong("id"));
    item.put("hasReports", !raw.getJsonArray("reports", new JsonArray()).isEmpty());
    item.put("hasRevisions", !raw.getJsonArray("revisions", new JsonArray()).isEmpty());
    return item;
  }

  static boolean isWebLink(String url) {
    if (url == null) {
      return false;
    }
    String lower = url.strip().toLowerCase(Locale.ROOT);
    return (lower.startsWith("https://") || lower.startsWith("http://")) && url.equals(url.strip());
  }

  static String queueHref(String site, Queue queue) {
    return "/moderate?site=" + encode(site) + "&queue=" + queue.json();
  }

  static String encode(String value) {
    return URLEncoder.encode(value, StandardCharsets.UTF_8);
  }

  private static String blankTo(String value, String fallback) {
    return value == null || value.isBlank() ? fallback : value;
  }

  /** JSON to maps and lists, nulls to "". */
  static Map<String, Object> plain(JsonObject json) {
    Map<String, Object> out = new LinkedHashMap<>();
    json.forEach(entry -> out.put(entry.getKey(), plainValue(entry.getValue())));
    return out;
  }

  private static Object plainValue(Object value) {
    if (value == null) {
      return "";
    }
    if (value instanceof JsonObject object) {
      return plain(object);
    }
    if (value instanceof JsonArray array) {
      List<Object> list = new ArrayList<>();
      array.forEach(element -> list.add(plainValue(element)));
      return list;
    }
    return value;
  }
}
