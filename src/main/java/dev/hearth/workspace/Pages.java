package dev.hearth.workspace;

import dev.hearth.view.HtmlResponses;
import dev.hearth.web.ApiError;
import dev.hearth.web.Responses;
import dev.hearth.web.Templates;
import io.vertx.ext.web.RoutingContext;
import java.util.HashMap;
import java.util.Map;
import java.util.logging.Level;
import java.util.logging.Logger;

/**
 * Writes the workspace's answers: HTML pages (under the strict CSP) for browsers and forms,
 * JSON for the workspace's own script, which asks with {@code Accept: application/json}.
 */
final class Pages {
  private static final Logger LOG = Logger.getLogger(Pages.class.getName());
  private final Templates templates;

  Pages(Templates templates) {
    this.templates = templates;
  }

  void html(RoutingContext ctx, int status, String template, Map<String, Object> model) {
    ctx.response().setStatusCode(status);
    HtmlResponses.send(ctx, templates.render("moderate/" + template, model));
  }

  static boolean wantsJson(RoutingContext ctx) {
    String accept = ctx.request().getHeader("accept");
    return accept != null && accept.contains("application/json");
  }

  /** A failed workspace request: JSON for the script, else a small page saying what happened. */
  void failed(RoutingContext ctx, Throwable failure) {
    if (ctx.response().ended()) {
      return;
    }
    ApiError error = failure instanceof ApiError known ? known
        : new ApiError(500, "internal_error", "Something went wrong on our side; it has been logged");
    if (error.status() >= 500) {
      LOG.log(Level.SEVERE, "Workspace failure on " + ctx.request().method() + " " + ctx.request().path(), failure);
    }
    if (wantsJson(ctx)) {
      Responses.error(ctx, error);
      return;
    }
    Map<String, Object> model = new HashMap<>();
    model.put("status", error.status());
    model.put("code", error.code());
    model.put("message", error.getMessage());
    html(ctx, error.status(), "error", model);
  }
}
