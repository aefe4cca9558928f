package dev.hearth;

import dev.hearth.admin.AdminGuard;
import dev.hearth.admin.AdminToken;
import dev.hearth.comment.CommentRepository;
import dev.hearth.comment.CommentService;
import dev.hearth.demo.DemoSite;
import dev.hearth.event.EventLog;
import dev.hearth.idempotency.IdempotencyKeys;
import dev.hearth.page.PageRepository;
import dev.hearth.site.SiteRepository;
import dev.hearth.site.SiteService;
import dev.hearth.web.Templates;
import io.vertx.sqlclient.Pool;

/**
 * The object graph of one Hearth process, built once and shared by every HTTP verticle.
 * Services hold no per-request state, so sharing them across event loops is safe.
 */
public record Services(
    Config config,
    Pool pool,
    AdminGuard admin,
    SiteService sites,
    CommentService comments,
    DemoSite demo,
    Templates templates) {

  public static Services create(Config config, Pool pool, AdminToken adminToken) {
    SiteService sites = new SiteService(pool, new SiteRepository());
    CommentService comments = new CommentService(pool, sites, new PageRepository(), new CommentRepository(),
        new EventLog(), new IdempotencyKeys());
    return new Services(config, pool, new AdminGuard(adminToken), sites, comments,
        new DemoSite(pool, sites, comments), new Templates());
  }
}
