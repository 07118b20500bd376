package org.caseload.api.store;

import io.vertx.core.net.ClientSSLOptions;
import io.vertx.pgclient.PgConnectOptions;
import java.net.URLDecoder;
import java.nio.charset.StandardCharsets;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * Where the database is and how the connection is protected: a
 * {@code postgresql://user:password@host:port/database?sslmode=...&sslrootcert=...} URL (as
 * in {@code CASELOAD_DB_URL}), turned into the options of the Vert.x client and the JDBC URL
 * that Flyway needs for migrations.
 */
public record DatabaseAddress(String host, int port, String database, String user,
    String password, DatabaseTls tls) {

  /** The URL's query parameters read; any other is refused rather than ignored. */
  static final List<String> PARAMETERS = List.of("sslmode", "sslrootcert");

  /** An address with libpq's default protection ({@link DatabaseTls#DEFAULT}). */
  public DatabaseAddress(String host, int port, String database, String user,
      String password) {
    this(host, port, database, user, password, DatabaseTls.DEFAULT);
  }

  /**
   * Parses a {@code postgresql://} or {@code postgres://} URL; a leading {@code jdbc:} is
   * ignored. Its query may give {@code sslmode} and {@code sslrootcert} as libpq reads them
   * ({@link DatabaseTls}); another parameter, or one given twice, is refused: a URL's
   * {@code sslcert} silently ignored would have connected without the client certificate the
   * operator meant to send.
   *
   * @throws IllegalArgumentException naming what is wrong with the URL, never its password
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
    if (uri.indexOf('#') >= 0) {
      throw new IllegalArgumentException("has a '#': percent-encode it (%23) in the password"
          + " or a parameter");
    }
    // As RFC 3986 reads a URL: the authority (user, password, host, port) ends at the first
    // '/' or '?' after the scheme (the password's own percent-encoded), the query at the first
    // '?' after it. A '@' in a query value had been taken for the authority's end, and the
    // query, sslmode=verify-full and all, then ignored: a silent downgrade to prefer.
    int authority = uri.indexOf("://") + 3;
    int path = indexOfAny(uri, "/?", authority);
    int question = path < 0 ? -1 : uri.indexOf('?', path);
    Map<String, String> query = question < 0 ? Map.of() : query(uri.substring(question + 1));
    if (question >= 0) {
      uri = uri.substring(0, question);
    }
    DatabaseTls tls = DatabaseTls.of(query.get("sslmode"), query.get("sslrootcert"));
    PgConnectOptions options;
    try {
      options = PgConnectOptions.fromUri(uri);
    } catch (RuntimeException e) {
      // the client's message repeats the URL, password and all: not passed on
      throw new IllegalArgumentException("is not a PostgreSQL URL of the form"
          + " postgresql://user:password@host:port/database (percent-encode an @, :, /, ?, #"
          + " or % in the password as %40, %3A, %2F, %3F, %23, %25)");
    }
    return new DatabaseAddress(options.getHost(), options.getPort(), options.getDatabase(),
        options.getUser(), options.getPassword(), tls);
  }

  /** The first index at or after {@code from} of any of {@code chars}, or -1. */
  private static int indexOfAny(String text, String chars, int from) {
    for (int i = from; i < text.length(); i++) {
      if (chars.indexOf(text.charAt(i)) >= 0) {
        return i;
      }
    }
    return -1;
  }

  /** A URL's query as names and percent-decoded values, each name known and given once. */
  private static Map<String, String> query(String query) {
    Map<String, String> values = new LinkedHashMap<>();
    for (String pair : query.split("&", -1)) {
      int equals = pair.indexOf('=');
      String name = equals < 0 ? pair : pair.substring(0, equals);
      if (!PARAMETERS.contains(name)) {
        throw new IllegalArgumentException("parameter " + (name.isEmpty() ? "(empty)" : name)
            + " is not read here (only " + String.join(" and ", PARAMETERS) + " are)");
      }
      if (equals < 0) {
        throw new IllegalArgumentException(name + " has no value (" + name + "=...)");
      }
      String value;
      try {
        // percent-decoded as libpq does, a '+' kept (a form's encoding would make it a space)
        value = URLDecoder.decode(pair.substring(equals + 1).replace("+", "%2B"),
            StandardCharsets.UTF_8);
      } catch (IllegalArgumentException e) {
        throw new IllegalArgumentException(name + " has a malformed percent-encoding");
      }
      if (values.put(name, value) != null) {
        throw new IllegalArgumentException(name + " is given twice");
      }
    }
    return values;
  }

  public PgConnectOptions connectOptions() {
    PgConnectOptions options = new PgConnectOptions().setHost(host).setPort(port)
        .setDatabase(database).setUser(user).setCachePreparedStatements(true)
        .setSslMode(tls.mode());
    if (password != null) {
      options.setPassword(password);
    }
    ClientSSLOptions ssl = tls.clientOptions();
    if (ssl != null) {
      options.setSslOptions(ssl);
    }
    return options;
  }

  /** The JDBC driver's URL, with the same protection; more parameters follow a '&'. */
  public String jdbcUrl() {
    return "jdbc:postgresql://" + host + ":" + port + "/"
        + DatabaseTls.percentEncoded(database, "._~-") + "?" + tls.jdbcParameters();
  }

  /** The same server, credentials and protection, another database. */
  public DatabaseAddress withDatabase(String name) {
    return new DatabaseAddress(host, port, name, user, password, tls);
  }

  /** The URL with its password, for configuring a client. */
  public String url() {
    String credentials = DatabaseTls.percentEncoded(user, "._~-")
        + (password == null || password.isEmpty() ? ""
            : ":" + DatabaseTls.percentEncoded(password, "._~-"));
    return "postgresql://" + credentials + "@" + host + ":" + port + "/"
        + DatabaseTls.percentEncoded(database, "._~-") + tls.urlQuery();
  }

  /** The URL without its password, for logs and messages. */
  @Override
  public String toString() {
    return "postgresql://" + user + "@" + host + ":" + port + "/" + database + tls.urlQuery();
  }

}
