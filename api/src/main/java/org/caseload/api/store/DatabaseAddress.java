package org.caseload.api.store;

import io.vertx.pgclient.PgConnectOptions;

/**
 * Where the database is: a {@code postgresql://user:password@host:port/database} URL (as in
 * {@code CASELOAD_DB_URL}), turned into the options of the Vert.x client and the JDBC URL
 * that Flyway needs for migrations.
 */
public record DatabaseAddress(String host, int port, String database, String user,
    String password) {

  /**
   * Parses a {@code postgresql://} or {@code postgres://} URL; a leading {@code jdbc:} is
   * ignored.
   *
   * @throws IllegalArgumentException naming what is wrong with the URL
   */
  public static DatabaseAddress parse(String url) {
    String uri = url.strip();
    if (uri.startsWith("jdbc:")) {
      uri = uri.substring("jdbc:".length());
    }
    if (!uri.startsWith("postgresql://") && !uri.startsWith("postgres://")) {
      int scheme = uri.indexOf("://");
      throw new IllegalArgumentException("must start with postgresql://, was "
          + (scheme < 0 ? "a URL without a scheme" : uri.substring(0, scheme + 3) + "..."));
    }
    PgConnectOptions options;
    try {
      options = PgConnectOptions.fromUri(uri);
    } catch (RuntimeException e) {
      // the client's message repeats the URL, password and all: not passed on
      throw new IllegalArgumentException("is not a PostgreSQL URL of the form"
          + " postgresql://user:password@host:port/database (percent-encode an @, :, / or %"
          + " in the password as %40, %3A, %2F, %25)");
    }
    return new DatabaseAddress(options.getHost(), options.getPort(), options.getDatabase(),
        options.getUser(), options.getPassword());
  }

  public PgConnectOptions connectOptions() {
    PgConnectOptions options = new PgConnectOptions().setHost(host).setPort(port)
        .setDatabase(database).setUser(user).setCachePreparedStatements(true);
    if (password != null) {
      options.setPassword(password);
    }
    return options;
  }

  public String jdbcUrl() {
    return "jdbc:postgresql://" + host + ":" + port + "/" + database;
  }

  /** The same server and credentials, another database. */
  public DatabaseAddress withDatabase(String name) {
    return new DatabaseAddress(host, port, name, user, password);
  }

  /** The URL with its password, for configuring a client. */
  public String url() {
    String credentials = user + (password == null || password.isEmpty() ? "" : ":" + password);
    return "postgresql://" + credentials + "@" + host + ":" + port + "/" + database;
  }

  /** The URL without its password, for logs and messages. */
  @Override
  public String toString() {
    return "postgresql://" + user + "@" + host + ":" + port + "/" + database;
  }

}
