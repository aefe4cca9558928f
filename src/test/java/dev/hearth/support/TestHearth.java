package dev.hearth.support;

import dev.hearth.Config;
import dev.hearth.Hearth;
import dev.hearth.db.DatabaseTarget;
import java.io.IOException;
import java.net.ServerSocket;
import java.util.HashMap;
import java.util.Map;
import org.junit.jupiter.api.extension.AfterAllCallback;
import org.junit.jupiter.api.extension.BeforeAllCallback;
import org.junit.jupiter.api.extension.ExtensionContext;
import org.junit.jupiter.api.extension.ParameterContext;
import org.junit.jupiter.api.extension.ParameterResolver;

/**
 * A real Hearth node for a test class, on its own fresh database, reached through real HTTP.
 * Use as {@code @RegisterExtension static TestHearth hearth = new TestHearth();}.
 */
public final class TestHearth implements BeforeAllCallback, AfterAllCallback, ParameterResolver {
  public static final String ADMIN_TOKEN = "test-admin-token-0123456789";

  private final TestClock clock = new TestClock();
  private DatabaseTarget database;
  private Hearth hearth;
  private Api api;

  @Override
  public void beforeAll(ExtensionContext context) {
    database = TestPostgres.freshDatabase();
    hearth = startNode(database, Map.of(), clock);
    api = new Api("http://127.0.0.1:" + hearth.config().port(), ADMIN_TOKEN);
  }

  @Override
  public void afterAll(ExtensionContext context) {
    if (hearth != null) {
      hearth.close();
    }
  }

  /** Starts another node on the same database (for multi-node tests); the caller closes it. */
  public static Hearth startNode(DatabaseTarget database) {
    return startNode(database, Map.of());
  }

  /** Another node on the same database with its own admin token (as after rotating it); the caller closes it. */
  public static Hearth startNode(DatabaseTarget database, String adminToken) {
    return startNode(database, Map.of("HEARTH_ADMIN_TOKEN", adminToken));
  }

  /** Starts another node with extra environment variables (e.g. HEARTH_TRUSTED_PROXIES). */
  public static Hearth startNode(DatabaseTarget database, Map<String, String> extraEnv) {
    return startNode(database, extraEnv, new TestClock());
  }

  private static Hearth startNode(DatabaseTarget database, Map<String, String> extraEnv, TestClock clock) {
    Map<String, String> env = new HashMap<>();
    env.put("DATABASE_URL", database.url());
    env.put("HEARTH_PORT", String.valueOf(freePort()));
    env.put("HEARTH_ADMIN_TOKEN", ADMIN_TOKEN);
    env.put("HEARTH_VERTICLES", "2");
    env.putAll(extraEnv);
    return Hearth.start(Config.from(env), token -> { }, clock);
  }

  public static int freePort() {
    try (ServerSocket socket = new ServerSocket(0)) {
      return socket.getLocalPort();
    } catch (IOException e) {
      throw new IllegalStateException(e);
    }
  }

  public Api api() {
    return api;
  }

  public DatabaseTarget database() {
    return database;
  }

  public Hearth node() {
    return hearth;
  }

  /** The clock of this class's node: advancing it moves the node past its time limits at once. */
  public TestClock clock() {
    return clock;
  }

  @Override
  public boolean supportsParameter(ParameterContext parameter, ExtensionContext extension) {
    return parameter.getParameter().getType() == Api.class;
  }

  @Override
  public Object resolveParameter(ParameterContext parameter, ExtensionContext extension) {
    return api;
  }
}
