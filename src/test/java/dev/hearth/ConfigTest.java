package dev.hearth;

import static org.junit.jupiter.api.Assertions.assertDoesNotThrow;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

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
    assertEquals(Duration.ofDays(7), config.eventRetention());
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
    assertMessage(Map.of("HEARTH_TRUSTED_PROXIES", "proxy.internal"), "HEARTH_TRUSTED_PROXIES");
    assertMessage(Map.of("HEARTH_TRUSTED_PROXIES", "10.0.0.0/33"), "HEARTH_TRUSTED_PROXIES");
    assertMessage(Map.of("HEARTH_TRUSTED_PROXIES", "10.0.0.1, ::1/abc"), "HEARTH_TRUSTED_PROXIES");
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
