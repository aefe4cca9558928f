package dev.hearth.event;

import static org.junit.jupiter.api.Assertions.assertEquals;

import java.time.Duration;
import org.junit.jupiter.api.Test;

class PrunePeriodTest {
  @Test
  void aQuarterOfTheRetentionBetweenTenSecondsAndAnHour() {
    assertEquals(Duration.ofHours(1), EventFeed.prunePeriod(Duration.ofDays(7)));
    assertEquals(Duration.ofHours(1), EventFeed.prunePeriod(Duration.ofHours(4)));
    assertEquals(Duration.ofSeconds(150), EventFeed.prunePeriod(Duration.ofMinutes(10)));
    assertEquals(Duration.ofSeconds(15), EventFeed.prunePeriod(Duration.ofMinutes(1)));
    assertEquals(Duration.ofSeconds(10), EventFeed.prunePeriod(Duration.ofSeconds(20)));
  }
}
