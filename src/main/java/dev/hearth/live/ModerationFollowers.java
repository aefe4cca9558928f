package dev.hearth.live;

import java.util.ArrayList;
import java.util.HashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;

/**
 * Sockets following sites' moderation streams. Touched only on the hub's event loop. Events
 * reach them as notifications arrive (approximately in id order; a queue does not need
 * more), each at most once. Notifications sent while the node was not listening are lost, so
 * the newest event id handled is kept: after a reconnect the streams catch up from it.
 */
final class ModerationFollowers {
  private final Map<String, Set<LiveConnection>> bySite = new HashMap<>();
  private final Map<String, RecentIds> seen = new HashMap<>();
  private long handledUpTo = -1;

  void add(String siteId, LiveConnection connection) {
    bySite.computeIfAbsent(siteId, k -> new LinkedHashSet<>()).add(connection);
  }

  boolean remove(String siteId, LiveConnection connection) {
    Set<LiveConnection> followers = bySite.get(siteId);
    return followers != null && followers.remove(connection);
  }

  void removeEverywhere(LiveConnection connection) {
    bySite.values().forEach(followers -> followers.remove(connection));
  }

  /** Sites with at least one follower. */
  List<String> sites() {
    return bySite.entrySet().stream().filter(e -> !e.getValue().isEmpty()).map(Map.Entry::getKey).toList();
  }

  /** The newest event id handled, or -1 before the first is known. */
  long handledUpTo() {
    return handledUpTo;
  }

  void handled(long eventId) {
    handledUpTo = Math.max(handledUpTo, eventId);
  }

  boolean any(String siteId) {
    Set<LiveConnection> followers = bySite.get(siteId);
    return followers != null && !followers.isEmpty();
  }

  void send(RenderedEvent event) {
    Set<LiveConnection> followers = bySite.get(event.siteId());
    if (followers == null || event.staffFrame() == null
        || !seen.computeIfAbsent(event.siteId(), k -> new RecentIds()).add(event.id())) {
      return;
    }
    new ArrayList<>(followers).forEach(connection -> connection.send(event.staffFrame()));
  }
}
