package dev.hearth.vote;

import dev.hearth.auth.AuthUser;
import dev.hearth.auth.IdentityResolver;
import dev.hearth.comment.CommentAuthors;
import dev.hearth.comment.CommentLifecycle;
import dev.hearth.comment.CommentRepository;
import dev.hearth.event.EventKind;
import dev.hearth.site.Site;
import dev.hearth.site.SiteService;
import dev.hearth.web.ApiError;
import io.vertx.core.Future;
import io.vertx.core.json.JsonObject;
import io.vertx.sqlclient.Pool;
import io.vertx.sqlclient.SqlClient;
import java.time.Instant;
import java.util.Optional;

/**
 * The rules of voting. One vote per signed-in account per comment, never on one's own, only on
 * visible comments of open pages, as the site's {@code voting} setting allows. Anonymous
 * identities cannot vote: they cost nothing to make, so their votes would be worth nothing.
 * Banned and suspended users cannot vote (CommentAuthors.required enforces sanctions).
 */
public final class VoteService {
  private final Pool pool;
  private final SiteService sites;
  private final CommentLifecycle lifecycle;
  private final CommentAuthors authors;
  private final IdentityResolver identities;
  private final VoteRepository votes = new VoteRepository();

  public VoteService(Pool pool, SiteService sites, CommentLifecycle lifecycle, CommentAuthors authors,
                     IdentityResolver identities) {
    this.pool = pool;
    this.sites = sites;
    this.lifecycle = lifecycle;
    this.authors = authors;
    this.identities = identities;
  }

  /** {value: 1 | -1 | 0} → {id, score, vote}. Voting the same way twice changes nothing. */
  public Future<JsonObject> vote(long commentId, Optional<String> bearer, VoteRequest request) {
    int vote = request.value();
    return authors.required(bearer).compose(user -> {
      if ("anonymous".equals(user.kind())) {
        throw ApiError.forbidden("account_required", "Sign in with an account to vote");
      }
      return sites.get(user.siteId()).compose(site -> {
        checkAllowed(site, vote);
        return pool.withTransaction(tx -> lockVotable(tx, site, commentId, user)
            .compose(comment -> votes.current(tx, commentId, user.id())
                .compose(previous -> previous == vote
                    ? votes.score(tx, commentId)
                    : record(tx, comment, user, vote, vote - previous))));
      }).map(score -> new JsonObject().put("id", commentId).put("score", score).put("vote", vote));
    });
  }

  /** The caller's votes on one page: {commentId: value}. Sanctioned users still read theirs. */
  public Future<JsonObject> mine(Optional<String> bearer, String siteId, String pageKey) {
    if (bearer.isEmpty()) {
      return Future.failedFuture(ApiError.unauthorized("Send your token as Authorization: Bearer <token>"));
    }
    return identities.user(bearer).compose(found -> {
      AuthUser user = found.orElseThrow();
      if (!user.siteId().equals(siteId)) {
        throw ApiError.forbidden("wrong_site", "This token belongs to another site");
      }
      return votes.onPage(pool, user.id(), siteId, pageKey).map(own -> new JsonObject().put("votes", own));
    });
  }

  private static void checkAllowed(Site site, int vote) {
    String voting = site.settings().voting();
    if ("off".equals(voting)) {
      throw ApiError.forbidden("voting_disabled", "This site does not have voting");
    }
    if (vote == -1 && "up".equals(voting)) {
      throw ApiError.unprocessable("downvotes_disabled", "This site only has upvotes");
    }
  }

  /**
   * Locks the comment's page, then the comment (the order every writer uses), and checks the
   * comment may be voted on by this user. Returns the page's id.
   */
  private Future<CommentRepository.Changeable> lockVotable(SqlClient tx, Site site, long commentId, AuthUser user) {
    return lifecycle.lockWithPage(tx, commentId).map(locked -> {
      CommentRepository.Changeable comment = locked.comment();
      if (!comment.siteId().equals(site.id())) {
        throw ApiError.forbidden("wrong_site", "This token belongs to another site");
      }
      if (locked.page().isClosed(site.settings().autoCloseDays(), Instant.now())) {
        throw ApiError.forbidden("page_closed", "This page is closed");
      }
      if (!comment.status().isVisible()) {
        throw ApiError.conflict("not_votable", "This comment is not shown, so it cannot be voted on");
      }
      if (comment.authorId() == user.id()) {
        throw ApiError.forbidden("own_comment", "You cannot vote on your own comment");
      }
      return comment;
    });
  }

  /** Stores the vote, moves the score, and tells readers (the page version drops cached threads). */
  private Future<Integer> record(SqlClient tx, CommentRepository.Changeable comment, AuthUser user, int vote,
                                 int delta) {
    return votes.set(tx, comment.id(), user.id(), vote)
        .compose(ignored -> votes.addScore(tx, comment.id(), delta))
        .compose(score -> lifecycle.touched(tx, comment, EventKind.COMMENT_VOTED).map(score));
  }
}
