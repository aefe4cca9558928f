package dev.hearth;

import dev.hearth.auth.AdminToken;
import dev.hearth.db.DatabaseTarget;
import dev.hearth.db.Durability;
import dev.hearth.db.EmbeddedDatabase;
import dev.hearth.db.EmbeddedSupervisor;
import dev.hearth.db.Migrations;
import dev.hearth.db.Pools;
import dev.hearth.event.EventListener;
import dev.hearth.flood.AddressHash;
import dev.hearth.live.LiveVerticle;
import dev.hearth.metrics.NodeMetrics;
import io.vertx.core.DeploymentOptions;
import io.vertx.core.Future;
import io.vertx.core.Vertx;
import io.vertx.sqlclient.Pool;
import java.time.Clock;
import java.util.List;
import java.util.Optional;
import java.util.concurrent.TimeUnit;
import java.util.function.Consumer;
import java.util.logging.Logger;

/**
 * A running Hearth node: database (embedded or configured), migrations, the shared pool and
 * one HTTP verticle per core. {@link #start} blocks until it serves; {@link #stop} undoes it all.
 */
public final class Hearth implements AutoCloseable {
  private static final Logger LOG = Logger.getLogger(Hearth.class.getName());

  private final Config config;
  private final Optional<EmbeddedDatabase> embedded;
  private final Vertx vertx;

  private Hearth(Config config, Optional<EmbeddedDatabase> embedded, Vertx vertx) {
    this.config = config;
    this.embedded = embedded;
    this.vertx = vertx;
  }

  public static Hearth start(Config config) {
    return start(config, token -> System.out.println(
        "\n  Hearth admin token (shown once; store it now, only its hash is kept):\n\n    " + token + "\n"));
  }

  public static Hearth start(Config config, Consumer<String> announceAdminToken) {
    return start(config, announceAdminToken, Clock.systemUTC());
  }

  /**
   * Starts with the clock that time limits (edit windows, message rates) are measured by;
   * tests pass one they can move forward instead of sleeping through a limit.
   */
  public static Hearth start(Config config, Consumer<String> announceAdminToken, Clock clock) {
    Optional<EmbeddedDatabase> embedded = Optional.empty();
    DatabaseTarget target;
    if (config.databaseUrl().isPresent()) {
      target = DatabaseTarget.fromUrl(config.databaseUrl().get());
    } else {
      LOG.info("No DATABASE_URL: starting the embedded PostgreSQL in " + config.dataDir());
      embedded = Optional.of(EmbeddedDatabase.start(config.dataDir()));
      target = embedded.get().target();
    }
    Vertx vertx = null;
    try {
      int applied = Migrations.apply(target);
      checkDurability(target, embedded.isPresent());
      LOG.info("Database schema up to date (" + applied + " migrations applied now)");
      NodeMetrics metrics = new NodeMetrics();
      vertx = metrics.newVertx();
      Vertx supervising = vertx;
      embedded.ifPresent(database -> EmbeddedSupervisor.watch(supervising, database));
      Pool pool = Pools.create(vertx, target, config.database());
      AdminToken adminToken = AdminToken.load(pool, config.adminToken(), announceAdminToken).await(60, TimeUnit.SECONDS);
      AddressHash addresses = AddressHash.load(pool).await(60, TimeUnit.SECONDS);
      Services services = Services.create(vertx, config, pool, adminToken, addresses, clock, metrics);
      services.demo().seedIfEmpty(config.ownOrigins(), config.publicUrl()).await(60, TimeUnit.SECONDS);
      vertx.deployVerticle(new LiveVerticle(services.liveHub(),
          new EventListener(vertx, target.connectOptions(), services.events())))
          .await(60, TimeUnit.SECONDS);
      vertx.deployVerticle(() -> new HttpVerticle(services), new DeploymentOptions().setInstances(config.verticles()))
          .await(60, TimeUnit.SECONDS);
      LOG.info("Hearth listens on http://" + config.host() + ":" + config.port() + " (public URL " + config.publicUrl() + ")");
      return new Hearth(config, embedded, vertx);
    } catch (Exception e) {
      if (vertx != null) {
        vertx.close();
      }
      embedded.ifPresent(EmbeddedDatabase::close);
      throw e instanceof RuntimeException runtime ? runtime : new IllegalStateException(e);
    }
  }


  /**
   * Refuses to start an embedded database that would lose acknowledged commits, and warns
   * loudly about an external one: its settings are the operator's to change.
   */
  private static void checkDurability(DatabaseTarget target, boolean embedded) {
    List<String> problems = Durability.problems(target);
    if (problems.isEmpty()) {
      return;
    }
    if (embedded) {
      throw new IllegalStateException("The embedded PostgreSQL would lose acknowledged comments: " + problems);
    }
    for (String problem : problems) {
      LOG.severe("DATABASE_URL: " + problem + ". Hearth answers a write after its commit; set it on so that "
          + "nothing acknowledged is lost (see docs/operations.md)");
    }
  }

  public Config config() {
    return config;
  }

  public Vertx vertx() {
    return vertx;
  }

  /**
   * Drains, then stops. Every verticle is undeployed at once, so all the HTTP servers stop
   * accepting together and answer what they accepted within the configured deadline, closing
   * live sockets with 1001 (see {@link HttpVerticle#stop}); only then are the pool and Vert.x
   * closed, and the embedded database last, so no accepted request meets a closed pool.
   */
  @Override
  public void close() {
    try {
      List<Future<Void>> undeploying = vertx.deploymentIDs().stream().map(vertx::undeploy).toList();
      Future.join(undeploying).await(config.shutdownSeconds() + 15L, TimeUnit.SECONDS);
    } catch (Exception e) {
      LOG.warning("Hearth did not drain cleanly: " + e.getMessage());
    }
    try {
      vertx.close().await(30, TimeUnit.SECONDS);
    } catch (Exception e) {
      LOG.warning("Vert.x did not close cleanly: " + e.getMessage());
    } finally {
      embedded.ifPresent(EmbeddedDatabase::close);
    }
  }
}
