package dev.hearth.comment;

import dev.hearth.page.Page;
import dev.hearth.page.PageRepository;
import dev.hearth.role.StaffBadges;
import dev.hearth.site.Site;
import dev.hearth.site.SiteService;
import dev.hearth.web.ApiError;
import io.vertx.core.Future;
import io.vertx.core.buffer.Buffer;
import io.vertx.core.json.JsonArray;
import io.vertx.core.json.JsonObject;
import io.vertx.sqlclient.Pool;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.Optional;

/**
 * Reading threads: pages of top-level comments with their first replies per level, more
 * replies of one comment, a permalink's page, and counts. Never loads more than one page.
 */
public final class ThreadService {
  /** Replies shown inline per level; the rest come from {@code /comments/{id}/replies}. */
  public static final int REPLIES_PER_LEVEL = 10;
  /** Comments shown inline per top-level thread, in display order; the rest come from replies. */
  public static final int COMMENTS_PER_THREAD = 50;

  private static final Buffer EMPTY = Buffer.buffer("[]");

  private final Pool pool;
  private final SiteService sites;
  private final PageRepository pages;
  private final CommentRepository comments;
  private final StaffBadges staff;
  private final ThreadCache cache = new ThreadCache();

  public ThreadService(Pool pool, SiteService sites, PageRepository pages, CommentRepository comments,
                       StaffBadges staff) {
    this.pool = pool;
    this.sites = sites;
    this.pages = pages;
    this.comments = comments;
    this.staff = staff;
  }

  /** One page of threads: the top-level comments chosen by sort and cursor, each with its first replies. */
  public Future<ThreadPage> threads(ThreadQuery query) {
    return sites.get(query.siteId()).compose(site -> pages.find(pool, site.id(), query.pageKey()).compose(page -> {
      if (page.isEmpty()) {
        return Future.succeededFuture(new ThreadPage(site, query.pageKey(), page, EMPTY, Optional.empty(),
            Optional.empty()));
      }
      return staff.of(site.id()).compose(staffBadges -> cachedListing(site, page.get(), query, staffBadges));
    }));
  }

  private Future<ThreadPage> cachedListing(Site site, Page page, ThreadQuery query, Map<Long, String> staffBadges) {
    ThreadCache.Key key = new ThreadCache.Key(page.id(), page.version(), query.sort(),
        query.cursor().map(ThreadCursor::encode).orElse(""), query.limit(), site.settings().displayDepth(),
        staffBadges.hashCode());
    Optional<ThreadCache.Entry> cached = cache.get(key);
    if (cached.isPresent()) {
      return Future.succeededFuture(new ThreadPage(site, query.pageKey(), Optional.of(page),
          cached.get().commentsJson(), cached.get().nextCursor(), Optional.empty()));
    }
    return listing(site, page, new Badges(page.authorUserId(), staffBadges), query.sort(), query.cursor(),
        query.limit(), List.of(), Optional.empty())
        .onSuccess(listed -> cache.put(key, new ThreadCache.Entry(listed.commentsJson(), listed.nextCursor())));
  }

  private Future<ThreadPage> listing(Site site, Page page, Badges badges, ThreadSort sort,
                                     Optional<ThreadCursor> cursor, int limit, List<Long> include,
                                     Optional<Long> target) {
    return comments.roots(pool, page.id(), sort, cursor, limit + 1).compose(roots -> {
      boolean more = roots.size() > limit;
      List<CommentRepository.RootRef> shown = more ? roots.subList(0, limit) : roots;
      List<Long> ids = shown.stream().map(CommentRepository.RootRef::id).toList();
      return comments.threads(pool, ids, REPLIES_PER_LEVEL, COMMENTS_PER_THREAD, include).map(rows -> {
        Map<Long, CommentTree.Node> trees = CommentTree.build(rows);
        List<CommentTree.Node> ordered = ids.stream().map(trees::get).filter(Objects::nonNull).toList();
        Optional<String> next = more
            ? Optional.of(new ThreadCursor(sort, shown.get(shown.size() - 1).rankValue(), shown.get(shown.size() - 1).id())
                .encode())
            : Optional.empty();
        Buffer json = new CommentJson(site.settings().displayDepth(), badges).threads(ordered).toBuffer();
        return new ThreadPage(site, page.key(), Optional.of(page), json, next, target);
      });
    });
  }

  /**
   * The page of threads (oldest first, default size) that holds a comment, with the way down
   * to it included even where it lies beyond the inline reply limits.
   */
  public Future<ThreadPage> context(long commentId) {
    return comments.find(pool, commentId).compose(found -> {
      CommentRepository.Located located = found.filter(l -> l.comment().isVisible())
          .orElseThrow(() -> ApiError.notFound("comment_not_found", "No visible comment " + commentId));
      long rootId = located.comment().rootId();
      return sites.get(located.siteId()).compose(site -> pages.findById(pool, located.pageId()).compose(page ->
          comments.selfAndAncestors(pool, commentId).compose(path ->
              comments.rootPosition(pool, page.id(), rootId).compose(position -> {
                long offsetInPage = position % ThreadQuery.DEFAULT_LIMIT;
                Future<Optional<Long>> before = position == 0
                    ? Future.succeededFuture(Optional.empty())
                    : comments.rootBefore(pool, page.id(), rootId, offsetInPage);
                return before.compose(cursorId -> staff.of(site.id()).compose(staffBadges -> listing(site, page,
                    new Badges(page.authorUserId(), staffBadges), ThreadSort.OLDEST,
                    cursorId.map(id -> new ThreadCursor(ThreadSort.OLDEST, 0, id)), ThreadQuery.DEFAULT_LIMIT, path,
                    Optional.of(commentId))));
              }))));
    });
  }

  /** More replies of one comment: those after {@code afterRank}, each with its own first replies. */
  public Future<JsonObject> replies(long commentId, Optional<String> cursor, int limit) {
    int afterRank = cursor.map(ThreadService::decodeRepliesCursor).orElse(0);
    return comments.find(pool, commentId).compose(found -> {
      CommentRepository.Located parent = found
          .orElseThrow(() -> ApiError.notFound("comment_not_found", "No comment " + commentId));
      return sites.get(parent.siteId()).compose(site -> pages.findById(pool, parent.pageId()).compose(page ->
          staff.of(site.id()).compose(staffBadges ->
          comments.replies(pool, commentId, afterRank, limit + 1, REPLIES_PER_LEVEL, COMMENTS_PER_THREAD).map(rows -> {
            List<CommentRepository.RankedComment> direct = rows.stream()
                .filter(r -> Objects.equals(r.comment().parentId(), commentId)).toList();
            boolean more = direct.size() > limit;
            long cutoffId = more ? direct.get(limit).comment().id() : -1;
            int lastRank = more ? direct.get(limit - 1).rank() : 0;
            Map<Long, CommentTree.Node> trees = CommentTree.buildUnder(commentId,
                rows.stream().map(CommentRepository.RankedComment::comment).toList());
            trees.remove(cutoffId);
            CommentJson json = CommentJson.forPage(site, page, staffBadges);
            JsonArray replies = json.threads(trees.values());
            return new JsonObject()
                .put("parentId", commentId)
                .put("comments", replies)
                .put("nextCursor", more ? encodeRepliesCursor(lastRank) : null)
                .put("displayDepth", site.settings().displayDepth());
          }))));
    });
  }

  static String encodeRepliesCursor(int rank) {
    return "r" + rank;
  }

  static int decodeRepliesCursor(String cursor) {
    try {
      if (cursor.startsWith("r")) {
        int rank = Integer.parseInt(cursor.substring(1));
        if (rank >= 0) {
          return rank;
        }
      }
    } catch (NumberFormatException e) {
      // answered below
    }
    throw ApiError.badRequest("invalid_cursor", "The cursor is not valid for this listing; start again without it");
  }

  /** Visible comment counts for article lists; pages without comments count 0. */
  public Future<JsonObject> counts(String siteId, List<String> keys) {
    return sites.get(siteId).compose(site -> pages.counts(pool, site.id(), keys)).map(found -> {
      JsonObject counts = new JsonObject();
      keys.forEach(key -> counts.put(key, found.getOrDefault(key, 0)));
      return new JsonObject().put("site", siteId).put("counts", counts);
    });
  }
}
