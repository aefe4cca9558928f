package dev.hearth.account;

import dev.hearth.auth.IdentityResolver;
import dev.hearth.auth.Sha256;
import dev.hearth.auth.SignInLimits;
import dev.hearth.auth.Tokens;
import dev.hearth.site.SiteService;
import dev.hearth.web.ApiError;
import io.vertx.core.Future;
import io.vertx.core.json.JsonObject;
import io.vertx.pgclient.PgException;
import io.vertx.sqlclient.Pool;
import java.time.Duration;
import java.util.Optional;

/**
 * Getting and giving up an identity on a site: anonymous names, local accounts (username and
 * password) and signing out. Passwords are hashed off the event loop; sign-in and sign-up are
 * rate limited per account and per client address (see {@link SignInLimits}).
 */
public final class AccountService {
  /** Tokens of accounts (local and SSO) expire after 30 days; signing in again issues a new one. */
  public static final Duration ACCOUNT_TOKEN_LIFETIME = Duration.ofDays(30);

  private final Pool pool;
  private final SiteService sites;
  private final Tokens tokens;
  private final IdentityResolver identities;
  private final AccountRepository accounts;
  private final PasswordHashing passwords;
  private final SignInLimits limits;

  AccountService(Pool pool, SiteService sites, Tokens tokens, IdentityResolver identities, AccountRepository accounts, PasswordHashing passwords,
                 SignInLimits limits) {
    this.pool = pool;
    this.sites = sites;
    this.tokens = tokens;
    this.identities = identities;
    this.accounts = accounts;
    this.passwords = passwords;
    this.limits = limits;
  }

  /** {site, name}: an anonymous identity, where the site allows anonymous comments. */
  Future<SignedIn> anonymous(AccountRequests.Anonymous request, String clientIp) {
    String siteId = request.site();
    String name = request.name();
    return sites.get(siteId).compose(site -> {
      if (!site.settings().allowAnonymous()) {
        throw ApiError.forbidden("anonymous_not_allowed", "This site asks commenters to sign in");
      }
      return limits.take(pool, SignInLimits.IP_ANONYMOUS, clientIp)
          .compose(ignored -> pool.withTransaction(tx -> accounts.insertAnonymous(tx, site.id(), name)
              .compose(account -> tokens.issue(tx, account.id(), site.id(), Tokens.ANONYMOUS_LIFETIME)
                  .map(token -> new SignedIn(token, account)))));
    });
  }

  /** {site, username, email, password}: a new local account, signed in. */
  Future<SignedIn> signUp(AccountRequests.SignUp request, String clientIp) {
    String siteId = request.site();
    Usernames.Username username = request.username();
    String email = request.email();
    String password = request.password();
    return sites.get(siteId)
        .compose(site -> limits.take(pool, SignInLimits.IP_SIGNUPS, clientIp)
            .compose(ignored -> passwords.hash(password))
            .compose(hash -> pool.withTransaction(tx -> accounts.insertLocal(tx, site.id(), username, email, hash)
                .compose(account -> tokens.issue(tx, account.id(), site.id(), ACCOUNT_TOKEN_LIFETIME)
                    .map(token -> new SignedIn(token, account))))))
        .recover(failure -> Future.failedFuture(isDuplicate(failure)
            ? ApiError.conflict("username_taken", "This username is taken on this site")
            : failure));
  }

  /**
   * {site, username, password}. An unknown username and a wrong password get the same answer,
   * after the same work (a decoy hash is verified), so neither reveals whether an account exists.
   */
  Future<SignedIn> signIn(AccountRequests.SignIn request, String clientIp) {
    String siteId = request.site();
    Optional<String> key = request.usernameKey();
    String password = request.password();
    if (password.length() > 4 * AccountFields.MAX_PASSWORD) {
      throw invalidCredentials();
    }
    return sites.get(siteId).compose(site -> {
      String accountBucket = site.id() + ":" + key.orElse("");
      // Every attempt counts as a failure of the account until its password proves right:
      // parallel guesses are then counted before they are verified, not after.
      return limits.take(pool, SignInLimits.IP_ATTEMPTS, clientIp)
          .compose(ignored -> limits.take(pool, SignInLimits.ACCOUNT_FAILURES, accountBucket))
          .compose(ignored -> key.isEmpty()
              ? Future.succeededFuture(Optional.<Account>empty())
              : accounts.findLocal(pool, site.id(), key.get()))
          .compose(found -> passwords.verify(password, found.map(Account::passwordHash).orElse(null))
              .compose(matches -> {
                if (!matches) {
                  return Future.failedFuture(invalidCredentials());
                }
                Account account = found.get();
                return limits.clear(pool, SignInLimits.ACCOUNT_FAILURES, accountBucket)
                    .compose(ignored -> tokens.issue(pool, account.id(), site.id(), ACCOUNT_TOKEN_LIFETIME))
                    .map(token -> new SignedIn(token, account));
              }));
    });
  }

  /**
   * Signing in from a first-party form (the moderator workspace): the same checks, the same
   * rate limits and the same answers as {@code POST /api/v1/auth/login}, as {token, user}.
   */
  public Future<JsonObject> signInWithPassword(String siteId, String username, String password,
                                                                  String clientIp) {
    return signIn(AccountRequests.SignIn.of(siteId, username, password), clientIp).map(SignedIn::toJson);
  }

  /** Revokes the token; an SSO user's earlier SSO tokens stop working too (see SsoService). */
  Future<Void> signOut(Optional<String> bearer) {
    return requiredAccount(bearer).compose(account -> pool.withTransaction(tx -> tokens.revoke(tx, bearer.get())
        .compose(ignored -> "sso".equals(account.kind())
            ? accounts.markSignedOut(tx, account.id())
            : Future.succeededFuture())));
  }

  /** {currentPassword, newPassword}: a local account's new password; its other tokens are revoked. */
  Future<Void> changePassword(Optional<String> bearer, AccountRequests.PasswordChange change) {
    String current = change.currentPassword();
    String rawNew = change.newPassword();
    return requiredAccount(bearer).compose(account -> {
      if (!"local".equals(account.kind())) {
        throw ApiError.forbidden("not_local_account", "Only accounts with a username and password have a password");
      }
      String fresh = AccountFields.newPassword("newPassword", rawNew, Usernames.key(account.username()));
      String accountBucket = account.siteId() + ":" + Usernames.key(account.username());
      return limits.take(pool, SignInLimits.ACCOUNT_FAILURES, accountBucket)
          .compose(ignored -> passwords.verify(current, account.passwordHash()))
          .compose(matches -> matches
              ? limits.clear(pool, SignInLimits.ACCOUNT_FAILURES, accountBucket).compose(ignored -> passwords.hash(fresh))
              : Future.failedFuture(ApiError.forbidden("wrong_password", "The current password is not correct")))
          .compose(hash -> pool.withTransaction(tx -> accounts.setPassword(tx, account.id(), hash)
              .compose(ignored -> accounts.revokeOtherTokens(tx, account.id(), Sha256.of(bearer.get())))));
    });
  }

  /** The signed-in user: {id, name, kind, username?, badge?}. */
  Future<Account> me(Optional<String> bearer) {
    return requiredAccount(bearer);
  }

  /** The account behind a live bearer token, or 401. */
  private Future<Account> requiredAccount(Optional<String> bearer) {
    if (bearer.isEmpty()) {
      return Future.failedFuture(ApiError.unauthorized("Send your token as Authorization: Bearer <token>"));
    }
    return identities.user(bearer)
        .compose(user -> accounts.findById(pool, user.orElseThrow().id()))
        .map(found -> found.orElseThrow(AccountService::invalidToken));
  }

  static ApiError invalidToken() {
    return ApiError.invalidToken();
  }

  private static ApiError invalidCredentials() {
    return new ApiError(401, "invalid_credentials", "The username or password is not correct");
  }

  private static boolean isDuplicate(Throwable failure) {
    return failure instanceof PgException pg && "23505".equals(pg.getSqlState());
  }
}
