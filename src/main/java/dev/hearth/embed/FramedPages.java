package dev.hearth.embed;

import dev.hearth.site.Site;
import io.vertx.ext.web.RoutingContext;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Optional;
import java.util.Set;

/**
 * The headers of Hearth's pages that live inside a site's pages: the iframe thread may be
 * framed only by the site's own origins (and Hearth's, for the demo), and runs no script but
 * Hearth's own files.
 */
final class FramedPages {
  private FramedPages() {
  }

  static String policy(String frameAncestors) {
    return policy(frameAncestors, Optional.empty());
  }

  /** The same, letting the page load a site's own style sheet from its origin. */
  static String policy(String frameAncestors, Optional<String> styleOrigin) {
    return "default-src 'none'; style-src 'self'" + styleOrigin.map(o -> " " + o).orElse("")
        + "; img-src 'self' data:; script-src 'self'; connect-src 'self'; "
        + "base-uri 'none'; form-action 'self'; frame-ancestors " + frameAncestors;
  }

  /** {@code 'self'} and every origin the site allows (each was checked to be a bare origin when stored). */
  static String ancestors(Site site, List<String> ownOrigins) {
    Set<String> allowed = new LinkedHashSet<>();
    allowed.add("'self'");
    allowed.addAll(ownOrigins);
    allowed.addAll(site.origins());
    return String.join(" ", allowed);
  }

  static void send(RoutingContext ctx, String csp, String html) {
    ctx.response()
        .putHeader("content-type", "text/html; charset=utf-8")
        .putHeader("content-security-policy", csp)
        .putHeader("cache-control", "no-store")
        .end(html);
  }
}
