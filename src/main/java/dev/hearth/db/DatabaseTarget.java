package dev.hearth.db;

import io.vertx.pgclient.PgConnectOptions;

/** Where the PostgreSQL database is; the reactive pool and the JDBC migration both derive from it. */
public record DatabaseTarget(String host, int port, String database, String user, String password) {

  /** Parses {@code postgresql://user:password@host:port/database?params}. */
  public static DatabaseTarget fromUrl(String url) {
    PgConnectOptions options;
    try {
      options = PgConnectOptions.fromUri(url.replaceFirst("^postgres://", "postgresql://"));
    } catch (RuntimeException e) {
      throw new IllegalArgumentException("DATABASE_URL is not a valid PostgreSQL URL: " + e.getMessage(), e);
    }
    return new DatabaseTarget(options.getHost(), options.getPort(), options.getDatabase(),
        options.getUser(), options.getPassword());
  }

  public PgConnectOptions connectOptions() {
    PgConnectOptions options = new PgConnectOptions()
        .setHost(host)
        .setPort(port)
        .setDatabase(database)
        .setUser(user)
        .setCachePreparedStatements(true)
        .setPipeliningLimit(16);
    return password == null ? options : options.setPassword(password);
  }

  public String jdbcUrl() {
    return "jdbc:postgresql://" + host + ":" + port + "/" + database;
  }

  public DatabaseTarget withDatabase(String otherDatabase) {
    return new DatabaseTarget(host, port, otherDatabase, user, password);
  }

  public String url() {
    return "postgresql://" + user + (password == null ? "" : ":" + password) + "@" + host + ":" + port + "/" + database;
  }
}
