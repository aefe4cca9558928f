package dev.hearth.rules;

import com.github.benmanes.caffeine.cache.Cache;
import com.github.benmanes.caffeine.cache.Caffeine;
import dev.hearth.site.Site;
import dev.hearth.site.SiteSettings;
import dev.hearth.web.ApiError;
import io.vertx.core.Future;
import io.vertx.sqlclient.Row;
import io.vertx.sqlclient.SqlClient;
import io.vertx.sqlclient.Tuple;

/**
 * Auto-moderation at write time: the site's rules applied to a new comment with what is known
 * of its author and page. A banned word refuses the comment (422); any other rule holds it for
 * review and records which. Word lists are folded once per site settings, not per comment.
 */
public final class WriteRules {

  private final AutoModeration rules = new AutoModeration(new LinkCounter());
  private final Cache<SiteSettings, Lists> lists = Caffeine.newBuilder().maximumSize(1_000).build();

  private record Lists(WordList banned, WordList suspect) {
  }

  /** What to do with a new comment; throws 422 when a banned word refuses it. */
  public Future<Verdict> judge(SqlClient tx, Site site, Long authorId, boolean pagePremoderated, String body) {
    Future<Row> author = authorId == null
        ? Future.succeededFuture(null)
        : tx.preparedQuery(RulesSql.AUTHOR).execute(Tuple.of(authorId)).map(rows -> rows.size() == 0 ? null : rows.iterator().next());
    return author.map(row -> {
      SiteSettings settings = site.settings();
      Lists words = lists(settings);
      Verdict verdict = rules.judge(new AutoModeration.Input(body, words.banned(), words.suspect(), settings.maxLinks(),
          settings.premoderation(), settings.newAuthorHeldCount(),
          row == null ? 0 : row.getLong("visible_comments"),
          row == null ? 0 : row.getLong("rejected_recent").intValue(),
          row == null ? 0 : row.getLong("total_recent").intValue(),
          row != null && row.getBoolean("premoderated"), pagePremoderated));
      refuseIfRejected(verdict);
      return verdict;
    });
  }

  /** For edits: only a banned word matters (holding an edited comment would hide it mid-conversation). */
  public void checkBannedWords(Site site, String body) {
    lists(site.settings()).banned().firstMatch(body).ifPresent(word ->
        refuseIfRejected(Verdict.reject(Verdict.BANNED_WORD, word)));
  }

  private Lists lists(SiteSettings settings) {
    return lists.get(settings, s -> new Lists(WordList.of(s.bannedWords()), WordList.of(s.suspectWords())));
  }

  private static void refuseIfRejected(Verdict verdict) {
    if (verdict.action() == Verdict.Action.REJECT) {
      // The matched word is not echoed: it would teach the writer what to disguise.
      throw ApiError.unprocessable("comment_refused", "This comment contains words this site does not allow");
    }
  }

}
