package org.caseload.api;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.SQLException;
import java.sql.Statement;
import java.util.UUID;
import org.caseload.api.store.DatabaseAddress;
import org.caseload.api.store.EmbeddedDatabase;

/**
 * The PostgreSQL the tests use: {@code CASELOAD_TEST_DB_URL} (CI sets it to the machine's),
 * else one embedded PostgreSQL for the whole test run. Each test class gets a fresh database
 * on it, so servers never see each other's runs.
 */
final class TestDatabase {

  private static DatabaseAddress server;

  private TestDatabase() {}

  static synchronized DatabaseAddress server() {
    if (server != null) {
      return server;
    }
    String url = System.getenv("CASELOAD_TEST_DB_URL");
    if (url != null && !url.isBlank()) {
      server = DatabaseAddress.parse(url);
      return server;
    }
    try {
      EmbeddedDatabase embedded = EmbeddedDatabase.start(
          Files.createTempDirectory("caseload-test-pg"), 0);
      Runtime.getRuntime().addShutdownHook(new Thread(() -> {
        try {
          embedded.close();
        } catch (IOException e) {
          // the JVM is exiting
        }
      }));
      server = embedded.address();
      return server;
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    }
  }

  /** The URL of a new, empty database on the test server. */
  static String fresh() {
    DatabaseAddress admin = server();
    String name = "caseload_t_" + UUID.randomUUID().toString().replace("-", "").substring(0, 16);
    try (Connection connection = DriverManager.getConnection(admin.jdbcUrl(), admin.user(),
        admin.password()); Statement statement = connection.createStatement()) {
      statement.execute("CREATE DATABASE " + name);
    } catch (SQLException e) {
      throw new IllegalStateException("cannot create a test database on " + admin, e);
    }
    return admin.withDatabase(name).url();
  }

  /** Drops a database {@link #fresh} made (its connections closed by force). */
  static void drop(String url) {
    DatabaseAddress address = DatabaseAddress.parse(url);
    if (!address.database().startsWith("caseload_t_")) {
      return;
    }
    DatabaseAddress admin = server();
    try (Connection connection = DriverManager.getConnection(admin.jdbcUrl(), admin.user(),
        admin.password()); Statement statement = connection.createStatement()) {
      statement.execute("DROP DATABASE IF EXISTS " + address.database() + " WITH (FORCE)");
    } catch (SQLException e) {
      throw new IllegalStateException("cannot drop " + address, e);
    }
  }
}
