package org.caseload.api.store;

import java.io.IOException;
import java.sql.SQLException;

/**
 * The database answered and refused this server for a reason no retry mends: the database
 * does not exist (SQLSTATE 3D000) or the login was refused (class 28: a wrong password, a role
 * that may not log in). The cause is PostgreSQL's own answer.
 */
public final class DatabaseRefusedException extends IOException {

  DatabaseRefusedException(SQLException cause) {
    super(cause.getMessage(), cause);
  }

  /** Whether {@code state} is a refusal no retry mends (the database missing, a login refused). */
  static boolean unmendable(String state) {
    return state != null && (state.equals("3D000") || state.startsWith("28"));
  }
}
