package dev.hearth.vote;

import dev.hearth.auth.AuthUser;
import dev.hearth.auth.Tokens;
import dev.hearth.comment.CommentAuthors;
import dev.hearth.comment.CommentRepository;
import dev.hearth.event.EventLog;
import dev.hearth.page.PageRepository;
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
  private final PageRepository pages;
  private final CommentRepository comments;
  private final CommentAuthors authors;
  private final EventLog events;
  private final Tokens tokens;
  private final VoteRepository votes = new VoteRepository();

  public VoteService(Pool pool, SiteService sites, PageRepository pages, CommentRepository comments,
                     CommentAuthors authors, EventLog events, Tokens tokens) {
    this.tokens = tokens;
    this.pool = pool;
    this.sites = sites;
    this.pages = pages;
    this.comments = comments;
    this.authors = authors;
    this.events = events;
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
            .compose(pageId -> votes.current(tx, commentId, user.id())
                .compose(previous -> previous == vote
                    ? votes.score(tx, commentId)
                    : record(tx, site, pageId, commentId, user, vote, vote - previous))));
      }).map(score -> new JsonObject().put("id", commentId).put("score", score).put("vote", vote));
    });
  }

  /** The caller's votes on one page: {commentId: value}. Sanctioned users still read theirs. */
  public Future<JsonObject> mine(Optional<String> bearer, String siteId, String pageKey) {
    if (bearer.isEmpty()) {
      return Future.failedFuture(ApiError.unauthorized("Send your token as Authorization: Bearer <token>"));
    }
    return tokens.resolve(pool, bearer.get()).compose(found -> {
      AuthUser user = found.orElseThrow(ApiError::invalidToken);
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
  private Future<Long> lockVotable(SqlClient tx, Site site, long commentId, AuthUser user) {
    return comments.parentState(tx, commentId).compose(state -> {
      CommentRepository.ParentState found = state.orElseThrow(() ->
          ApiError.notFound("comment_not_found", "No comment " + commentId));
      if (!found.siteId().equals(site.id())) {
        throw ApiError.forbidden("wrong_site", "This token belongs to another site");
      }
      return pages.lock(tx, found.pageId());
    }).compose(page -> {
      if (page.isClosed(site.settings().autoCloseDays(), Instant.now())) {
        throw ApiError.forbidden("page_closed", "This page is closed");
      }
      return comments.lockForChange(tx, commentId);
    }).map(locked -> {
      CommentRepository.Changeable comment = locked.orElseThrow(() ->
          ApiError.notFound("comment_not_found", "No comment " + commentId));
      if (!"visible".equals(comment.status())) {
        throw ApiError.conflict("not_votable", "This comment is not shown, so it cannot be voted on");
      }
      if (comment.authorId() == user.id()) {
        throw ApiError.forbidden("own_comment", "You cannot vote on your own comment");
      }
      return comment.pageId();
    });
  }

  /** Stores the vote, moves the score, and tells readers (the page version drops cached threads). */
  private Future<Integer> record(SqlClient tx, Site site, long pageId, long commentId, AuthUser user, int vote,
                                 int delta) {
    return votes.set(tx, commentId, user.id(), vote)
        .compose(ignored -> votes.addScore(tx, commentId, delta))
        .compose(score -> pages.recordChange(tx, pageId, 0)
            .compose(ignored -> events.append(tx, site.id(), pageId, "comment.voted", commentId,
                new JsonObject().put("commentId", commentId).put("score", score)))
            .map(score));
  }
}
