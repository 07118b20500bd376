package org.caseload.api;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.PrintWriter;
import java.io.StringWriter;
import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.SQLException;
import java.sql.Statement;
import java.util.UUID;
import org.caseload.api.store.DatabaseAddress;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.Timeout;

/**
 * The server on a database a DBA gives it: a role of its own, not a superuser, with the
 * privileges docs/api.md lists (CONNECT on the database, USAGE and CREATE on its schema
 * public) and no others. Without CREATE (PostgreSQL 15's default for a role that does not own
 * the database) the start exits 1 saying what PostgreSQL refused and what the role needs; it
 * had said only "Failed to execute script", the first line of Flyway's message.
 */
@Timeout(120)
class DatabaseRoleTest {

  private String url;
  private String role;
  private String roleUrl;

  @BeforeEach
  void databaseAndRole() throws SQLException {
    url = TestDatabase.fresh();
    DatabaseAddress admin = DatabaseAddress.parse(url);
    role = "caseload_r_" + UUID.randomUUID().toString().replace("-", "").substring(0, 12);
    String password = "pw-" + UUID.randomUUID();
    sql(admin, "CREATE ROLE " + role + " LOGIN NOSUPERUSER NOCREATEDB NOCREATEROLE PASSWORD '"
        + password + "'");
    sql(admin, "REVOKE CREATE ON SCHEMA public FROM PUBLIC"); // as PostgreSQL 15 has it
    sql(admin, "GRANT CONNECT ON DATABASE " + admin.database() + " TO " + role);
    roleUrl = new DatabaseAddress(admin.host(), admin.port(), admin.database(), role, password)
        .url();
  }

  @AfterEach
  void drop() throws SQLException {
    TestDatabase.drop(url);
    sql(TestDatabase.server(), "DROP ROLE IF EXISTS " + role);
  }

  @Test
  void withoutCreateOnSchemaPublic_theStartSaysWhatWasRefused() {
    StringWriter err = new StringWriter();
    int code = ServeCommand.execute(new PrintWriter(err), "--db-url", roleUrl, "--port", "0");
    assertThat(code).as(err.toString()).isEqualTo(1);
    assertThat(err.toString()).contains("cannot start the database at postgresql://" + role)
        .contains("permission denied for schema public")
        .contains("USAGE and CREATE on the schema public")
        .doesNotContain("pw-");
  }

  @Test
  void withTheDocumentedPrivileges_itMigratesServesAndStartsAgain() throws Exception {
    sql(DatabaseAddress.parse(url), "GRANT USAGE, CREATE ON SCHEMA public TO " + role);
    for (int start = 0; start < 2; start++) { // the first migrates, the second finds it done
      try (CaseloadServer server = CaseloadServer.start(TestServer.config(roleUrl))) {
        assertThat(server.port()).isPositive();
      }
    }
  }

  private static void sql(DatabaseAddress address, String statement) throws SQLException {
    try (Connection connection = DriverManager.getConnection(address.jdbcUrl(), address.user(),
        address.password()); Statement s = connection.createStatement()) {
      s.execute(statement);
    }
  }
}
