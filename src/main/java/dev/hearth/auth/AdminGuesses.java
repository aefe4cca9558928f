package dev.hearth.auth;

import dev.hearth.web.ClientAddress;
import io.vertx.core.Future;
import io.vertx.core.Handler;
import io.vertx.ext.web.RoutingContext;
import io.vertx.sqlclient.Pool;

/**
 * Slows down guessing the admin token. Every token Hearth issues starts with {@code hth_}, so a
 * presented token that does not, and is not the admin token, can only be a guess at it: such
 * guesses are counted per client address (in PostgreSQL, so on every node alike), and past
 * {@link SignInLimits#ADMIN_GUESSES} the address gets 429 instead of an answer. Requests with
 * no token, a Hearth-issued token or the admin token itself never touch the database here.
 */
public final class AdminGuesses {
  private final Pool pool;
  private final AdminToken adminToken;
  private final SignInLimits limits = new SignInLimits();

  public AdminGuesses(Pool pool, AdminToken adminToken) {
    this.pool = pool;
    this.adminToken = adminToken;
  }

  /** Succeeds unless {@code presented} is a wrong guess at the admin token from an address over the limit. */
  public Future<Void> check(String presented, String clientAddress) {
    if (presented == null || presented.isEmpty() || presented.startsWith(Tokens.PREFIX)
        || adminToken.matches(presented)) {
      return Future.succeededFuture();
    }
    return limits.take(pool, SignInLimits.ADMIN_GUESSES, clientAddress);
  }

  /** For every API route: the bearer token of the request is checked before anything else runs. */
  public Handler<RoutingContext> handler() {
    return ctx -> check(BearerToken.of(ctx).orElse(null), ClientAddress.of(ctx))
        .onSuccess(ignored -> ctx.next())
        .onFailure(ctx::fail);
  }
}
