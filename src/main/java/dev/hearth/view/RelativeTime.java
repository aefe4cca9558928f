package dev.hearth.view;

import java.time.Duration;
import java.time.Instant;
import java.time.ZoneOffset;
import java.time.format.DateTimeFormatter;
import java.util.Locale;

/** "5 minutes ago" for recent times, a date for older ones; the exact time is in the datetime attribute. */
public final class RelativeTime {
  private static final DateTimeFormatter DATE = DateTimeFormatter.ofPattern("d MMM yyyy", Locale.ENGLISH)
      .withZone(ZoneOffset.UTC);

  private RelativeTime() {
  }

  public static String describe(Instant then, Instant now) {
    long seconds = Math.max(0, Duration.between(then, now).getSeconds());
    if (seconds < 45) {
      return "just now";
    }
    if (seconds < 3600) {
      return plural(Math.max(1, Math.round(seconds / 60.0)), "minute");
    }
    if (seconds < 86_400) {
      return plural(Math.round(seconds / 3600.0), "hour");
    }
    if (seconds < 30 * 86_400L) {
      return plural(Math.round(seconds / 86_400.0), "day");
    }
    return DATE.format(then);
  }

  private static String plural(long n, String unit) {
    return n + " " + unit + (n == 1 ? "" : "s") + " ago";
  }
}
