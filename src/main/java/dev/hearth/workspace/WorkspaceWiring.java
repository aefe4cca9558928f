package dev.hearth.workspace;

import dev.hearth.account.AccountService;
import dev.hearth.audit.AuditLog;
import dev.hearth.auth.AdminGuesses;
import dev.hearth.auth.AdminSessions;
import dev.hearth.auth.IdentityResolver;
import dev.hearth.auth.Tokens;
import dev.hearth.moderation.CommentModeration;
import dev.hearth.moderation.ModerationQueue;
import dev.hearth.moderation.ModerationTargets;
import dev.hearth.moderation.UserModeration;
import dev.hearth.role.SiteAccess;
import dev.hearth.site.OriginPolicy;
import dev.hearth.web.Templates;
import io.vertx.sqlclient.Pool;

/** What the workspace is built from: the moderation services it acts through and the sign-in it reuses. */
public record WorkspaceWiring(Pool pool, SiteAccess access, IdentityResolver identities, AccountService accounts,
                              Tokens tokens, AdminSessions adminSessions, AdminGuesses adminGuesses,
                              OriginPolicy origins, Templates templates,
                              String publicUrl, ModerationQueue queue, ModerationTargets targets,
                              CommentModeration comments, UserModeration users, AuditLog audit) {
}
