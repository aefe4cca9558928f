package dev.hearth.live;

import java.util.LinkedHashSet;
import java.util.Set;

/**
 * A page followed by at least one socket on this node. The node reads the page's events from
 * the table in id order after {@code lastDelivered} (one read at a time, re-run when more
 * arrive meanwhile), so each event is loaded and rendered once and none is skipped.
 */
final class PageChannel {
  final String siteId;
  final String pageKey;
  Long pageId;
  long lastDelivered;
  boolean ready;
  boolean polling;
  boolean dirty;
  /**
   * Sockets between asking to follow the page and following it (the page's id and newest event
   * are being read): the channel must stay in the hub meanwhile, even if its last follower
   * leaves, or they would join a channel no event reaches.
   */
  int joining;
  final Set<Subscription> subscriptions = new LinkedHashSet<>();

  PageChannel(String siteId, String pageKey) {
    this.siteId = siteId;
    this.pageKey = pageKey;
  }

  static String key(String siteId, String pageKey) {
    return siteId + '\u0000' + pageKey;
  }

  String key() {
    return key(siteId, pageKey);
  }

  /** Whether nobody follows it or is about to: the hub can forget it. */
  boolean unused() {
    return subscriptions.isEmpty() && joining == 0;
  }
}
