package dev.hearth.web;

import io.netty.handler.ipfilter.IpFilterRuleType;
import io.netty.handler.ipfilter.IpSubnetFilterRule;
import io.netty.util.NetUtil;
import io.vertx.core.http.HttpServerRequest;
import io.vertx.core.net.SocketAddress;
import java.net.InetAddress;
import java.net.InetSocketAddress;
import java.util.ArrayList;
import java.util.List;

/**
 * Which address a request comes from, for the limits counted per address (sign-in, sign-up,
 * comment intervals). The TCP peer, unless the peer is one of the operator's reverse proxies
 * (HEARTH_TRUSTED_PROXIES): then X-Forwarded-For is read from the right, skipping trusted
 * proxies, and the first other address is the client. Only the right end of the header can be
 * believed: everything left of what our own proxy appended was written by the client.
 */
public final class TrustedProxies {
  public static final TrustedProxies NONE = new TrustedProxies(List.of());

  private final List<IpSubnetFilterRule> ranges;

  private TrustedProxies(List<IpSubnetFilterRule> ranges) {
    this.ranges = ranges;
  }

  /**
   * Parses a comma-separated list of addresses and CIDR ranges ("127.0.0.1, 10.0.0.0/8, ::1").
   * Only literal addresses: a host name would need DNS on every request.
   */
  public static TrustedProxies parse(String list) {
    List<IpSubnetFilterRule> ranges = new ArrayList<>();
    for (String entry : list.split(",")) {
      String trimmed = entry.strip();
      if (trimmed.isEmpty()) {
        continue;
      }
      int slash = trimmed.indexOf('/');
      String address = slash < 0 ? trimmed : trimmed.substring(0, slash);
      InetAddress parsed = literal(address);
      if (parsed == null) {
        throw new IllegalArgumentException("not an IP address or CIDR range: " + trimmed);
      }
      int maxPrefix = parsed.getAddress().length * 8;
      int prefix = maxPrefix;
      if (slash >= 0) {
        try {
          prefix = Integer.parseInt(trimmed.substring(slash + 1));
        } catch (NumberFormatException e) {
          throw new IllegalArgumentException("bad prefix length in " + trimmed);
        }
        if (prefix < 0 || prefix > maxPrefix) {
          throw new IllegalArgumentException("prefix length must be 0 to " + maxPrefix + " in " + trimmed);
        }
      }
      ranges.add(new IpSubnetFilterRule(parsed, prefix, IpFilterRuleType.ACCEPT));
    }
    return new TrustedProxies(List.copyOf(ranges));
  }

  /** The client's address as a string ("unknown" when the peer address is not known). */
  public String clientOf(HttpServerRequest request) {
    SocketAddress remote = request.remoteAddress();
    if (remote == null || remote.host() == null) {
      return "unknown";
    }
    String client = remote.host();
    if (ranges.isEmpty() || !trusted(client)) {
      return client;
    }
    List<String> hops = new ArrayList<>();
    for (String header : request.headers().getAll("X-Forwarded-For")) {
      for (String hop : header.split(",")) {
        hops.add(hop.strip());
      }
    }
    for (int i = hops.size() - 1; i >= 0; i--) {
      String hop = hops.get(i);
      if (literal(hop) == null) {
        // Our proxies append valid addresses; garbage came from the client's side. The last
        // trusted hop is the best address we can vouch for.
        return client;
      }
      client = hop;
      if (!trusted(hop)) {
        return hop;
      }
    }
    return client;
  }

  private boolean trusted(String address) {
    InetAddress parsed = literal(address);
    if (parsed == null) {
      return false;
    }
    InetSocketAddress socket = new InetSocketAddress(parsed, 0);
    for (IpSubnetFilterRule range : ranges) {
      if (range.matches(socket)) {
        return true;
      }
    }
    return false;
  }

  /** A literal IPv4 or IPv6 address (brackets allowed), never resolved through DNS; else null. */
  private static InetAddress literal(String address) {
    String bare = address.startsWith("[") && address.endsWith("]") ? address.substring(1, address.length() - 1) : address;
    return bare.isEmpty() ? null : NetUtil.createInetAddressFromIpAddressString(bare);
  }
}
