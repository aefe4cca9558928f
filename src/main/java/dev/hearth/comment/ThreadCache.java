package dev.hearth.comment;

import com.github.benmanes.caffeine.cache.Cache;
import com.github.benmanes.caffeine.cache.Caffeine;
import io.vertx.core.buffer.Buffer;
import java.util.Optional;

/**
 * Rendered pages of threads, per node. A key carries the page's version, which every change
 * to the page or its comments bumps in the writing transaction, so an entry can never be
 * stale: a changed page simply misses and old entries age out. Settings and staff badges
 * that shape the rendering are part of the key too. Bounded by size.
 */
public final class ThreadCache {
  private static final long MAX_BYTES = 32L * 1024 * 1024;

  /** What a rendering depends on. */
  public record Key(long pageId, long pageVersion, ThreadSort sort, String cursor, int limit, int displayDepth,
                    int staffBadgesHash) {
  }

  /** The encoded comments and the cursor of the next page. */
  public record Entry(Buffer commentsJson, Optional<String> nextCursor) {
  }

  private final Cache<Key, Entry> cache = Caffeine.newBuilder()
      .maximumWeight(MAX_BYTES)
      .weigher((Key key, Entry entry) -> entry.commentsJson().length() + 200)
      .build();

  public Optional<Entry> get(Key key) {
    return Optional.ofNullable(cache.getIfPresent(key));
  }

  public void put(Key key, Entry entry) {
    cache.put(key, entry);
  }
}
