package dev.hearth.comment;

import dev.hearth.page.PageRepository;
import dev.hearth.role.StaffBadges;
import dev.hearth.site.Site;
import dev.hearth.site.SiteService;
import io.vertx.core.Future;
import io.vertx.sqlclient.Pool;
import java.util.Optional;

/**
 * One comment as it is shown now: with its site's display depth and its page's badges (the
 * page author's, the staff's). What an author sees after an edit and what live readers get
 * both come from here.
 */
public final class CommentViews {
  private final Pool pool;
  private final SiteService sites;
  private final PageRepository pages;
  private final CommentRepository comments;
  private final StaffBadges staff;

  public CommentViews(Pool pool, SiteService sites, PageRepository pages, CommentRepository comments,
                      StaffBadges staff) {
    this.pool = pool;
    this.sites = sites;
    this.pages = pages;
    this.comments = comments;
    this.staff = staff;
  }

  /** A comment with the JSON shape its page shows it in. */
  public record Shown(Site site, Comment comment, CommentJson json) {
  }

  /** The comment as now stored, empty when it no longer exists. */
  public Future<Optional<Shown>> of(long commentId) {
    return comments.find(pool, commentId).compose(found -> {
      if (found.isEmpty()) {
        return Future.succeededFuture(Optional.empty());
      }
      CommentRepository.Located located = found.get();
      return sites.get(located.siteId()).compose(site -> pages.findById(pool, located.pageId())
          .compose(page -> staff.of(site.id()).map(staffBadges -> Optional.of(new Shown(site, located.comment(),
              CommentJson.forPage(site, page, staffBadges))))));
    });
  }
}
