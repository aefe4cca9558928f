package dev.hearth;

import dev.hearth.admin.AdminGuard;
import dev.hearth.admin.AdminSessions;
import dev.hearth.admin.AdminToken;
import dev.hearth.auth.Accounts;
import dev.hearth.auth.AdminGuesses;
import dev.hearth.auth.Tokens;
import dev.hearth.comment.CommentAuthors;
import dev.hearth.comment.CommentEdits;
import dev.hearth.comment.CommentRepository;
import dev.hearth.comment.CommentService;
import dev.hearth.comment.ThreadService;
import dev.hearth.demo.DemoSite;
import dev.hearth.event.EventLog;
import dev.hearth.flood.AddressHash;
import dev.hearth.flood.FloodControl;
import dev.hearth.idempotency.IdempotencyKeys;
import dev.hearth.page.PageRepository;
import dev.hearth.live.EventRenderer;
import dev.hearth.live.LiveHub;
import dev.hearth.live.LiveRoutes;
import dev.hearth.live.OriginPolicy;
import dev.hearth.audit.AuditLog;
import dev.hearth.moderation.CommentModeration;
import dev.hearth.moderation.ModerationQueue;
import dev.hearth.moderation.ModerationRoutes;
import dev.hearth.moderation.ReportService;
import dev.hearth.moderation.Sanctions;
import dev.hearth.moderation.StatusChanges;
import dev.hearth.moderation.UserModeration;
import dev.hearth.moderation.WriteRules;
import dev.hearth.page.PageService;
import dev.hearth.role.RoleRepository;
import dev.hearth.role.RoleService;
import dev.hearth.role.SiteAccess;
import dev.hearth.role.StaffDirectory;
import dev.hearth.site.SiteRepository;
import dev.hearth.site.SiteService;
import dev.hearth.vote.VoteRoutes;
import dev.hearth.vote.VoteService;
import dev.hearth.web.Templates;
import dev.hearth.workspace.WorkspaceRoutes;
import dev.hearth.workspace.WorkspaceWiring;
import io.vertx.core.Vertx;
import io.vertx.sqlclient.Pool;
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
    RoleService roles,
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
    Templates templates) {

  public static Services create(Vertx vertx, Config config, Pool pool, AdminToken adminToken, AddressHash addresses,
                                Clock clock) {
    SiteService sites = new SiteService(pool, new SiteRepository());
    PageRepository pageRepository = new PageRepository();
    CommentRepository commentRepository = new CommentRepository();
    EventLog events = new EventLog();
    Tokens tokens = new Tokens();
    RoleRepository roleRepository = new RoleRepository();
    StaffDirectory staff = new StaffDirectory(pool, roleRepository);
    SiteAccess access = new SiteAccess(pool, adminToken, tokens, roleRepository);
    CommentAuthors authors = new CommentAuthors(pool, tokens, commentRepository, new Sanctions());
    WriteRules writeRules = new WriteRules();
    CommentService posting = new CommentService(pool, sites, pageRepository, commentRepository, authors, events,
        new IdempotencyKeys(), staff, writeRules, new FloodControl(), addresses);
    Templates templates = new Templates();
    AuditLog audit = new AuditLog();
    LiveHub hub = new LiveHub(pool,
        new EventRenderer(pool, sites, pageRepository, commentRepository, staff, templates));
    OriginPolicy origins = new OriginPolicy(pool, config);
    AdminSessions adminSessions = new AdminSessions(adminToken);
    AdminGuesses adminGuesses = new AdminGuesses(pool, adminToken);
    LiveRoutes live = new LiveRoutes(hub, origins, sites, pool, adminToken, adminSessions, adminGuesses, tokens,
        roleRepository, clock);
    Accounts accounts = Accounts.create(vertx, pool, sites, tokens);
    StatusChanges changes = new StatusChanges(pageRepository, commentRepository, events);
    CommentModeration commentModeration = new CommentModeration(pool, changes, audit);
    UserModeration userModeration = new UserModeration(pool, commentModeration, audit);
    ModerationQueue queue = new ModerationQueue(pool, pageRepository);
    ModerationRoutes moderation = new ModerationRoutes(pool, access,
        new ReportService(pool, sites, authors, roleRepository, changes, events), commentModeration, userModeration,
        queue, audit);
    WorkspaceRoutes workspace = new WorkspaceRoutes(new WorkspaceWiring(pool, access, roleRepository,
        accounts.accounts(), tokens, adminSessions, adminGuesses, origins, templates, config.publicUrl(), queue, commentModeration,
        userModeration, audit));
    return new Services(config, pool, new AdminGuard(adminToken), adminGuesses, access, sites,
        new PageService(pool, sites, pageRepository, events, audit),
        new RoleService(pool, sites, roleRepository, staff),
        posting,
        new CommentEdits(pool, sites, pageRepository, commentRepository, authors, events, staff, writeRules, clock),
        new ThreadService(pool, sites, pageRepository, commentRepository, staff),
        new DemoSite(pool, sites, posting), accounts, hub, live, moderation, workspace,
        new VoteRoutes(new VoteService(pool, sites, pageRepository, commentRepository, authors, events, tokens)),
        templates);
  }
}
