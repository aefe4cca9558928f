package dev.hearth.workspace;

import dev.hearth.audit.AuditAction;
import io.vertx.core.json.JsonObject;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;

/** The Handlebars model of the audit log screen: its entries, the filter form and the next page's link. */
final class LogView {
  /** The filter's first option, which filters nothing. */
  static final String ANY_ACTION = "any";

  private LogView() {
  }

  static Map<String, Object> of(String site, AuditAction action, Long actor, JsonObject log) {
    Map<String, Object> model = new HashMap<>();
    List<Object> entries = new ArrayList<>();
    log.getJsonArray("entries").forEach(entry -> entries.add(QueueView.plain((JsonObject) entry)));
    model.put("entries", entries);
    model.put("empty", entries.isEmpty());
    List<Map<String, Object>> options = new ArrayList<>();
    options.add(option(ANY_ACTION, "Any action", action == null));
    for (AuditAction each : AuditAction.values()) {
      options.add(option(each.json(), each.json().replace('_', ' '), each == action));
    }
    model.put("actions", options);
    model.put("actorFilter", actor == null ? "" : String.valueOf(actor));
    String base = "/moderate/log?site=" + QueueView.encode(site)
        + (action == null ? "" : "&action=" + action.json()) + (actor == null ? "" : "&actor=" + actor);
    String next = log.getString("nextCursor");
    model.put("nextHref", next == null ? "" : base + "&cursor=" + QueueView.encode(next));
    return model;
  }

  private static Map<String, Object> option(String value, String label, boolean selected) {
    Map<String, Object> option = new HashMap<>();
    option.put("value", value);
    option.put("label", label);
    option.put("selected", selected);
    return option;
  }
}
