package org.caseload.api;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatCode;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.io.IOException;
import java.io.PrintWriter;
import java.io.StringWriter;
import java.net.InetAddress;
import java.net.ServerSocket;
import java.nio.file.Files;
import java.nio.file.Path;
import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Statement;
import org.caseload.api.store.DatabaseAddress;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.Timeout;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

/**
 * {@code caseload serve --host} and {@code --port}: an address that is not this machine's, or
 * a port another program listens on, exits 2 with one line naming the flag, before any
 * PostgreSQL is started or connected to (nothing is migrated, no run is recovered). No test
 * here resolves a host name through DNS or sends a packet off the machine: the addresses
 * are literals, checked against this machine's interfaces.
 */
@Timeout(60)
class ServeFlagsTest {

  /** Where no PostgreSQL listens: a start that tried the database would exit 1. */
  private static final String NO_DATABASE = "postgresql://postgres@127.0.0.1:1/none";

  private static String serve(int expectedCode, String... args) {
    StringWriter err = new StringWriter();
    int code = ServeCommand.execute(new PrintWriter(err), args);
    assertThat(code).as(err.toString()).isEqualTo(expectedCode);
    return err.toString();
  }

  @Test
  void anAllowedHostThatIsNotAName_exitsTwoBeforeTheDatabase() {
    assertThat(serve(2, "--allowed-host", "evil example", "--db-url", NO_DATABASE))
        .isEqualTo("caseload serve: --allowed-host: must be a host name (letters, digits, dots"
            + " and hyphens), was \"evil example\"" + System.lineSeparator());
  }

  @Test
  void aSweepLimitBelowOne_exitsTwoNamingIt() {
    assertThat(serve(2, "--max-sweep-replications", "0", "--db-url", NO_DATABASE))
        .isEqualTo("caseload serve: --max-sweep-replications: must be at least 1, was 0"
            + System.lineSeparator());
  }

  @Test
  void theSweepLimitsDefault_isTheDocumentedOne() {
    ServeCommand command = new ServeCommand();
    new picocli.CommandLine(command).parseArgs();
    assertThat(command.maxSweepReplications).isEqualTo(Limits.DEFAULT_SWEEP_REPLICATIONS)
        .isEqualTo(Limits.DEFAULT.maxSweepReplications()).isEqualTo(2_000_000);
  }

  /** The launcher's property places the embedded store; without it, the working directory's. */
  @Test
  void theEmbeddedFolder_isTheLaunchersWhereverItRuns() {
    ServeCommand command = new ServeCommand();
    new picocli.CommandLine(command).parseArgs();
    assertThat(command.embeddedFolder).isEqualTo(Path.of(".caseload", "postgres"));
    System.setProperty("caseload.embedded", "/srv/caseload/.caseload/postgres");
    try {
      ServeCommand launched = new ServeCommand();
      new picocli.CommandLine(launched).parseArgs();
      assertThat(launched.embeddedFolder).isEqualTo(Path.of("/srv/caseload/.caseload/postgres"));
      ServeCommand given = new ServeCommand();
      new picocli.CommandLine(given).parseArgs("--embedded-data", "elsewhere");
      assertThat(given.embeddedFolder).isEqualTo(Path.of("elsewhere"));
    } finally {
      System.clearProperty("caseload.embedded");
    }
  }

  @ParameterizedTest
  @ValueSource(strings = {"999.1.1.1", "8.8.8.8", "192.0.2.1", "1.2.3", "256.0.0.1"})
  void anAddressNotOfThisMachine_exitsTwoNamingHost(String host) throws IOException {
    assertThat(serve(2, "--host", host, "--port", "18090", "--db-url", NO_DATABASE))
        .isEqualTo("caseload serve: --host: " + host + " is not an address of this machine"
            + System.lineSeparator());

    Path embedded = Files.createTempDirectory("caseload-serve-flags");
    assertThat(serve(2, "--host", host, "--embedded-data", embedded.toString()))
        .hasLineCount(1).contains("--host: " + host);
    assertThat(embedded).as("no embedded PostgreSQL started").isEmptyDirectory();
  }

  @Test
  void aBusyPort_exitsTwoNamingPortBeforeTheDatabase() throws Exception {
    try (ServerSocket busy = new ServerSocket(0, 1, InetAddress.getByName("127.0.0.1"))) {
      int port = busy.getLocalPort();
      String inUse = "caseload serve: --port: " + port + " is in use on 127.0.0.1"
          + System.lineSeparator();
      assertThat(serve(2, "--port", Integer.toString(port), "--db-url", NO_DATABASE))
          .isEqualTo(inUse);

      Path embedded = Files.createTempDirectory("caseload-serve-flags");
      assertThat(serve(2, "--port", Integer.toString(port), "--embedded-data",
          embedded.toString())).isEqualTo(inUse);
      assertThat(embedded).as("no embedded PostgreSQL started").isEmptyDirectory();

      String url = TestDatabase.fresh();
      try {
        assertThat(serve(2, "--port", Integer.toString(port), "--db-url", url))
            .isEqualTo(inUse);
        assertThat(tables(url)).as("tables: nothing migrated").isZero();
      } finally {
        TestDatabase.drop(url);
      }
    }
  }

  @Test
  void addressesOfThisMachineAndFreePortsPass() throws IOException {
    int free;
    try (ServerSocket socket = new ServerSocket(0)) {
      free = socket.getLocalPort();
    }
    for (String host : new String[] {"127.0.0.1", "localhost", "0.0.0.0", "127.0.0.2"}) {
      assertThatCode(() -> ListenAddress.check(host, free)).as(host).doesNotThrowAnyException();
      assertThatCode(() -> ListenAddress.check(host, 0)).as(host).doesNotThrowAnyException();
    }
    assertThatThrownBy(() -> ListenAddress.check("", 0))
        .isInstanceOf(HostNotLocalException.class).hasMessageStartingWith("--host: ");
    assertThatThrownBy(() -> ListenAddress.check("fe80::\u001b[2J", 0))
        .isInstanceOf(HostNotLocalException.class)
        .hasMessage("--host: fe80::?[2J is not an address of this machine");
  }

  /** The tables in the public schema of the database at {@code url}. */
  private static int tables(String url) throws SQLException {
    DatabaseAddress address = DatabaseAddress.parse(url);
    try (Connection sql = DriverManager.getConnection(address.jdbcUrl(), address.user(),
        address.password()); Statement statement = sql.createStatement();
        ResultSet rows = statement.executeQuery("SELECT count(*) FROM information_schema.tables"
            + " WHERE table_schema = 'public'")) {
      rows.next();
      return rows.getInt(1);
    }
  }

  /**
   * A database that does not exist, or a password refused, is said at once: no retry mends
   * either (the migrations' four tries over 7 seconds had come first, a trial found).
   */
  @Test
  void aMissingDatabase_exitsOneAtOnce() {
    DatabaseAddress server = TestDatabase.server();
    String missing = new DatabaseAddress(server.host(), server.port(),
        "caseload_missing_" + java.util.UUID.randomUUID().toString().replace("-", ""),
        server.user(), server.password()).url();
    long start = System.nanoTime();
    String err = serve(1, "--db-url", missing, "--port", "0");
    assertThat(err).contains("caseload serve: cannot start the database at ")
        .contains("does not exist");
    assertThat(java.time.Duration.ofNanos(System.nanoTime() - start))
        .as("no retries (they sleep 1 + 2 + 4 seconds)")
        .isLessThan(java.time.Duration.ofSeconds(5));
  }

  /**
   * A database that accepts the connection and never answers (a hung PostgreSQL, a port of
   * another service) makes the start exit 1 saying so, after Flyway's four attempts of
   * {@code Database.LOGIN_TIMEOUT_SECONDS}; it had waited for good without a line.
   */
  @Test
  @Timeout(150)
  void aDatabaseThatNeverAnswers_exitsOneSayingSo() throws IOException {
    try (ServerSocket silent = new ServerSocket(0, 50, InetAddress.getLoopbackAddress())) {
      java.util.List<java.net.Socket> held = new java.util.concurrent.CopyOnWriteArrayList<>();
      Thread acceptor = new Thread(() -> {
        try {
          while (true) {
            held.add(silent.accept()); // held open, never answered
          }
        } catch (IOException e) {
          // closed at the end of the test
        }
      });
      acceptor.setDaemon(true);
      acceptor.start();
      long start = System.nanoTime();
      String err = serve(1, "--db-url", "postgresql://postgres@127.0.0.1:" + silent.getLocalPort()
          + "/none", "--port", "0");
      assertThat(err).contains("caseload serve: cannot start the database at postgresql://"
          + "postgres@127.0.0.1:" + silent.getLocalPort() + "/none: ")
          .containsIgnoringCase("timed out");
      assertThat(java.time.Duration.ofNanos(System.nanoTime() - start))
          .isLessThan(java.time.Duration.ofSeconds(100));
      for (java.net.Socket socket : held) {
        socket.close();
      }
    }
  }
}
