package dev.hearth.page;

import dev.hearth.audit.AuditAction;
import dev.hearth.audit.AuditLog;
import dev.hearth.event.EventKind;
import dev.hearth.event.EventLog;
import dev.hearth.role.Actor;
import dev.hearth.site.Site;
import dev.hearth.site.SiteService;
import dev.hearth.web.ApiError;
import io.vertx.core.Future;
import io.vertx.core.json.JsonObject;
import io.vertx.sqlclient.Pool;
import io.vertx.sqlclient.Tuple;
import java.time.Instant;

/** Closing and reopening pages, and naming a page's author (for the "Author" badge). */
public final class PageService {
  private final Pool pool;
  private final SiteService sites;
  private final PageRepository pages;
  private final EventLog events;
  private final AuditLog audit;

  public PageService(Pool pool, SiteService sites, PageRepository pages, EventLog events, AuditLog audit) {
    this.pool = pool;
    this.sites = sites;
    this.pages = pages;
    this.events = events;
    this.audit = audit;
  }

  /** Applies {closed?, authorUserId?}; the page is created if it has no comment yet. */
  public Future<JsonObject> update(String siteId, String key, PageUpdate change, Actor actor) {
    java.util.Optional<Boolean> closed = change.closed();
    java.util.Optional<Boolean> premoderated = change.premoderated();
    boolean setAuthor = change.setsAuthor();
    Long authorUserId = change.authorUserId().orElse(null);
    if (key.isBlank() || key.length() > 512) {
      throw ApiError.notFound("page_not_found", "No such page");
    }
    return sites.get(siteId).compose(site -> pool.withTransaction(tx ->
        pages.upsertLocked(tx, site.id(), key, null, null).compose(page -> {
          Future<Void> author = !setAuthor ? Future.succeededFuture() : checkUser(tx, site, authorUserId)
              .compose(ignored -> pages.setAuthor(tx, page.id(), authorUserId));
          Future<Void> held = premoderated.filter(p -> p != page.premoderated())
              .map(p -> pages.setPremoderated(tx, page.id(), p)
                  .compose(x -> audit.record(tx, site.id(), actor,
                      p ? AuditAction.PREMODERATE_PAGE : AuditAction.STOP_PREMODERATING_PAGE, null, null, page.id(),
                      null)))
              .orElse(Future.succeededFuture());
          return author.compose(ignored -> held).compose(ignored -> closed.filter(c -> c != page.closed())
              .map(c -> pages.setClosed(tx, page.id(), c)
                  .compose(x -> events.append(tx, site.id(), page.id(),
                      c ? EventKind.PAGE_CLOSED : EventKind.PAGE_REOPENED, null, new JsonObject().put("page", key)))
                  .compose(x -> audit.record(tx, site.id(), actor, c ? AuditAction.CLOSE_PAGE : AuditAction.REOPEN_PAGE,
                      null, null, page.id(), null))
                  .<Void>mapEmpty())
              .orElse(Future.succeededFuture()));
        })).compose(ignored -> pages.find(pool, site.id(), key))
        .map(page -> page.orElseThrow().toJson(site.settings().autoCloseDays(), Instant.now())
            .put("authorUserId", page.get().authorUserId()).put("premoderated", page.get().premoderated())));
  }

  private Future<Void> checkUser(io.vertx.sqlclient.SqlClient tx, Site site, Long userId) {
    if (userId == null) {
      return Future.succeededFuture();
    }
    return tx.preparedQuery(PageSql.USER_ON_SITE).execute(Tuple.of(userId, site.id()))
        .map(rows -> {
          if (rows.size() == 0) {
            throw ApiError.unprocessable("user_not_found", "No user " + userId + " on this site");
          }
          return null;
        });
  }
}
