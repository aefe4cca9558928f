package dev.hearth.comment;

import dev.hearth.auth.AuthUser;
import dev.hearth.page.PageRepository;
import dev.hearth.role.StaffBadges;
import dev.hearth.site.Site;
import dev.hearth.site.SiteService;
import io.vertx.core.Future;
import io.vertx.core.json.JsonObject;
import io.vertx.sqlclient.Pool;
import java.util.List;
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
    return comments.find(pool, commentId).compose(found -> found.isEmpty()
        ? Future.succeededFuture(Optional.empty())
        : shown(found.get()).map(Optional::of));
  }

  /**
   * A comment as a reader sees it, as JSON: a visible comment for anyone, a held one only for
   * its author (with its text). Empty for everything else, and for a comment of another site.
   */
  public Future<Optional<Read>> forReader(long commentId, Optional<AuthUser> reader) {
    return of(commentId).map(found -> found.flatMap(shown -> {
      Comment comment = shown.comment();
      if (comment.isVisible()) {
        return Optional.of(new Read(shown.site(), shown.json().comment(comment)));
      }
      boolean ownHeld = comment.status() == CommentStatus.PENDING && reader
          .filter(user -> user.id() == comment.authorId() && user.siteId().equals(shown.site().id())).isPresent();
      return ownHeld ? Optional.of(new Read(shown.site(), shown.json().withContent(comment))) : Optional.empty();
    }));
  }

  /** A comment's JSON as one reader may see it, and its site. */
  public record Read(Site site, JsonObject json) {
  }

  /** A writer's own held comments on a page, with their text, as that writer sees them. */
  public Future<List<JsonObject>> heldFor(AuthUser writer, String pageKey) {
    return comments.pendingOf(pool, writer.siteId(), pageKey, writer.id()).compose(found -> {
      List<Future<JsonObject>> shown = found.stream()
          .map(located -> shown(located).map(view -> view.json().withContent(view.comment()))).toList();
      return Future.all(shown).map(all -> shown.stream().map(Future::result).toList());
    });
  }

  private Future<Shown> shown(CommentRepository.Located located) {
    return sites.get(located.siteId()).compose(site -> pages.findById(pool, located.pageId())
        .compose(page -> staff.of(site.id()).map(staffBadges -> new Shown(site, located.comment(),
            CommentJson.forPage(site, page, staffBadges)))));
  }
}
