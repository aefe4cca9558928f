package dev.hearth.embed;

import dev.hearth.comment.ThreadQuery;
import dev.hearth.comment.ThreadSort;
import dev.hearth.web.ApiError;
import dev.hearth.web.QueryParams;
import java.net.URLEncoder;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.regex.Pattern;

/**
 * What embed.js asks the thread page for, checked: the page, how the host page presents it
 * (url, title, theme, accent, font, radius), where to talk back to (origin, frame), and which
 * part of the thread (sort, cursor, or the thread holding one comment).
 */
record ThreadPageRequest(ThreadQuery query, Optional<String> url, Optional<String> title, Optional<String> origin,
                         Optional<String> frame, String theme, Optional<Long> comment, Theme look) {
  static final String[] PARAMETERS = {"site", "page", "url", "title", "origin", "frame", "theme", "sort", "cursor",
      "comment", "accent", "font", "radius"};

  private static final Pattern FRAME = Pattern.compile("[A-Za-z0-9_-]{1,40}");
  private static final Pattern ORIGIN = Pattern.compile("https?://[A-Za-z0-9.\\-\\[\\]:]{1,253}");
  private static final List<String> THEMES = List.of("auto", "light", "dark");

  static ThreadPageRequest parse(QueryParams params) {
    ThreadQuery query = ThreadQuery.parse(params);
    String theme = params.optional("theme").orElse("auto");
    if (!THEMES.contains(theme)) {
      throw ApiError.badRequest("invalid_query", "theme must be one of " + THEMES);
    }
    Optional<String> frame = params.optional("frame").filter(f -> FRAME.matcher(f).matches());
    Optional<String> origin = params.optional("origin").filter(o -> ORIGIN.matcher(o).matches());
    Optional<Long> comment = params.optional("comment").map(ThreadPageRequest::commentId);
    return new ThreadPageRequest(query, bounded(params, "url", 2048), bounded(params, "title", 300), origin, frame,
        theme, comment, Theme.parse(params));
  }

  String siteId() {
    return query.siteId();
  }

  String pageKey() {
    return query.pageKey();
  }

  ThreadSort sort() {
    return query.sort();
  }

  private static Optional<String> bounded(QueryParams params, String name, int max) {
    Optional<String> value = params.optional(name).filter(v -> !v.isBlank());
    if (value.isPresent() && value.get().length() > max) {
      throw ApiError.badRequest("invalid_query", name + " is longer than " + max + " characters");
    }
    return value;
  }

  private static long commentId(String raw) {
    try {
      long id = Long.parseLong(raw);
      if (id > 0) {
        return id;
      }
    } catch (NumberFormatException e) {
      // answered below
    }
    throw ApiError.badRequest("invalid_query", "comment must be a comment id");
  }

  /** The links of the sort switch: the same page in every order, first page. */
  List<Map<String, Object>> sortLinks() {
    List<Map<String, Object>> links = new ArrayList<>();
    for (ThreadSort each : ThreadSort.values()) {
      links.add(Map.of("label", label(each), "href", href(each, Optional.empty()), "current", each == sort()));
    }
    return links;
  }

  String nextPageHref(String cursor) {
    return href(sort(), Optional.of(cursor));
  }

  private static String label(ThreadSort sort) {
    return switch (sort) {
      case OLDEST -> "Oldest";
      case NEWEST -> "Newest";
      case TOP -> "Top";
      case REPLIES -> "Most replies";
    };
  }

  /** This page again with another order or cursor; everything about how it is shown is kept. */
  private String href(ThreadSort sort, Optional<String> cursor) {
    Map<String, String> params = new LinkedHashMap<>();
    params.put("site", siteId());
    params.put("page", pageKey());
    url.ifPresent(v -> params.put("url", v));
    title.ifPresent(v -> params.put("title", v));
    origin.ifPresent(v -> params.put("origin", v));
    frame.ifPresent(v -> params.put("frame", v));
    params.put("theme", theme);
    params.putAll(look.parameters());
    params.put("sort", sort.wireName());
    cursor.ifPresent(v -> params.put("cursor", v));
    return "/embed/thread?" + encode(params);
  }

  Optional<String> themeHref() {
    return look.isDefault() ? Optional.empty() : Optional.of("/embed/theme.css?" + encode(look.parameters()));
  }

  static String encode(Map<String, String> params) {
    StringBuilder query = new StringBuilder();
    params.forEach((name, value) -> {
      if (query.length() > 0) {
        query.append('&');
      }
      query.append(name).append('=').append(URLEncoder.encode(value, StandardCharsets.UTF_8));
    });
    return query.toString();
  }
}
