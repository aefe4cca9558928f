package dev.hearth.web;

import java.time.OffsetDateTime;
import java.time.temporal.ChronoUnit;

/** How every time in Hearth's JSON is written: ISO-8601 in UTC, to the millisecond. */
public final class JsonTime {
  private JsonTime() {
  }

  public static String of(OffsetDateTime time) {
    return time == null ? null : time.toInstant().truncatedTo(ChronoUnit.MILLIS).toString();
  }
}
