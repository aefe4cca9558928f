package dev.hearth.account;

import dev.hearth.auth.IdentityResolver;
import dev.hearth.auth.SignInLimits;
import dev.hearth.auth.Tokens;
import dev.hearth.site.SiteService;
import io.vertx.core.Vertx;
import io.vertx.sqlclient.Pool;

/** The accounts feature, wired: what Services holds and HttpVerticle mounts. */
public record Accounts(AccountService accounts, SsoService sso) {

  public static Accounts create(Vertx vertx, Pool pool, SiteService sites, Tokens tokens,
                                IdentityResolver identities) {
    AccountRepository repository = new AccountRepository();
    return new Accounts(
        new AccountService(pool, sites, tokens, identities, repository, new PasswordHashing(vertx),
            new SignInLimits()),
        new SsoService(pool, sites, tokens, repository));
  }

  public AuthRoutes routes() {
    return new AuthRoutes(accounts, sso);
  }
}
