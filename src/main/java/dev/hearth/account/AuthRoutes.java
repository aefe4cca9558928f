package dev.hearth.account;

import dev.hearth.auth.BearerToken;
import dev.hearth.web.ClientAddress;
import dev.hearth.web.JsonBody;
import dev.hearth.web.Responses;
import io.vertx.core.Future;
import io.vertx.core.json.JsonObject;
import io.vertx.ext.web.Router;
import io.vertx.ext.web.RoutingContext;

/** HTTP routes for getting, proving and giving up an identity: /api/v1/auth/*. */
public final class AuthRoutes {
  private final AccountService accounts;
  private final SsoService sso;

  public AuthRoutes(AccountService accounts, SsoService sso) {
    this.accounts = accounts;
    this.sso = sso;
  }

  public void mount(Router router) {
    router.post("/api/v1/auth/anonymous").handler(this::anonymous);
    router.post("/api/v1/auth/signup").handler(this::signUp);
    router.post("/api/v1/auth/login").handler(this::signIn);
    router.post("/api/v1/auth/sso").handler(this::sso);
    router.post("/api/v1/auth/logout").handler(this::signOut);
    router.post("/api/v1/auth/password").handler(this::changePassword);
    router.get("/api/v1/auth/me").handler(this::me);
  }

  /** POST /api/v1/auth/anonymous {site, name} → 201 {token, user}. */
  private void anonymous(RoutingContext ctx) {
    AccountRequests.Anonymous request = AccountRequests.Anonymous.from(JsonBody.read(ctx));
    answer(ctx, 201, accounts.anonymous(request, clientIp(ctx)).map(SignedIn::toJson));
  }

  /** POST /api/v1/auth/signup {site, username, email, password} → 201 {token, user}. */
  private void signUp(RoutingContext ctx) {
    AccountRequests.SignUp request = AccountRequests.SignUp.from(JsonBody.read(ctx));
    answer(ctx, 201, accounts.signUp(request, clientIp(ctx)).map(SignedIn::toJson));
  }

  /** POST /api/v1/auth/login {site, username, password} → 200 {token, user}. */
  private void signIn(RoutingContext ctx) {
    AccountRequests.SignIn request = AccountRequests.SignIn.from(JsonBody.read(ctx));
    answer(ctx, 200, accounts.signIn(request, clientIp(ctx)).map(SignedIn::toJson));
  }

  /** POST /api/v1/auth/sso {site, token} → 200 {token, user}. */
  private void sso(RoutingContext ctx) {
    answer(ctx, 200, sso.signIn(AccountRequests.Sso.from(JsonBody.read(ctx))).map(SignedIn::toJson));
  }

  /** POST /api/v1/auth/logout (bearer) → 204. */
  private void signOut(RoutingContext ctx) {
    noContent(ctx, accounts.signOut(BearerToken.of(ctx)));
  }

  /** POST /api/v1/auth/password {currentPassword, newPassword} (bearer of a local account) → 204. */
  private void changePassword(RoutingContext ctx) {
    AccountRequests.PasswordChange change = AccountRequests.PasswordChange.from(JsonBody.read(ctx));
    noContent(ctx, accounts.changePassword(BearerToken.of(ctx), change));
  }

  /** GET /api/v1/auth/me (bearer) → {user: {id, name, kind, username?, badge?}}. */
  private void me(RoutingContext ctx) {
    answer(ctx, 200, accounts.me(BearerToken.of(ctx)).map(account -> new JsonObject().put("user", account.toJson())));
  }

  /** The address limits are counted against (see {@link ClientAddress}). */
  public static String clientIp(RoutingContext ctx) {
    return ClientAddress.of(ctx);
  }

  private static void answer(RoutingContext ctx, int status, Future<JsonObject> action) {
    action.onSuccess(body -> Responses.json(ctx, status, body)).onFailure(ctx::fail);
  }

  private static void noContent(RoutingContext ctx, Future<Void> action) {
    action.onSuccess(ignored -> ctx.response().setStatusCode(204).end()).onFailure(ctx::fail);
  }
}
