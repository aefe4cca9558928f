package dev.hearth.moderation;

import dev.hearth.auth.AuthUser;
import dev.hearth.comment.CommentAuthors;
import dev.hearth.comment.CommentLifecycle;
import dev.hearth.comment.CommentStatus;
import dev.hearth.event.EventKind;
import dev.hearth.event.EventLog;
import dev.hearth.role.Role;
import dev.hearth.role.RoleRepository;
import dev.hearth.site.SiteService;
import dev.hearth.web.ApiError;
import io.vertx.core.Future;
import io.vertx.core.json.JsonObject;
import io.vertx.sqlclient.Pool;
import io.vertx.sqlclient.Row;
import io.vertx.sqlclient.Tuple;
import java.util.Optional;

/**
 * Reporting a comment. One report per user per comment (a repeat answers success and counts
 * nothing), none on one's own comment, a daily cap per reporter. When the weighted score
 * passes the site's threshold the comment is hidden pending review, never deleted.
 */
public final class ReportService {
  static final int DAILY_CAP = 30;

  private final Pool pool;
  private final SiteService sites;
  private final CommentAuthors authors;
  private final RoleRepository roles;
  private final CommentLifecycle changes;
  private final EventLog events;

  public ReportService(Pool pool, SiteService sites, CommentAuthors authors, RoleRepository roles,
                       CommentLifecycle changes, EventLog events) {
    this.pool = pool;
    this.sites = sites;
    this.authors = authors;
    this.roles = roles;
    this.changes = changes;
    this.events = events;
  }

  public Future<JsonObject> report(long commentId, Optional<String> bearer, ModerationRequests.Report report) {
    String reason = report.reason();
    String note = report.note();
    return authors.required(bearer).compose(user -> pool.withTransaction(tx -> changes.lock(tx, commentId)
        .compose(comment -> {
          if (!comment.siteId().equals(user.siteId())) {
            throw ApiError.notFound("comment_not_found", "No comment " + commentId);
          }
          if (comment.authorId() == user.id()) {
            throw ApiError.forbidden("own_comment", "You cannot report your own comment");
          }
          if (!comment.status().isReportable()) {
            throw ApiError.conflict("not_reportable", "This comment is no longer shown");
          }
          return sites.get(comment.siteId()).compose(site -> reporter(tx, user)
              .compose(reporter -> tx.preparedQuery(ModerationSql.REPORTS_TODAY).execute(Tuple.of(user.id()))
                  .compose(today -> {
                    if (today.iterator().next().getLong("n") >= DAILY_CAP) {
                      throw new ApiError(429, "report_limit", "You have reported " + DAILY_CAP
                          + " comments today; thank you, moderators will look at them",
                          new JsonObject().put("retryAfter", 86_400));
                    }
                    double threshold = site.settings().reportHideThreshold();
                    double weight = ReportWeights.weight(reporter, threshold);
                    return tx.preparedQuery(ModerationSql.INSERT_REPORT)
                        .execute(Tuple.tuple().addString(site.id()).addLong(commentId).addLong(user.id())
                            .addString(reason).addString(note).addFloat((float) weight))
                        .compose(inserted -> inserted.size() == 0
                            ? Future.succeededFuture(answer(commentId).put("alreadyReported", true))
                            : counted(tx, comment, weight, threshold, inserted.iterator().next().getLong("id")));
                  })));
        })));
  }

  private Future<JsonObject> counted(io.vertx.sqlclient.SqlClient tx,
                                     dev.hearth.comment.CommentRepository.Changeable comment, double weight,
                                     double threshold, long reportId) {
    return tx.preparedQuery(ModerationSql.ADD_REPORT_SCORE).execute(Tuple.of(comment.id(), (float) weight))
        .compose(rows -> {
          double score = rows.iterator().next().getFloat("report_score");
          Future<Long> reported = events.append(tx, comment.siteId(), comment.pageId(), EventKind.REPORT_CREATED,
              comment.id(), new JsonObject().put("commentId", comment.id()).put("reportId", reportId));
          boolean hide = comment.status().isVisible() && score >= threshold - 1e-6;
          return reported.compose(ignored -> hide
                  ? changes.apply(tx, comment, CommentStatus.HIDDEN,
                      "Hidden after reports, pending a moderator's review", EventKind.COMMENT_HIDDEN)
                  : Future.<Void>succeededFuture())
              .map(ignored -> answer(comment.id()));
        });
  }

  private Future<ReportWeights.Reporter> reporter(io.vertx.sqlclient.SqlClient tx, AuthUser user) {
    return roles.find(tx, user.siteId(), user.id()).compose(role -> tx.preparedQuery(ModerationSql.REPORTER)
        .execute(Tuple.of(user.id())).map(rows -> {
          Row row = rows.iterator().next();
          return new ReportWeights.Reporter(row.getString("kind"), row.getBoolean("day_old"),
              row.getLong("visible_comments"), row.getLong("dismissed"), row.getLong("resolved"),
              role.map(r -> r.covers(Role.MODERATOR)).orElse(false));
        }));
  }

  /**
   * The answer to a report. A repeat changes nothing and says so (the reader can be told
   * politely); nothing in it tells the reporter how much their report weighs.
   */
  private static JsonObject answer(long commentId) {
    return new JsonObject().put("commentId", commentId).put("reported", true).put("alreadyReported", false);
  }
}
