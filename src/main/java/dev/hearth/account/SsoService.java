package dev.hearth.account;

import dev.hearth.auth.Tokens;
import dev.hearth.site.SiteService;
import dev.hearth.web.ApiError;
import io.vertx.core.Future;
import io.vertx.sqlclient.Pool;

/**
 * Sign-in with a token minted by the site's own server (see docs/sso.md). The site's user is
 * found by (site, {@code sub}), created on first sight and updated from the token's claims
 * each time. A token issued at or before the user's last sign-out is refused, so signing out
 * in Hearth cannot be undone by replaying the token the page held.
 */
public final class SsoService {
  private final Pool pool;
  private final SiteService sites;
  private final Tokens tokens;
  private final AccountRepository accounts;

  SsoService(Pool pool, SiteService sites, Tokens tokens, AccountRepository accounts) {
    this.pool = pool;
    this.sites = sites;
    this.tokens = tokens;
    this.accounts = accounts;
  }

  /** {site, token} → a Hearth token for the site's user. */
  Future<SignedIn> signIn(AccountRequests.Sso request) {
    String siteId = request.site();
    String token = request.token();
    return sites.get(siteId).compose(site -> {
      String secret = site.settings().ssoSecret();
      if (secret == null) {
        throw ApiError.forbidden("sso_not_configured", "This site has not set up single sign-on");
      }
      SsoClaims claims = SsoTokenVerifier.verify(token.strip(), site.id(), secret);
      return pool.withTransaction(tx -> accounts.upsertSso(tx, site.id(), claims).compose(upsert -> {
        // iat has whole seconds: a token from the very second of the sign-out counts as before it.
        boolean replayed = upsert.loggedOutAt()
            .map(loggedOut -> !claims.issuedAt().isAfter(loggedOut.toInstant()))
            .orElse(false);
        if (replayed) {
          // Failing rolls the transaction back: the claims of a stale token change nothing.
          return Future.failedFuture(new ApiError(401, "sso_token_replayed",
              "This SSO token was issued before the user signed out; mint a new one"));
        }
        return tokens.issue(tx, upsert.account().id(), site.id(), AccountService.ACCOUNT_TOKEN_LIFETIME)
            .map(issued -> new SignedIn(issued, upsert.account()));
      }));
    });
  }
}
