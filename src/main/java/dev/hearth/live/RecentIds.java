package dev.hearth.live;

import java.util.LinkedHashSet;

/** The last few hundred event ids seen, so a notification that arrives twice is sent once. */
final class RecentIds {
  private static final int KEEP = 512;
  private final LinkedHashSet<Long> ids = new LinkedHashSet<>();

  /** Adds the id; false when it was already there. */
  boolean add(long id) {
    if (!ids.add(id)) {
      return false;
    }
    if (ids.size() > KEEP) {
      ids.remove(ids.iterator().next());
    }
    return true;
  }
}
