package dev.hearth.demo;

import dev.hearth.comment.CommentService;
import dev.hearth.comment.NewComment;
import dev.hearth.site.SiteRequests;
import dev.hearth.site.SiteService;
import dev.hearth.web.JsonFields;
import io.vertx.core.Future;
import io.vertx.core.json.JsonObject;
import java.util.List;
import java.util.Optional;

/**
 * On an empty database, creates site {@code demo} and a short conversation under its article,
 * through the same services a real client uses.
 */
public final class DemoSite {
  public static final String SITE_ID = "demo";
  public static final String PAGE_KEY = "welcome";
  public static final String PAGE_TITLE = "Around the hearth";

  private final SiteService sites;
  private final CommentService comments;

  public DemoSite(SiteService sites, CommentService comments) {
    this.sites = sites;
    this.comments = comments;
  }

  /** Seeds the demo only when no site exists yet; a later start or another node does nothing. */
  public Future<Boolean> seedIfEmpty(List<String> origins, String publicUrl) {
    return sites.anyExists()
        .compose(any -> any
            ? Future.succeededFuture(false)
            : sites.create(SiteRequests.Create.of(SITE_ID, "Hearth demo", origins))
                .compose(site -> seedConversation(publicUrl))
                .map(true)
                .recover(failure -> failure instanceof dev.hearth.web.ApiError
                    ? Future.succeededFuture(false) // another node seeded it first
                    : Future.failedFuture(failure)));
  }

  private Future<Void> seedConversation(String publicUrl) {
    String url = publicUrl + "/demo";
    return post(url, null, "Maren", "My grandmother's kitchen. Nobody was allowed to leave the table angry, "
        + "so you learned to keep talking until you understood each other, or at least until the soup was gone.")
        .compose(first -> post(url, first, "Tobias", "That rule is brilliant. Did it actually work?")
            .compose(second -> post(url, second, "Maren", "Mostly! The trick was that she always asked the quiet "
                + "person what they thought. Hard to stay angry when you are busy listening."))
            .compose(ignored -> post(url, null, "Ade", "A chess club, oddly. You cannot shout at someone across a "
                + "board for three hours.\n\nYou end up respecting how they think, even when they beat you.")))
        .mapEmpty();
  }

  private Future<Long> post(String url, Long parentId, String name, String body) {
    JsonObject json = new JsonObject()
        .put("site", SITE_ID)
        .put("page", new JsonObject().put("key", PAGE_KEY).put("url", url).put("title", PAGE_TITLE))
        .put("body", body)
        .put("author", new JsonObject().put("name", name));
    if (parentId != null) {
      json.put("parentId", parentId);
    }
    // Each seeded comment comes from its own made-up address: the demo conversation is written
    // in one go, faster than flood control lets one address post.
    String address = "demo-seed-" + (name + body).hashCode();
    return comments.create(NewComment.parse(JsonFields.of(json)), address, Optional.empty(), Optional.empty())
        .map(response -> response.body().getLong("id"));
  }
}
