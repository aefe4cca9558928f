package dev.hearth.comment;

import dev.hearth.web.ApiError;
import java.util.Locale;

/** How the top-level comments of a page are ordered; replies are always oldest first. */
public enum ThreadSort {
  OLDEST, NEWEST, TOP, REPLIES;

  public static ThreadSort parse(String raw) {
    try {
      return valueOf(raw.toUpperCase(Locale.ROOT));
    } catch (IllegalArgumentException e) {
      throw ApiError.badRequest("invalid_query", "sort must be one of oldest, newest, top, replies");
    }
  }

  public String wireName() {
    return name().toLowerCase(Locale.ROOT);
  }
}
