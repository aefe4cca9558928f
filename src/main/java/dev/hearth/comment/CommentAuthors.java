package dev.hearth.comment;

import dev.hearth.auth.AuthUser;
import dev.hearth.auth.IdentityResolver;
import dev.hearth.auth.Tokens;
import dev.hearth.site.Site;
import dev.hearth.web.ApiError;
import io.vertx.core.Future;
import io.vertx.sqlclient.Pool;
import io.vertx.sqlclient.SqlClient;
import io.vertx.sqlclient.Tuple;
import java.util.Optional;

/**
 * Who writes a comment: the user of the bearer token when one is sent, otherwise a new
 * anonymous author who receives a token (the "owner token") that lets them edit or delete
 * their comments and keep posting under the same identity.
 */
public final class CommentAuthors {

  private final Pool pool;
  private final Tokens tokens;
  private final IdentityResolver identities;
  private final CommentRepository comments;
  private final Sanctions sanctions;

  public CommentAuthors(Pool pool, Tokens tokens, IdentityResolver identities, CommentRepository comments,
                        Sanctions sanctions) {
    this.pool = pool;
    this.tokens = tokens;
    this.identities = identities;
    this.comments = comments;
    this.sanctions = sanctions;
  }

  /** The author of a new comment (with their SSO badge), and a token when one was just issued. */
  public record Author(long userId, String name, String badge, Optional<String> newToken) {
  }

  /** Resolves a bearer token to its user on this site; no token means an anonymous writer. */
  public Future<Optional<AuthUser>> signedIn(Optional<String> bearer, Site site) {
    if (bearer.isEmpty()) {
      return Future.succeededFuture(Optional.empty());
    }
    return identities.user(bearer).compose(user -> {
      AuthUser found = user.orElseThrow();
      if (!found.siteId().equals(site.id())) {
        throw ApiError.forbidden("wrong_site", "This token belongs to another site");
      }
      return sanctions.checkMayWrite(pool, found.id()).map(Optional.of(found));
    });
  }

  /** The user a bearer token identifies, required and allowed to write (edits and deletes). */
  public Future<AuthUser> required(Optional<String> bearer) {
    if (bearer.isEmpty()) {
      return Future.failedFuture(ApiError.unauthorized(
          "Send the token you received with your comment as Authorization: Bearer <token>"));
    }
    return identities.user(bearer).compose(user -> {
      AuthUser found = user.orElseThrow();
      return sanctions.checkMayWrite(pool, found.id()).map(found);
    });
  }

  public Future<Author> authorFor(SqlClient tx, Site site, Optional<AuthUser> user, NewComment request) {
    if (user.isPresent()) {
      // An anonymous author may change the name they write under; earlier comments keep theirs.
      AuthUser existing = user.get();
      boolean rename = request.authorName() != null && "anonymous".equals(existing.kind())
          && !request.authorName().equals(existing.displayName());
      String name = rename ? request.authorName() : existing.displayName();
      Future<Void> renamed = rename ? comments.renameAnonymous(tx, existing.id(), name) : Future.succeededFuture();
      return renamed.map(new Author(existing.id(), name, existing.badge(), Optional.empty()));
    }
    if (!site.settings().allowAnonymous()) {
      return Future.failedFuture(ApiError.unauthorized("This site asks commenters to sign in"));
    }
    if (request.authorName() == null) {
      return Future.failedFuture(ApiError.badRequest("missing_field", "Missing required field: author.name"));
    }
    return tx.preparedQuery(CommentSql.INSERT_ANONYMOUS).execute(Tuple.of(site.id(), request.authorName(), request.authorEmail()))
        .map(rows -> rows.iterator().next().getLong("id"))
        .compose(userId -> tokens.issue(tx, userId, site.id(), Tokens.ANONYMOUS_LIFETIME)
            .map(token -> new Author(userId, request.authorName(), null, Optional.of(token))));
  }
}
