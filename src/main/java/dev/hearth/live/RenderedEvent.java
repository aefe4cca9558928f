package dev.hearth.live;

/**
 * An event rendered once per node, as the exact text frames sent: {@code publicFrame} to the
 * page's readers (null when they must not see it, e.g. a comment held for review) and
 * {@code staffFrame} to the site's moderators.
 */
public record RenderedEvent(long id, String siteId, Long pageId, String pageKey, String kind, SharedFrame publicFrame,
                     SharedFrame staffFrame) {

  public static RenderedEvent of(long id, String siteId, Long pageId, String pageKey, String kind, String publicText,
                          String staffText) {
    return new RenderedEvent(id, siteId, pageId, pageKey, kind,
        publicText == null ? null : new SharedFrame(publicText), staffText == null ? null : new SharedFrame(staffText));
  }

  /** The bytes its frames hold, for bounding caches of rendered events by memory. */
  public int bytes() {
    return (publicFrame == null ? 0 : publicFrame.size()) + (staffFrame == null ? 0 : staffFrame.size());
  }
}
