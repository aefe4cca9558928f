package dev.hearth.db;

import io.vertx.core.Vertx;
import java.util.concurrent.atomic.AtomicBoolean;
import java.util.logging.Level;
import java.util.logging.Logger;

/**
 * Keeps the embedded PostgreSQL running: checks every second whether its server process died
 * (killed, out of memory) and starts it again on the same port. Meanwhile requests are answered
 * 503 database_unavailable; afterwards the pool opens fresh connections and the notification
 * listener reconnects and catches its followers up, so Hearth carries on without a restart.
 */
public final class EmbeddedSupervisor {
  private static final Logger LOG = Logger.getLogger(EmbeddedSupervisor.class.getName());
  private static final long CHECK_EVERY_MS = 1_000;

  private EmbeddedSupervisor() {
  }

  /** Starts watching; the timer ends with Vert.x. */
  public static void watch(Vertx vertx, EmbeddedDatabase database) {
    if (!EmbeddedDatabase.supervisable()) {
      LOG.warning("No /proc on this system: the embedded PostgreSQL is not watched; if it dies, restart Hearth");
      return;
    }
    AtomicBoolean checking = new AtomicBoolean();
    vertx.setPeriodic(CHECK_EVERY_MS, id -> {
      if (!checking.compareAndSet(false, true)) {
        return; // a restart is still under way
      }
      vertx.executeBlocking(() -> restartIfDead(database), false)
          .onComplete(done -> {
            checking.set(false);
            if (done.failed()) {
              LOG.log(Level.SEVERE, "The embedded PostgreSQL could not be started again; trying again in a second",
                  done.cause());
            }
          });
    });
  }

  private static Void restartIfDead(EmbeddedDatabase database) {
    if (!database.died()) {
      return null;
    }
    LOG.severe("The embedded PostgreSQL stopped running; starting it again (requests get 503 until it is back)");
    long started = System.nanoTime();
    database.restart();
    LOG.warning("The embedded PostgreSQL is back after " + (System.nanoTime() - started) / 1_000_000
        + " ms of crash recovery and start-up");
    return null;
  }
}
