package dev.hearth;

import java.util.concurrent.CompletableFuture;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.TimeoutException;

/** Starts Hearth from the environment and stops it cleanly on SIGTERM or Ctrl-C. */
public final class Main {
  /** How long a SIGTERM that comes while Hearth starts waits for the start, to undo it. */
  private static final long START_WAIT_SECONDS = 180;

  private Main() {
  }

  public static void main(String[] args) {
    Config config;
    try {
      config = Config.fromEnvironment();
    } catch (Config.ConfigException e) {
      System.err.println("hearth: configuration error: " + e.getMessage());
      System.exit(2);
      return;
    }
    // Installed before the start, so a SIGTERM during it (a slow first start of the embedded
    // PostgreSQL, say) still stops the database once the start is done.
    CompletableFuture<Hearth> started = new CompletableFuture<>();
    Runtime.getRuntime().addShutdownHook(new Thread(() -> stop(started), "hearth-shutdown"));
    Hearth hearth;
    try {
      hearth = Hearth.start(config);
      started.complete(hearth);
    } catch (RuntimeException e) {
      started.completeExceptionally(e); // the start has undone itself
      System.err.println("hearth: could not start: " + e.getMessage());
      e.printStackTrace();
      System.exit(1);
      return;
    }
    System.out.println("Hearth is running: open " + config.publicUrl() + "/demo");
  }

  private static void stop(CompletableFuture<Hearth> started) {
    Hearth hearth;
    try {
      hearth = started.get(START_WAIT_SECONDS, TimeUnit.SECONDS);
    } catch (ExecutionException failedToStart) {
      return;
    } catch (InterruptedException | TimeoutException e) {
      System.err.println("hearth: stopped while still starting; nothing to close yet");
      return;
    }
    System.out.println("Hearth is shutting down: draining requests for up to "
        + hearth.config().shutdownSeconds() + " s");
    hearth.close();
    System.out.println("Hearth stopped");
  }
}
