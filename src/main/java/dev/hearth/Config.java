package dev.hearth;

import dev.hearth.db.PoolLimits;
import dev.hearth.web.TrustedProxies;
import java.nio.file.Path;
import java.time.Duration;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Optional;

/**
 * Hearth's configuration, read once from the environment at start. Every value is checked
 * here so a typo fails the start with a message naming the variable, not a stack trace later.
 */
public record Config(
    int port,
    String host,
    Optional<String> databaseUrl,
    Path dataDir,
    Optional<String> adminToken,
    String publicUrl,
    int verticles,
    TrustedProxies trustedProxies,
    Duration requestTimeout,
    PoolLimits database,
    int shutdownSeconds,
    Duration eventRetention) {

  /** HEARTH_EVENT_RETENTION_MINUTES' default: events are kept a week for resuming live updates. */
  public static final int DEFAULT_EVENT_RETENTION_MINUTES = 7 * 24 * 60;

  /** Hearth's own origins: the public URL, and the loopback names for the configured port. */
  public List<String> ownOrigins() {
    LinkedHashSet<String> origins = new LinkedHashSet<>();
    origins.add(publicUrl);
    origins.add("http://localhost:" + port);
    origins.add("http://127.0.0.1:" + port);
    return List.copyOf(origins);
  }

  public static Config fromEnvironment() {
    return from(System.getenv());
  }

  public static Config from(Map<String, String> env) {
    int port = intValue(env, "HEARTH_PORT", 8080, 1, 65535);
    String host = nonBlank(env, "HEARTH_HOST", "127.0.0.1");
    Optional<String> databaseUrl = optional(env, "DATABASE_URL");
    databaseUrl.ifPresent(Config::checkDatabaseUrl);
    Path dataDir = Path.of(nonBlank(env, "HEARTH_DATA_DIR", "./data")).toAbsolutePath().normalize();
    Optional<String> adminToken = optional(env, "HEARTH_ADMIN_TOKEN");
    adminToken.ifPresent(token -> {
      if (token.length() < 16) {
        throw new ConfigException("HEARTH_ADMIN_TOKEN must be at least 16 characters long");
      }
    });
    String defaultPublicUrl = "http://" + ("0.0.0.0".equals(host) || "127.0.0.1".equals(host) ? "localhost" : host) + ":" + port;
    String publicUrl = stripTrailingSlash(nonBlank(env, "HEARTH_PUBLIC_URL", defaultPublicUrl));
    if (!publicUrl.matches("https?://[^/\\s]+")) {
      throw new ConfigException("HEARTH_PUBLIC_URL must be an origin such as https://comments.example.org, got: " + publicUrl);
    }
    int verticles = intValue(env, "HEARTH_VERTICLES", Runtime.getRuntime().availableProcessors(), 1, 256);
    TrustedProxies trustedProxies;
    try {
      trustedProxies = optional(env, "HEARTH_TRUSTED_PROXIES").map(TrustedProxies::parse).orElse(TrustedProxies.NONE);
    } catch (IllegalArgumentException e) {
      throw new ConfigException("HEARTH_TRUSTED_PROXIES: " + e.getMessage());
    }
    Duration requestTimeout = Duration.ofMillis(intValue(env, "HEARTH_REQUEST_TIMEOUT_MS", 10_000, 100, 600_000));
    PoolLimits database = new PoolLimits(
        intValue(env, "HEARTH_DB_POOL_SIZE", PoolLimits.DEFAULT.size(), 1, 1_000),
        Duration.ofMillis(intValue(env, "HEARTH_DB_POOL_WAIT_MS", (int) PoolLimits.DEFAULT.maxWait().toMillis(), 1, 600_000)),
        intValue(env, "HEARTH_DB_WAIT_QUEUE", PoolLimits.DEFAULT.waitQueue(), 0, 1_000_000),
        requestTimeout);
    // How long SIGTERM waits for requests already accepted to be answered before closing them.
    int shutdownSeconds = intValue(env, "HEARTH_SHUTDOWN_SECONDS", 10, 1, 3600);
    Duration eventRetention = Duration.ofMinutes(
        intValue(env, "HEARTH_EVENT_RETENTION_MINUTES", DEFAULT_EVENT_RETENTION_MINUTES, 1, 366 * 24 * 60));
    return new Config(port, host, databaseUrl, dataDir, adminToken, publicUrl, verticles, trustedProxies,
        requestTimeout, database, shutdownSeconds, eventRetention);
  }

  private static void checkDatabaseUrl(String url) {
    if (!url.matches("(postgres|postgresql)://.+")) {
      throw new ConfigException("DATABASE_URL must look like postgresql://user:password@host:5432/database");
    }
  }

  private static Optional<String> optional(Map<String, String> env, String name) {
    String value = env.get(name);
    return value == null || value.isBlank() ? Optional.empty() : Optional.of(value.trim());
  }

  private static String nonBlank(Map<String, String> env, String name, String fallback) {
    return optional(env, name).orElse(fallback);
  }

  private static int intValue(Map<String, String> env, String name, int fallback, int min, int max) {
    Optional<String> raw = optional(env, name);
    if (raw.isEmpty()) {
      return fallback;
    }
    try {
      int value = Integer.parseInt(raw.get());
      if (value < min || value > max) {
        throw new ConfigException(name + " must be between " + min + " and " + max + ", got " + value);
      }
      return value;
    } catch (NumberFormatException e) {
      throw new ConfigException(name + " must be a whole number, got: " + raw.get());
    }
  }

  private static String stripTrailingSlash(String url) {
    return url.endsWith("/") ? url.substring(0, url.length() - 1) : url;
  }

  /** A configuration mistake: the message is shown to the operator as is. */
  public static final class ConfigException extends RuntimeException {
    public ConfigException(String message) {
      super(message);
    }
  }
}
