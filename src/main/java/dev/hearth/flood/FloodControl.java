package dev.hearth.flood;

import dev.hearth.site.SiteSettings;
import dev.hearth.web.ApiError;
import io.vertx.core.Future;
import io.vertx.core.buffer.Buffer;
import io.vertx.core.json.JsonObject;
import io.vertx.sqlclient.Row;
import io.vertx.sqlclient.SqlClient;
import io.vertx.sqlclient.Tuple;
import java.nio.ByteBuffer;

/**
 * Limits on how fast comments may come, checked inside the transaction that writes the
 * comment, against the comments table itself, so they hold across every node sharing the
 * database:
 *
 * <ul>
 *   <li>the same text from the same writer (or, for non-staff, the same address) within the
 *       site's {@code duplicateWindowSeconds}: 409 {@code duplicate_comment}, naming the comment
 *       already there (a double submit, or a bot repeating itself under fresh names);</li>
 *   <li>at least {@code commentIntervalSeconds} between comments of one writer and of one
 *       address, three times that for writers whose account is younger than a day;</li>
 *   <li>at most {@code newAccountDailyLimit} comments in an account's first day.</li>
 * </ul>
 *
 * Limits answer 429 {@code rate_limited} with {@code retryAfter} (and the Retry-After header).
 * Staff of the site are held only to the duplicate check. Advisory locks on the writer and
 * the address make concurrent posts wait for each other, so two requests racing on two nodes
 * cannot both slip under a limit.
 */
public final class FloodControl {
  /** How much longer a young account waits between comments than an established one. */
  static final int YOUNG_ACCOUNT_FACTOR = 3;
  static final int YOUNG_ACCOUNT_SECONDS = 24 * 3600;

  // Lock keys live in one 64-bit space shared with nothing else in Hearth; a collision between
  // a writer's and an address's key only makes two posts wait for each other.
  private static final long WRITER_KEY_SALT = 0x6865617274680001L;

  /** Who is writing, from where, and what. {@code userId} is null for a new anonymous writer. */
  public record Attempt(Long userId, boolean staff, byte[] addressHash, String body) {
  }

  public Future<Void> check(SqlClient tx, String siteId, SiteSettings settings, Attempt attempt) {
    int interval = settings.commentIntervalSeconds();
    Future<Void> locked = Future.succeededFuture();
    if (attempt.userId() != null) {
      locked = lock(tx, WRITER_KEY_SALT ^ mix(attempt.userId()));
    }
    if (!attempt.staff() && interval > 0) {
      // Without an interval nothing counts per address but duplicates, which a few
      // milliseconds of race cannot matter to; skipping the lock keeps busy shared
      // addresses (a test rig, an office behind NAT on a site without limits) unserialized.
      locked = locked.compose(ignored -> lock(tx, ByteBuffer.wrap(attempt.addressHash()).getLong()));
    }
    // The state is read in a statement of its own, after the locks: under READ COMMITTED each
    // statement sees what was committed when it began, so only a later statement sees the
    // comment of the transaction we waited for.
    return locked.compose(ignored -> tx.preparedQuery(FloodSql.STATE).execute(Tuple.tuple()
            .addLong(attempt.userId())
            .addString(siteId)
            .addBuffer(Buffer.buffer(attempt.addressHash()))
            .addString(attempt.body())
            .addInteger(settings.duplicateWindowSeconds())
            .addBoolean(attempt.staff())))
        .map(rows -> {
          judge(rows.iterator().next(), settings, attempt.staff());
          return null;
        });
  }

  private static void judge(Row state, SiteSettings settings, boolean staff) {
    Long duplicate = state.getLong("duplicate_of");
    // A window of 0 turns the check off. The query alone would still match the same text that
    // a transaction begun after ours committed while we waited: it is stamped after our now().
    if (duplicate != null && settings.duplicateWindowSeconds() > 0) {
      throw new ApiError(409, "duplicate_comment", "You posted this same comment a moment ago",
          new JsonObject().put("commentId", duplicate));
    }
    if (staff) {
      return;
    }
    Double userAge = state.getDouble("user_age");
    boolean young = userAge != null && userAge < YOUNG_ACCOUNT_SECONDS;
    int interval = settings.commentIntervalSeconds();
    int writerInterval = young ? interval * YOUNG_ACCOUNT_FACTOR : interval;
    Double sinceUser = state.getDouble("since_user");
    if (writerInterval > 0 && sinceUser != null && sinceUser < writerInterval) {
      throw tooSoon(writerInterval - sinceUser, young
          ? "New accounts may post one comment every " + writerInterval + " seconds"
          : "This site allows one comment every " + writerInterval + " seconds");
    }
    Double sinceAddress = state.getDouble("since_address");
    if (interval > 0 && sinceAddress != null && sinceAddress < interval) {
      throw tooSoon(interval - sinceAddress, "This site allows one comment every " + interval
          + " seconds from one network address");
    }
    if (young && state.getInteger("user_last_day") >= settings.newAccountDailyLimit()) {
      throw tooSoon(YOUNG_ACCOUNT_SECONDS - userAge, "New accounts may post " + settings.newAccountDailyLimit()
          + " comments on their first day");
    }
  }

  private static ApiError tooSoon(double waitSeconds, String rule) {
    long retryAfter = Math.max(1, (long) Math.ceil(waitSeconds));
    return new ApiError(429, "rate_limited", rule + "; try again in " + retryAfter + " seconds",
        new JsonObject().put("retryAfter", retryAfter));
  }

  private static Future<Void> lock(SqlClient tx, long key) {
    return tx.preparedQuery(FloodSql.LOCK).execute(Tuple.of(key)).mapEmpty();
  }

  /** Spreads consecutive user ids over the key space (SplitMix64's finalizer). */
  private static long mix(long value) {
    long z = value + 0x9E3779B97F4A7C15L;
    z = (z ^ (z >>> 30)) * 0xBF58476D1CE4E5B9L;
    z = (z ^ (z >>> 27)) * 0x94D049BB133111EBL;
    return z ^ (z >>> 31);
  }
}
