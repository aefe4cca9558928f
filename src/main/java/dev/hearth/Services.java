package dev.hearth;

import dev.hearth.account.Accounts;
import dev.hearth.audit.AuditLog;
import dev.hearth.auth.AdminGuard;
import dev.hearth.auth.AdminGuesses;
import dev.hearth.auth.AdminSessions;
import dev.hearth.auth.AdminToken;
import dev.hearth.auth.IdentityResolver;
import dev.hearth.auth.Tokens;
import dev.hearth.comment.CommentAuthors;
import dev.hearth.comment.CommentEdits;
import dev.hearth.comment.CommentLifecycle;
import dev.hearth.comment.CommentRepository;
import dev.hearth.comment.CommentService;
import dev.hearth.comment.CommentViews;
import dev.hearth.comment.Sanctions;
import dev.hearth.comment.ThreadService;
import dev.hearth.demo.DemoSite;
import dev.hearth.event.EventFeed;
import dev.hearth.event.EventLog;
import dev.hearth.flood.AddressHash;
import dev.hearth.flood.FloodControl;
import dev.hearth.idempotency.IdempotencyKeys;
import dev.hearth.live.LiveHub;
import dev.hearth.live.LiveRoutes;
import dev.hearth.metrics.NodeMetrics;
import dev.hearth.moderation.CommentModeration;
import dev.hearth.moderation.ModerationQueue;
import dev.hearth.moderation.ModerationRoutes;
import dev.hearth.moderation.ModerationTargets;
import dev.hearth.moderation.ReportService;
import dev.hearth.moderation.UserModeration;
import dev.hearth.page.PageRepository;
import dev.hearth.page.PageService;
import dev.hearth.role.RoleRepository;
import dev.hearth.role.SiteAccess;
import dev.hearth.role.StaffDirectory;
import dev.hearth.rules.WriteRules;
import dev.hearth.site.OriginPolicy;
import dev.hearth.site.SiteRepository;
import dev.hearth.site.SiteService;
import dev.hearth.site.StaffService;
import dev.hearth.view.EventFrames;
import dev.hearth.vote.VoteRoutes;
import dev.hearth.vote.VoteService;
import dev.hearth.web.Assets;
import dev.hearth.web.Draining;
import dev.hearth.web.Templates;
import dev.hearth.workspace.WorkspaceRoutes;
import dev.hearth.workspace.WorkspaceWiring;
import io.vertx.core.Vertx;
import io.vertx.sqlclient.Pool;
import java.nio.file.Path;
import java.time.Clock;

/**
 * The object graph of one Hearth process, built once and shared by every HTTP verticle.
 * Services hold no per-request state, so sharing them across event loops is safe.
 */
public record Services(
    Config config,
    Pool pool,
    AdminGuard admin,
    AdminGuesses adminGuesses,
    SiteAccess access,
    SiteService sites,
    PageService pages,
    StaffService roles,
    CommentService posting,
    CommentEdits edits,
    ThreadService threads,
    DemoSite demo,
    Accounts accounts,
    LiveHub liveHub,
    LiveRoutes live,
    ModerationRoutes moderation,
    WorkspaceRoutes workspace,
    VoteRoutes votes,
    Templates templates,
    CommentViews views,
    IdentityResolver identities,
    EventFeed events,
    Assets assets,
    Draining draining,
    NodeMetrics metrics) {

  public static Services create(Vertx vertx, Config config, Pool pool, AdminToken adminToken, AddressHash addresses,
                                Clock clock, NodeMetrics metrics) {
    SiteRepository siteRepository = new SiteRepository();
    SiteService sites = new SiteService(pool, siteRepository);
    PageRepository pageRepository = new PageRepository();
    CommentRepository commentRepository = new CommentRepository();
    EventLog events = new EventLog();
    Tokens tokens = new Tokens();
    RoleRepository roleRepository = new RoleRepository();
    StaffDirectory staff = new StaffDirectory(pool, roleRepository);
    AdminSessions adminSessions = new AdminSessions(adminToken);
    IdentityResolver identities = new IdentityResolver(pool, adminToken, adminSessions, tokens);
    SiteAccess access = new SiteAccess(pool, identities, roleRepository);
    CommentAuthors authors = new CommentAuthors(pool, tokens, identities, commentRepository, new Sanctions());
    WriteRules writeRules = new WriteRules();
    CommentService posting = new CommentService(pool, sites, pageRepository, commentRepository, authors, events,
        new IdempotencyKeys(), staff, writeRules, new FloodControl(), addresses);
    Templates templates = new Templates();
    CommentViews views = new CommentViews(pool, sites, pageRepository, commentRepository, staff);
    AuditLog audit = new AuditLog(pool);
    EventFeed feed = new EventFeed(pool, config.eventRetention());
    metrics.watch(feed);
    LiveHub hub = new LiveHub(feed,
        new EventFrames(views, templates));
    OriginPolicy origins = new OriginPolicy(pool, siteRepository, config.ownOrigins());
    AdminGuesses adminGuesses = new AdminGuesses(pool, adminToken);
    Draining draining = new Draining();
    LiveRoutes live = new LiveRoutes(new LiveRoutes.Wiring(hub, origins, identities, access, adminGuesses, clock,
        draining));
    Accounts accounts = Accounts.create(vertx, pool, sites, tokens, identities);
    CommentLifecycle changes = new CommentLifecycle(pageRepository, commentRepository, events);
    CommentModeration commentModeration = new CommentModeration(pool, changes, audit);
    UserModeration userModeration = new UserModeration(pool, commentModeration, audit);
    ModerationQueue queue = new ModerationQueue(pool, pageRepository);
    ModerationTargets targets = new ModerationTargets(pool);
    ModerationRoutes moderation = new ModerationRoutes(targets, access,
        new ReportService(pool, sites, authors, roleRepository, changes, events), commentModeration, userModeration,
        queue, audit);
    WorkspaceRoutes workspace = new WorkspaceRoutes(new WorkspaceWiring(pool, access, identities,
        accounts.accounts(), tokens, adminSessions, adminGuesses, origins, templates, config.publicUrl(), queue, targets,
        commentModeration,
        userModeration, audit));
    return new Services(config, pool, new AdminGuard(adminToken), adminGuesses, access, sites,
        new PageService(pool, sites, pageRepository, events, audit),
        new StaffService(pool, sites, roleRepository, staff),
        posting,
        new CommentEdits(pool, sites, commentRepository, authors, changes, views, writeRules, clock),
        new ThreadService(pool, sites, pageRepository, commentRepository, staff),
        new DemoSite(sites, posting), accounts, hub, live, moderation, workspace,
        new VoteRoutes(new VoteService(pool, sites, changes, authors, identities)),
        templates, views, identities, feed, new Assets(Path.of("webroot")), draining, metrics);
  }
}
