package dev.hearth;

/** Starts Hearth from the environment and stops it cleanly on SIGTERM or Ctrl-C. */
public final class Main {
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
    Hearth hearth;
    try {
      hearth = Hearth.start(config);
    } catch (RuntimeException e) {
      System.err.println("hearth: could not start: " + e.getMessage());
      e.printStackTrace();
      System.exit(1);
      return;
    }
    Runtime.getRuntime().addShutdownHook(new Thread(hearth::close, "hearth-shutdown"));
    System.out.println("Hearth is running: open " + config.publicUrl() + "/demo");
  }
}
