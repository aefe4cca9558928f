package dev.hearth.comment;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNotNull;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.hearth.support.Api;
import dev.hearth.support.TestHearth;
import io.vertx.core.json.JsonObject;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Random;
import java.util.Set;
import java.util.TreeSet;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.ConcurrentLinkedQueue;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;

/**
 * A page of 10,000 comments in 200 threads: chains 200 deep, threads with 50 direct replies,
 * and bushy random ones. Reading it the way a client must (thread pages by cursor, then the
 * replies endpoint wherever {@code moreReplies} says there is more) reaches every comment
 * exactly once, under its own parent; a permalink deep in a chain shows the whole way down.
 */
class TenThousandCommentsTest {
  @RegisterExtension
  static TestHearth hearth = new TestHearth();

  static final String SITE = "big";
  static final String PAGE = "popular";
  static final int TOTAL = 10_000;
  static final int THREADS = 200;
  static final int CHAINS = 8;
  static final int CHAIN_DEPTH = 200;
  static final int WIDE = 20;
  static final int WIDE_REPLIES = 50;
  static final int WRITERS = 8;

  /** A thread to post: for each comment after the root, the index of its parent within the thread. */
  record Plan(String kind, int[] parentIndex) {
  }

  /** Every comment posted: id → parent id (null for top-level) and depth. */
  static final Map<Long, Long> parentOf = new ConcurrentHashMap<>();
  static final Map<Long, Integer> depthOf = new ConcurrentHashMap<>();
  static final Set<Long> roots = ConcurrentHashMap.newKeySet();
  /** The first chain thread, root first, one comment per depth. */
  static final List<Long> firstChain = new ArrayList<>();

  static List<Plan> plans() {
    Random random = new Random(20261123);
    List<Plan> plans = new ArrayList<>();
    for (int c = 0; c < CHAINS; c++) {
      int[] parents = new int[CHAIN_DEPTH + 1];
      for (int i = 1; i <= CHAIN_DEPTH; i++) {
        parents[i] = i - 1;
      }
      plans.add(new Plan("chain", parents));
    }
    for (int w = 0; w < WIDE; w++) {
      int[] parents = new int[1 + WIDE_REPLIES * 3];
      for (int i = 1; i <= WIDE_REPLIES; i++) {
        parents[i] = 0;
      }
      for (int i = WIDE_REPLIES + 1; i < parents.length; i++) {
        parents[i] = 1 + (i - WIDE_REPLIES - 1) / 2; // two replies under each direct reply
      }
      plans.add(new Plan("wide", parents));
    }
    int bushy = THREADS - CHAINS - WIDE;
    int left = TOTAL - plans.stream().mapToInt(p -> p.parentIndex().length).sum();
    for (int b = 0; b < bushy; b++) {
      int size = left / bushy + (b < left % bushy ? 1 : 0);
      int[] parents = new int[size];
      int[] depth = new int[size];
      for (int i = 1; i < size; i++) {
        int parent;
        do {
          parent = random.nextInt(i);
        } while (depth[parent] >= 11);
        parents[i] = parent;
        depth[i] = depth[parent] + 1;
      }
      plans.add(new Plan("bushy", parents));
    }
    return plans;
  }

  @BeforeAll
  static void seed() throws Exception {
    hearth.api().createSite(SITE, "https://big.example");
    List<Plan> plans = plans();
    assertEquals(THREADS, plans.size());
    assertEquals(TOTAL, plans.stream().mapToInt(p -> p.parentIndex().length).sum());
    ConcurrentLinkedQueue<Plan> queue = new ConcurrentLinkedQueue<>(plans);
    ExecutorService pool = Executors.newFixedThreadPool(WRITERS);
    try {
      List<Future<?>> writers = new ArrayList<>();
      for (int w = 0; w < WRITERS; w++) {
        int writer = w;
        writers.add(pool.submit(() -> {
          Api api = new Api(hearth.api().base(), TestHearth.ADMIN_TOKEN);
          String[] token = {null};
          for (Plan plan = queue.poll(); plan != null; plan = queue.poll()) {
            long[] ids = new long[plan.parentIndex().length];
            for (int i = 0; i < ids.length; i++) {
              Long parent = i == 0 ? null : ids[plan.parentIndex()[i]];
              ids[i] = post(api, token, writer, parent, plan.kind() + " comment " + i);
              parentOf.put(ids[i], parent == null ? 0L : parent);
              depthOf.put(ids[i], parent == null ? 0 : depthOf.get(parent) + 1);
            }
            roots.add(ids[0]);
            if (plan.kind().equals("chain")) {
              synchronized (firstChain) {
                if (firstChain.isEmpty()) {
                  for (long id : ids) {
                    firstChain.add(id);
                  }
                }
              }
            }
          }
          return null;
        }));
      }
      for (Future<?> writer : writers) {
        writer.get(300, TimeUnit.SECONDS);
      }
    } finally {
      pool.shutdownNow();
    }
    assertEquals(TOTAL, parentOf.size());
  }

  /** Posts one comment; each writer is one author, known by its owner token after the first comment. */
  static long post(Api api, String[] token, int writer, Long parentId, String body) {
    JsonObject json = Api.newComment(SITE, PAGE, parentId, token[0] == null ? "Writer " + writer : null, body);
    Api.Response response = api.json("POST", "/api/v1/comments", json, token[0]);
    if (response.status() != 201) {
      throw new IllegalStateException("comment failed: " + response.status() + " " + response.body());
    }
    JsonObject created = response.json();
    if (token[0] == null) {
      token[0] = created.getString("ownerToken");
    }
    return created.getLong("id");
  }

  @Test
  void walkingThePageReachesEveryCommentExactlyOnce() {
    ThreadWalk walk = ThreadWalk.page(hearth.api(), SITE, PAGE, 100, 100);
    assertEquals(List.of(), walk.duplicates(), "comments reached more than once");
    Set<Long> missing = new TreeSet<>(parentOf.keySet());
    missing.removeAll(walk.visits().keySet());
    assertEquals(Set.of(), missing.size() > 20 ? Set.copyOf(new ArrayList<>(missing).subList(0, 20)) : missing,
        missing.size() + " comments never reached");
    Set<Long> unexpected = new HashSet<>(walk.visits().keySet());
    unexpected.removeAll(parentOf.keySet());
    assertEquals(Set.of(), unexpected);
    assertEquals(TOTAL, walk.comments().size());

    List<String> misplaced = new ArrayList<>();
    walk.comments().forEach((id, comment) -> {
      long parent = comment.getLong("parentId") == null ? 0L : comment.getLong("parentId");
      if (parent != parentOf.get(id) || comment.getInteger("depth") != (int) depthOf.get(id)) {
        misplaced.add(id + ": parent " + parent + " depth " + comment.getInteger("depth"));
      }
    });
    assertEquals(List.of(), misplaced.size() > 20 ? misplaced.subList(0, 20) : misplaced);
    assertEquals(new TreeSet<>(roots).stream().toList(), walk.rootOrder(), "threads oldest first");
    assertTrue(walk.requests() >= 2 + WIDE, "wide threads are read through the replies endpoint");
    assertTrue(walk.requests() < 2_000, walk.requests() + " requests to read one page");
  }

  @Test
  void thePageCountsEveryComment() {
    JsonObject thread = hearth.api().thread(SITE, PAGE, "limit=1");
    assertEquals(TOTAL, thread.getJsonObject("page").getInteger("commentCount"));
    JsonObject counts = hearth.api().get("/api/v1/counts?site=" + SITE + "&page=" + PAGE).json();
    assertEquals(TOTAL, counts.getJsonObject("counts").getInteger(PAGE));
  }

  @Test
  void aPermalinkDeepInAChainShowsEveryAncestor() {
    long target = firstChain.get(150);
    assertEquals(150, depthOf.get(target));
    Api.Response response = hearth.api().get("/api/v1/comments/" + target + "/context");
    assertEquals(200, response.status(), response.body().substring(0, Math.min(300, response.body().length())));
    JsonObject context = response.json();
    assertEquals(target, context.getLong("target"));

    long root = firstChain.get(0);
    List<Long> shownRoots = ThreadWalk.objects(context.getJsonArray("comments")).stream().map(c -> c.getLong("id")).toList();
    assertTrue(shownRoots.contains(root), "the page of threads holding the chain");
    List<Long> sortedRoots = new TreeSet<>(roots).stream().toList();
    int position = sortedRoots.indexOf(root);
    assertEquals(sortedRoots.subList(position - position % 20, Math.min(sortedRoots.size(), position - position % 20 + 20)),
        shownRoots);

    Map<Long, JsonObject> shown = PermalinkTest.byId(context);
    for (int depth = 0; depth <= 150; depth++) {
      JsonObject ancestor = shown.get(firstChain.get(depth));
      assertNotNull(ancestor, "ancestor at depth " + depth);
      assertEquals(depth, ancestor.getInteger("depth"));
    }
  }
}
