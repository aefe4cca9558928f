package dev.hearth.moderation;

import dev.hearth.page.PageRepository;
import dev.hearth.web.ApiError;
import dev.hearth.web.JsonTime;
import io.vertx.core.Future;
import io.vertx.core.json.JsonArray;
import io.vertx.core.json.JsonObject;
import io.vertx.sqlclient.Pool;
import io.vertx.sqlclient.Row;
import io.vertx.sqlclient.Tuple;
import java.nio.charset.StandardCharsets;
import java.time.OffsetDateTime;
import java.util.ArrayList;
import java.util.Base64;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;

/**
 * The moderation queues with everything a decision needs on each item: the comment, its
 * parent, the page, every report, the rule that held it, its edit history and its author's
 * record. Five queries per page of items, whatever its size.
 */
public final class ModerationQueue {
  private static final OffsetDateTime FAR_FUTURE = OffsetDateTime.parse("9999-01-01T00:00:00Z");

  private final Pool pool;
  private final PageRepository pages;

  public ModerationQueue(Pool pool, PageRepository pages) {
    this.pool = pool;
    this.pages = pages;
  }

  public Future<JsonObject> list(String siteId, Queue queue, Optional<String> pageKey, Optional<String> cursor,
                                 int limit) {
    Future<Long> pageId = pageKey.isEmpty() ? Future.succeededFuture(null) : pages.find(pool, siteId, pageKey.get())
        .map(page -> page.map(p -> p.id()).orElse(-1L));
    return pageId.compose(page -> counts(siteId, page).compose(counts -> items(siteId, queue, page, cursor, limit)
        .map(items -> items.put("queue", queue.json()).put("counts", counts))));
  }

  private Future<JsonObject> counts(String siteId, Long pageId) {
    return pool.preparedQuery(ModerationSql.QUEUE_COUNTS).execute(Tuple.of(siteId, pageId)).map(rows -> {
      Row row = rows.iterator().next();
      JsonObject counts = new JsonObject();
      for (Queue queue : Queue.values()) {
        counts.put(queue.json(), row.getLong(queue.json()));
      }
      return counts;
    });
  }

  private Future<JsonObject> items(String siteId, Queue queue, Long pageId, Optional<String> cursor, int limit) {
    Future<io.vertx.sqlclient.RowSet<Row>> rows;
    if (queue == Queue.REPORTED) {
      String[] at = cursor.map(c -> decode(c, 3)).orElse(new String[] {"3.4e38", FAR_FUTURE.toString(),
          String.valueOf(Long.MAX_VALUE)});
      rows = pool.preparedQuery(ModerationSql.QUEUE_REPORTED).execute(Tuple.tuple().addString(siteId).addLong(pageId)
          .addFloat(Float.parseFloat(at[0])).addOffsetDateTime(OffsetDateTime.parse(at[1])).addLong(Long.parseLong(at[2]))
          .addInteger(limit + 1));
    } else {
      long before = cursor.map(c -> Long.parseLong(decode(c, 1)[0])).orElse(Long.MAX_VALUE);
      rows = pool.preparedQuery(ModerationSql.QUEUE_BY_STATUS).execute(Tuple.tuple().addString(siteId).addLong(pageId)
          .addString(queue.status().orElseThrow().json()).addBoolean(queue == Queue.APPROVED).addLong(before)
          .addInteger(limit + 1));
    }
    return rows.compose(found -> {
      List<Row> items = new ArrayList<>();
      found.forEach(items::add);
      boolean more = items.size() > limit;
      List<Row> shown = more ? items.subList(0, limit) : items;
      String next = null;
      if (more) {
        Row last = shown.get(shown.size() - 1);
        next = queue == Queue.REPORTED
            ? encode(last.getFloat("report_score") + "|" + last.getOffsetDateTime("last_report_at") + "|" + last.getLong("id"))
            : encode(String.valueOf(last.getLong("id")));
      }
      String nextCursor = next;
      return context(shown).map(array -> new JsonObject().put("items", array).put("nextCursor", nextCursor));
    });
  }

  /** Reports, history, parents and author records of all items, one query each. */
  private Future<JsonArray> context(List<Row> items) {
    Long[] ids = items.stream().map(r -> r.getLong("id")).toArray(Long[]::new);
    Long[] parents = items.stream().map(r -> r.getLong("parent_id")).filter(p -> p != null).toArray(Long[]::new);
    Long[] authors = items.stream().map(r -> r.getLong("author_id")).distinct().toArray(Long[]::new);
    Future<Map<Long, JsonArray>> reports = grouped(ModerationSql.REPORTS_OF, ids, row -> new JsonObject()
        .put("reason", row.getString("reason")).put("note", row.getString("note"))
        .put("weight", row.getFloat("weight")).put("status", row.getString("status"))
        .put("reporter", new JsonObject().put("id", row.getLong("reporter_id")).put("name", row.getString("display_name")))
        .put("createdAt", JsonTime.of(row.getOffsetDateTime("created_at"))));
    Future<Map<Long, JsonArray>> revisions = grouped(ModerationSql.REVISIONS_OF, ids, row -> new JsonObject()
        .put("body", row.getString("body")).put("html", row.getString("html"))
        .put("writtenAt", JsonTime.of(row.getOffsetDateTime("written_at")))
        .put("replacedAt", JsonTime.of(row.getOffsetDateTime("replaced_at"))));
    Future<Map<Long, JsonObject>> parentsById = keyed(ModerationSql.PARENTS_OF, parents, row -> new JsonObject()
        .put("id", row.getLong("id")).put("author", row.getString("author_name")).put("body", row.getString("body"))
        .put("html", row.getString("html")).put("status", row.getString("status")));
    Future<Map<Long, JsonObject>> records = keyed(ModerationSql.AUTHOR_RECORDS, authors, row -> new JsonObject()
        .put("id", row.getLong("id")).put("name", row.getString("display_name")).put("kind", row.getString("kind"))
        .put("visibleComments", row.getLong("visible_comments"))
        .put("rejectedComments", row.getLong("rejected_comments"))
        .put("reportsAgainst", row.getLong("reports_against"))
        .put("banned", row.getOffsetDateTime("banned_at") != null).put("banReason", row.getString("ban_reason"))
        .put("suspendedUntil", JsonTime.of(row.getOffsetDateTime("suspended_until")))
        .put("premoderated", row.getBoolean("premoderated")));
    return Future.all(reports, revisions, parentsById, records).map(all -> {
      JsonArray out = new JsonArray();
      for (Row row : items) {
        long id = row.getLong("id");
        Long parent = row.getLong("parent_id");
        out.add(new JsonObject()
            .put("comment", comment(row))
            .put("page", new JsonObject().put("key", row.getString("page_key")).put("title", row.getString("page_title"))
                .put("url", row.getString("page_url")))
            .put("parent", parent == null ? null : parentsById.result().get(parent))
            .put("reports", reports.result().getOrDefault(id, new JsonArray()))
            .put("reportScore", row.getFloat("report_score"))
            .put("heldBy", row.getString("held_by") == null ? null
                : new JsonObject().put("rule", row.getString("held_by")).put("detail", row.getString("held_detail")))
            .put("moderationReason", row.getString("moderation_reason"))
            .put("revisions", revisions.result().getOrDefault(id, new JsonArray()))
            .put("author", records.result().get(row.getLong("author_id"))));
      }
      return out;
    });
  }

  private static JsonObject comment(Row row) {
    return new JsonObject()
        .put("id", row.getLong("id")).put("parentId", row.getLong("parent_id")).put("depth", row.getInteger("depth"))
        .put("author", new JsonObject().put("id", row.getLong("author_id")).put("name", row.getString("author_name")))
        .put("body", row.getString("body")).put("html", row.getString("html")).put("status", row.getString("status"))
        .put("createdAt", JsonTime.of(row.getOffsetDateTime("created_at")))
        .put("editedAt", JsonTime.of(row.getOffsetDateTime("edited_at")))
        .put("replyCount", row.getInteger("reply_count"));
  }

  private Future<Map<Long, JsonArray>> grouped(String sql, Long[] ids, java.util.function.Function<Row, JsonObject> map) {
    if (ids.length == 0) {
      return Future.succeededFuture(Map.of());
    }
    return pool.preparedQuery(sql).execute(Tuple.tuple().addArrayOfLong(ids)).map(rows -> {
      Map<Long, JsonArray> out = new HashMap<>();
      rows.forEach(row -> out.computeIfAbsent(row.getLong("comment_id"), k -> new JsonArray()).add(map.apply(row)));
      return out;
    });
  }

  private Future<Map<Long, JsonObject>> keyed(String sql, Long[] ids, java.util.function.Function<Row, JsonObject> map) {
    if (ids.length == 0) {
      return Future.succeededFuture(Map.of());
    }
    return pool.preparedQuery(sql).execute(Tuple.tuple().addArrayOfLong(ids)).map(rows -> {
      Map<Long, JsonObject> out = new LinkedHashMap<>();
      rows.forEach(row -> out.put(row.getLong("id"), map.apply(row)));
      return out;
    });
  }

  private static String encode(String raw) {
    return Base64.getUrlEncoder().withoutPadding().encodeToString(raw.getBytes(StandardCharsets.UTF_8));
  }

  private static String[] decode(String cursor, int expectedParts) {
    try {
      String[] parts = new String(Base64.getUrlDecoder().decode(cursor), StandardCharsets.UTF_8).split("\\|");
      if (parts.length != expectedParts) {
        throw new IllegalArgumentException();
      }
      for (String part : parts) {
        if (part.isEmpty()) {
          throw new IllegalArgumentException();
        }
      }
      if (parts.length == 3) {
        Float.parseFloat(parts[0]);
        OffsetDateTime.parse(parts[1]);
      }
      Long.parseLong(parts[parts.length - 1]);
      return parts;
    } catch (RuntimeException e) {
      throw ApiError.badRequest("invalid_cursor", "The cursor is not valid for this queue; start again without it");
    }
  }
}
