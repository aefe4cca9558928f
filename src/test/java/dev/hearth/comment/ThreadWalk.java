package dev.hearth.comment;

import dev.hearth.support.Api;
import io.vertx.core.json.JsonArray;
import io.vertx.core.json.JsonObject;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * Reads every comment of a page the way a client must: pages of threads by cursor, and for
 * any comment whose {@code moreReplies} is true, all its replies from
 * {@code /comments/{id}/replies}, page by page, recursively. Replies listed flat below the
 * display depth are put back under their parents by {@code parentId}, so nested and flat
 * parts are walked alike. Counts how often each comment was reached, so a test can tell a
 * comment shown twice from one never shown.
 */
final class ThreadWalk {
  private static final int MAX_PAGES = 10_000;

  private final Api api;
  private final int repliesLimit;
  private final Map<Long, JsonObject> comments = new LinkedHashMap<>();
  private final Map<Long, Integer> visits = new HashMap<>();
  private final List<Long> rootOrder = new ArrayList<>();
  private int requests;

  private ThreadWalk(Api api, int repliesLimit) {
    this.api = api;
    this.repliesLimit = repliesLimit;
  }

  /** Walks a whole page: threads {@code threadLimit} at a time, replies {@code repliesLimit} at a time. */
  static ThreadWalk page(Api api, String site, String page, int threadLimit, int repliesLimit) {
    ThreadWalk walk = new ThreadWalk(api, repliesLimit);
    String cursor = null;
    int pages = 0;
    do {
      JsonObject listing = api.thread(site, page, "limit=" + threadLimit
          + (cursor == null ? "" : "&cursor=" + Api.encode(cursor)));
      walk.requests++;
      for (JsonObject root : objects(listing.getJsonArray("comments"))) {
        walk.rootOrder.add(root.getLong("id"));
        walk.visit(root, byParent(root));
      }
      cursor = listing.getString("nextCursor");
      if (++pages > MAX_PAGES) {
        throw new AssertionError("thread cursors never end");
      }
    } while (cursor != null);
    return walk;
  }

  /** Every comment reached, by id, as last read. */
  Map<Long, JsonObject> comments() {
    return comments;
  }

  /** How often each comment was reached; a correct listing reaches each exactly once. */
  Map<Long, Integer> visits() {
    return visits;
  }

  /** Ids of the comments reached more than once. */
  List<Long> duplicates() {
    return visits.entrySet().stream().filter(e -> e.getValue() > 1).map(Map.Entry::getKey).sorted().toList();
  }

  /** Top-level comment ids in the order the thread listing gave them. */
  List<Long> rootOrder() {
    return rootOrder;
  }

  int requests() {
    return requests;
  }

  private void visit(JsonObject comment, Map<Long, List<JsonObject>> loaded) {
    long id = comment.getLong("id");
    comments.put(id, comment);
    visits.merge(id, 1, Integer::sum);
    if (comment.getBoolean("moreReplies", false)) {
      readReplies(id);
    } else {
      for (JsonObject child : loaded.getOrDefault(id, List.of())) {
        visit(child, loaded);
      }
    }
  }

  /** All replies of one comment, page by page, each with the replies loaded along with it. */
  private void readReplies(long id) {
    String cursor = null;
    int pages = 0;
    do {
      Api.Response response = api.get("/api/v1/comments/" + id + "/replies?limit=" + repliesLimit
          + (cursor == null ? "" : "&cursor=" + Api.encode(cursor)));
      requests++;
      if (response.status() != 200) {
        throw new AssertionError("replies of " + id + ": " + response.status() + " " + response.body());
      }
      JsonObject json = response.json();
      for (JsonObject reply : objects(json.getJsonArray("comments"))) {
        if (reply.getLong("parentId") != id) {
          throw new AssertionError("replies of " + id + " listed comment " + reply.getLong("id")
              + " whose parent is " + reply.getLong("parentId"));
        }
        visit(reply, byParent(reply));
      }
      cursor = json.getString("nextCursor");
      if (++pages > MAX_PAGES) {
        throw new AssertionError("reply cursors of " + id + " never end");
      }
    } while (cursor != null);
  }

  /** The comments loaded in one JSON subtree, nested or flat, grouped under their parents in order. */
  static Map<Long, List<JsonObject>> byParent(JsonObject top) {
    Map<Long, List<JsonObject>> children = new HashMap<>();
    for (JsonObject comment : flatten(top)) {
      if (comment != top) {
        children.computeIfAbsent(comment.getLong("parentId"), k -> new ArrayList<>()).add(comment);
      }
    }
    return children;
  }

  /** A subtree in document order: the comment, then everything in its {@code children}, recursively. */
  static List<JsonObject> flatten(JsonObject top) {
    List<JsonObject> out = new ArrayList<>();
    List<JsonObject> stack = new ArrayList<>(List.of(top));
    while (!stack.isEmpty()) {
      JsonObject next = stack.remove(stack.size() - 1);
      out.add(next);
      List<JsonObject> children = objects(next.getJsonArray("children", new JsonArray()));
      for (int i = children.size() - 1; i >= 0; i--) {
        stack.add(children.get(i));
      }
    }
    return out;
  }

  /** Every comment object in a response's {@code comments}, at any nesting. */
  static List<JsonObject> everyComment(JsonArray comments) {
    List<JsonObject> out = new ArrayList<>();
    for (JsonObject root : objects(comments)) {
      out.addAll(flatten(root));
    }
    return out;
  }

  static List<JsonObject> objects(JsonArray array) {
    List<JsonObject> out = new ArrayList<>(array.size());
    for (int i = 0; i < array.size(); i++) {
      out.add(array.getJsonObject(i));
    }
    return out;
  }
}
