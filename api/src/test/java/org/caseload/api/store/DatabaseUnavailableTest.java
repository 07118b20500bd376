package org.caseload.api.store;

import static org.assertj.core.api.Assertions.assertThat;

import io.vertx.pgclient.PgException;
import org.junit.jupiter.api.Test;

/**
 * {@link Database#isUnavailable}: what makes a request 503 (with Retry-After) rather than 500,
 * and what the end of a run is stored for again and again until the database takes it.
 */
class DatabaseUnavailableTest {

  private static PgException pg(String state) {
    return new PgException("refused", "FATAL", state, null);
  }

  @Test
  void connectionShutdownAndResourceStates_areUnavailable() {
    assertThat(Database.isUnavailable(pg("08006"))).isTrue(); // connection failure
    assertThat(Database.isUnavailable(pg("57P01"))).isTrue(); // administrator shutdown
    assertThat(Database.isUnavailable(pg("53300"))).isTrue(); // too many connections
  }

  /**
   * A DBA who rotates the role's password, locks the role (NOLOGIN) or changes pg_hba.conf,
   * or a database being restored (dropped and created again), refuses every new connection:
   * the database is unavailable to this server, as when it is down. These had been "an
   * unexpected error" (500, a stack trace logged a request), and a run that ended meanwhile
   * was left "running" for good: its end was not stored again once logins were allowed.
   */
  @Test
  void refusedLoginAndMissingDatabase_areUnavailable() {
    assertThat(Database.isUnavailable(pg("28000"))).isTrue(); // role not permitted to log in
    assertThat(Database.isUnavailable(pg("28P01"))).isTrue(); // password authentication failed
    assertThat(Database.isUnavailable(pg("3D000"))).isTrue(); // database does not exist
    assertThat(Database.isUnavailable(pg("53100"))).isTrue(); // disk full
    assertThat(Database.isUnavailable(new RuntimeException("wrapped", pg("28P01")))).isTrue();
  }

  @Test
  void statementErrors_areNot() {
    assertThat(Database.isUnavailable(pg("42P01"))).isFalse(); // undefined table
    assertThat(Database.isUnavailable(pg("23505"))).isFalse(); // unique violation
    assertThat(Database.isUnavailable(pg("42501"))).isFalse(); // insufficient privilege
    assertThat(Database.isUnavailable(new IllegalStateException("bug"))).isFalse();
  }
}
