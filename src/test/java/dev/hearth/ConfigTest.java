package dev.hearth;

import static org.junit.jupiter.api.Assertions.assertDoesNotThrow;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.hearth.db.PoolLimits;
import java.time.Duration;
import java.util.Map;
import org.junit.jupiter.api.Test;

class ConfigTest {
  @Test
  void defaultsMatchTheReadme() {
    Config config = Config.from(Map.of());
    assertEquals(8080, config.port());
    assertEquals("127.0.0.1", config.host());
    assertTrue(config.databaseUrl().isEmpty());
    assertTrue(config.dataDir().endsWith("data"));
    assertEquals("http://localhost:8080", config.publicUrl());
    assertEquals(Duration.ofSeconds(10), config.requestTimeout());
    assertEquals(new PoolLimits(16, Duration.ofSeconds(5), 1_000, Duration.ofSeconds(10)), config.database());
    assertEquals(10, config.shutdownSeconds());
    assertEquals(Duration.ofDays(7), config.eventRetention());
  }

  @Test
  void databaseLimitsComeFromTheirVariables() {
    Config config = Config.from(Map.of("HEARTH_REQUEST_TIMEOUT_MS", "2500", "HEARTH_DB_POOL_SIZE", "4",
        "HEARTH_DB_POOL_WAIT_MS", "750", "HEARTH_DB_WAIT_QUEUE", "0"));
    assertEquals(Duration.ofMillis(2500), config.requestTimeout());
    assertEquals(new PoolLimits(4, Duration.ofMillis(750), 0, Duration.ofMillis(2500)), config.database(),
        "the statement timeout is the request deadline");
  }

  @Test
  void eventRetentionIsGivenInMinutes() {
    assertEquals(Duration.ofMinutes(10),
        Config.from(Map.of("HEARTH_EVENT_RETENTION_MINUTES", "10")).eventRetention());
    assertMessage(Map.of("HEARTH_EVENT_RETENTION_MINUTES", "0"), "HEARTH_EVENT_RETENTION_MINUTES");
    assertMessage(Map.of("HEARTH_EVENT_RETENTION_MINUTES", "a week"), "HEARTH_EVENT_RETENTION_MINUTES");
    assertMessage(Map.of("HEARTH_EVENT_RETENTION_MINUTES", "600000"), "HEARTH_EVENT_RETENTION_MINUTES");
  }

  @Test
  void badValuesFailFastNamingTheVariable() {
    assertMessage(Map.of("HEARTH_PORT", "eighty"), "HEARTH_PORT");
    assertMessage(Map.of("HEARTH_PORT", "70000"), "HEARTH_PORT");
    assertMessage(Map.of("DATABASE_URL", "mysql://x"), "DATABASE_URL");
    assertMessage(Map.of("HEARTH_ADMIN_TOKEN", "short"), "HEARTH_ADMIN_TOKEN");
    assertMessage(Map.of("HEARTH_PUBLIC_URL", "comments.example.org/path"), "HEARTH_PUBLIC_URL");
    assertMessage(Map.of("HEARTH_VERTICLES", "0"), "HEARTH_VERTICLES");
    assertMessage(Map.of("HEARTH_REQUEST_TIMEOUT_MS", "10"), "HEARTH_REQUEST_TIMEOUT_MS");
    assertMessage(Map.of("HEARTH_DB_POOL_SIZE", "0"), "HEARTH_DB_POOL_SIZE");
    assertMessage(Map.of("HEARTH_DB_POOL_WAIT_MS", "soon"), "HEARTH_DB_POOL_WAIT_MS");
    assertMessage(Map.of("HEARTH_DB_WAIT_QUEUE", "-1"), "HEARTH_DB_WAIT_QUEUE");
    assertMessage(Map.of("HEARTH_TRUSTED_PROXIES", "proxy.internal"), "HEARTH_TRUSTED_PROXIES");
    assertMessage(Map.of("HEARTH_TRUSTED_PROXIES", "10.0.0.0/33"), "HEARTH_TRUSTED_PROXIES");
    assertMessage(Map.of("HEARTH_TRUSTED_PROXIES", "10.0.0.1, ::1/abc"), "HEARTH_TRUSTED_PROXIES");
    assertMessage(Map.of("HEARTH_SHUTDOWN_SECONDS", "0"), "HEARTH_SHUTDOWN_SECONDS");
    assertMessage(Map.of("HEARTH_SHUTDOWN_SECONDS", "10s"), "HEARTH_SHUTDOWN_SECONDS");
    assertMessage(Map.of("HEARTH_SHUTDOWN_SECONDS", "3601"), "HEARTH_SHUTDOWN_SECONDS");
  }

  @Test
  void theShutdownDeadlineIsReadInSeconds() {
    assertEquals(30, Config.from(Map.of("HEARTH_SHUTDOWN_SECONDS", "30")).shutdownSeconds());
  }

  @Test
  void trustedProxiesTakeAddressesAndRanges() {
    assertDoesNotThrow(() -> Config.from(Map.of("HEARTH_TRUSTED_PROXIES", "127.0.0.1, 10.0.0.0/8 ,::1, fd00::/8, [::2]")));
  }

  private static void assertMessage(Map<String, String> env, String variable) {
    Config.ConfigException e = assertThrows(Config.ConfigException.class, () -> Config.from(env));
    assertTrue(e.getMessage().contains(variable), e.getMessage());
  }
}
