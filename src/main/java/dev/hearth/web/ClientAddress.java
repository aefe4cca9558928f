package dev.hearth.web;

import io.vertx.core.Handler;
import io.vertx.ext.web.RoutingContext;

/**
 * Works out each request's client address once, on the first route, so every feature that
 * counts per address (sign-in, sign-up, comment intervals) counts the same one.
 */
public final class ClientAddress implements Handler<RoutingContext> {
  private static final String KEY = "hearth.clientAddress";

  private final TrustedProxies proxies;

  public ClientAddress(TrustedProxies proxies) {
    this.proxies = proxies;
  }

  @Override
  public void handle(RoutingContext ctx) {
    ctx.put(KEY, proxies.clientOf(ctx.request()));
    ctx.next();
  }

  /** The address {@link ClientAddress} found for this request. */
  public static String of(RoutingContext ctx) {
    String address = ctx.get(KEY);
    return address == null ? "unknown" : address;
  }
}
