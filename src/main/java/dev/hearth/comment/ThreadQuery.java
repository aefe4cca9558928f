package dev.hearth.comment;

import dev.hearth.web.QueryParams;
import java.util.Optional;

/** A request for one page of a page's threads. */
public record ThreadQuery(String siteId, String pageKey, ThreadSort sort, Optional<ThreadCursor> cursor, int limit) {
  public static final int DEFAULT_LIMIT = 20;
  public static final int MAX_LIMIT = 100;

  public static ThreadQuery parse(QueryParams params) {
    String site = params.required("site");
    String page = params.required("page");
    ThreadSort sort = params.optional("sort").map(ThreadSort::parse).orElse(ThreadSort.OLDEST);
    Optional<ThreadCursor> cursor = params.optional("cursor").map(raw -> ThreadCursor.decode(raw, sort));
    int limit = params.integer("limit", DEFAULT_LIMIT, 1, MAX_LIMIT);
    return new ThreadQuery(site, page, sort, cursor, limit);
  }
}
