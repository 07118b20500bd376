package org.caseload.api;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.vertx.core.Vertx;
import io.vertx.pgclient.PgBuilder;
import io.vertx.sqlclient.Pool;
import io.vertx.sqlclient.PoolOptions;
import io.zonky.test.db.postgres.embedded.EmbeddedPostgres;
import java.io.PrintWriter;
import java.io.StringWriter;
import java.nio.file.Files;
import java.nio.file.Path;
import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Statement;
import java.time.Duration;
import java.util.concurrent.TimeUnit;
import org.caseload.api.store.Database;
import org.caseload.api.store.DatabaseAddress;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.Timeout;
import org.junit.jupiter.api.io.TempDir;

/**
 * The server on a PostgreSQL that accepts TLS connections only (as a managed database can be
 * set up), its certificate issued for {@code localhost} by an authority of the test's own:
 * each {@code sslmode} of the URL does what libpq's does, in both the JDBC driver that
 * migrates and the Vert.x client that serves, and the server's own pool is encrypted. Before,
 * the URL's query was ignored: the Vert.x client never offered TLS, so such a database
 * refused the server, and a database that took plain connections was read in clear.
 */
@Timeout(180)
class DatabaseTlsTest {

  @TempDir
  static Path folder;

  private static EmbeddedPostgres postgres;
  private static Path authority;
  private static Path stranger;
  private static Vertx vertx;

  @BeforeAll
  static void tlsOnlyPostgres() throws Exception {
    TestCertificates ca = TestCertificates.authority("Caseload test CA");
    authority = ca.writeCertificate(folder.resolve("ca.pem"));
    stranger = TestCertificates.authority("Another CA").writeCertificate(
        folder.resolve("other-ca.pem"));
    Path certificates = Files.createDirectories(folder.resolve("server"));
    ca.issueServer("localhost", certificates);
    Path hba = Files.writeString(folder.resolve("pg_hba.conf"), String.join("\n",
        "local all all trust",
        "hostssl all all 127.0.0.1/32 trust",
        "hostnossl all all 127.0.0.1/32 reject", ""));
    postgres = EmbeddedPostgres.builder()
        .setDataDirectory(folder.resolve("data"))
        .setServerConfig("listen_addresses", "127.0.0.1")
        .setServerConfig("ssl", "on")
        .setServerConfig("ssl_cert_file", certificates.resolve("server.crt").toString())
        .setServerConfig("ssl_key_file", certificates.resolve("server.key").toString())
        .setServerConfig("hba_file", hba.toString())
        .setPGStartupWait(Duration.ofSeconds(60))
        .start();
    vertx = Vertx.vertx();
  }

  @AfterAll
  static void stop() throws Exception {
    if (vertx != null) {
      vertx.close().await();
    }
    if (postgres != null) {
      postgres.close();
    }
  }

  /** How the Vert.x client fails a certificate it refuses (it gives no reason). */
  private static final String HANDSHAKE_FAILED = "SSL handshake failed";

  private static String url(String host, String query) {
    return "postgresql://postgres@" + host + ":" + postgres.getPort() + "/postgres" + query;
  }

  @Test
  void plainConnections_areRefusedByThisServer_soEveryPassBelowWasEncrypted() {
    DatabaseAddress plain = DatabaseAddress.parse(url("127.0.0.1", "?sslmode=disable"));
    assertThatThrownBy(() -> jdbcEncrypted(plain)).isInstanceOf(SQLException.class)
        .hasMessageContaining("no encryption");
    assertThatThrownBy(() -> vertxEncrypted(plain)).hasMessageContaining("no encryption");
  }

  @Test
  void require_andTheDefault_encryptWithoutCheckingTheCertificate() throws Exception {
    for (String query : new String[] {"?sslmode=require", "", "?sslmode=prefer",
        "?sslmode=allow"}) {
      DatabaseAddress address = DatabaseAddress.parse(url("127.0.0.1", query));
      assertThat(jdbcEncrypted(address)).as(query).isTrue();
      assertThat(vertxEncrypted(address)).as(query).isTrue();
    }
  }

  @Test
  void verifyCa_acceptsTheAuthoritysCertificate_andRefusesAnother() throws Exception {
    DatabaseAddress trusted = DatabaseAddress.parse(url("127.0.0.1",
        "?sslmode=verify-ca&sslrootcert=" + authority));
    assertThat(jdbcEncrypted(trusted)).isTrue();
    assertThat(vertxEncrypted(trusted)).isTrue();
    DatabaseAddress untrusted = DatabaseAddress.parse(url("127.0.0.1",
        "?sslmode=verify-ca&sslrootcert=" + stranger));
    assertThatThrownBy(() -> jdbcEncrypted(untrusted)).isInstanceOf(SQLException.class)
        .hasMessageContaining("PKIX path building failed");
    assertThatThrownBy(() -> vertxEncrypted(untrusted)).hasMessage(HANDSHAKE_FAILED);
  }

  @Test
  void verifyFull_alsoChecksTheHostName() throws Exception {
    DatabaseAddress named = DatabaseAddress.parse(url("localhost",
        "?sslmode=verify-full&sslrootcert=" + authority));
    assertThat(jdbcEncrypted(named)).isTrue();
    assertThat(vertxEncrypted(named)).isTrue();
    // the certificate names localhost, not 127.0.0.1
    DatabaseAddress byAddress = DatabaseAddress.parse(url("127.0.0.1",
        "?sslmode=verify-full&sslrootcert=" + authority));
    assertThatThrownBy(() -> jdbcEncrypted(byAddress)).isInstanceOf(SQLException.class)
        .hasMessageContaining("could not be verified");
    assertThatThrownBy(() -> vertxEncrypted(byAddress)).hasMessage(HANDSHAKE_FAILED);
  }

  /**
   * {@code sslrootcert=system} is the JVM's authorities: not the test's own (refused by both
   * clients), but the JVM's whole store, of a hundred authorities and more.
   */
  @Test
  void systemAuthorities_areTheJvms_notATestAuthority() throws Exception {
    DatabaseAddress system = DatabaseAddress.parse(url("localhost",
        "?sslmode=verify-full&sslrootcert=system"));
    assertThatThrownBy(() -> jdbcEncrypted(system)).isInstanceOf(SQLException.class)
        .hasMessageContaining("PKIX path building failed");
    assertThatThrownBy(() -> vertxEncrypted(system)).hasMessage(HANDSHAKE_FAILED);
    javax.net.ssl.TrustManagerFactory factory = system.connectOptions().getSslOptions()
        .getTrustOptions().getTrustManagerFactory(vertx);
    assertThat(((javax.net.ssl.X509TrustManager) factory.getTrustManagers()[0])
        .getAcceptedIssuers()).hasSizeGreaterThan(100);
  }

  @Test
  void theServer_migratesAndStoresOverVerifiedTls() throws Exception {
    String url = url("localhost", "?sslmode=verify-full&sslrootcert=" + authority);
    try (Database database = Database.open(vertx, url, null)) {
      assertThat(database.pool().query(
          "SELECT ssl FROM pg_stat_ssl WHERE pid = pg_backend_pid()").execute()
          .await(30, TimeUnit.SECONDS).iterator().next().getBoolean(0)).isTrue();
      assertThat(database.address().toString()).isEqualTo("postgresql://postgres@localhost:"
          + postgres.getPort() + "/postgres?sslmode=verify-full&sslrootcert=" + authority);
    }
    try (CaseloadServer server = CaseloadServer.start(TestServer.config(url))) {
      assertThat(server.port()).isPositive();
    }
  }

  @Test
  void serve_withAnUntrustedCertificate_exits1SayingSo() {
    StringWriter err = new StringWriter();
    int code = ServeCommand.execute(new PrintWriter(err), "--port", "0", "--db-url",
        url("localhost", "?sslmode=verify-full&sslrootcert=" + stranger));
    assertThat(code).as(err.toString()).isEqualTo(1);
    assertThat(err.toString()).contains("cannot start the database at postgresql://postgres@"
        + "localhost:" + postgres.getPort() + "/postgres?sslmode=verify-full")
        .contains("SSL error: PKIX path building failed");
  }

  @Test
  void serve_withAMistakenQuery_exits2NamingIt_beforeConnecting() {
    StringWriter err = new StringWriter();
    int code = ServeCommand.execute(new PrintWriter(err), "--port", "0", "--db-url",
        url("localhost", "?sslmode=verify-full"));
    assertThat(code).as(err.toString()).isEqualTo(2);
    assertThat(err.toString()).contains("--db-url (or CASELOAD_DB_URL): sslmode=verify-full"
        + " needs sslrootcert");
  }

  /** Whether a JDBC connection to {@code address} is encrypted, by the server's account. */
  private static boolean jdbcEncrypted(DatabaseAddress address) throws SQLException {
    try (Connection connection = DriverManager.getConnection(address.jdbcUrl()
        + "&connectTimeout=10", address.user(), address.password());
        Statement statement = connection.createStatement();
        ResultSet row = statement.executeQuery(
            "SELECT ssl FROM pg_stat_ssl WHERE pid = pg_backend_pid()")) {
      row.next();
      return row.getBoolean(1);
    }
  }

  /** The same through the Vert.x client, with the options the server's pool is given. */
  private static boolean vertxEncrypted(DatabaseAddress address) throws Exception {
    Pool pool = PgBuilder.pool().with(new PoolOptions().setMaxSize(1))
        .connectingTo(address.connectOptions()).using(vertx).build();
    try {
      return pool.query("SELECT ssl FROM pg_stat_ssl WHERE pid = pg_backend_pid()").execute()
          .await(30, TimeUnit.SECONDS).iterator().next().getBoolean(0);
    } finally {
      pool.close().await(10, TimeUnit.SECONDS);
    }
  }
}
