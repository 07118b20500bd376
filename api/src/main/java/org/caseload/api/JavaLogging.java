package org.caseload.api;

import org.slf4j.bridge.SLF4JBridgeHandler;

/**
 * Libraries that log through {@code java.util.logging} (the PostgreSQL JDBC driver that
 * migrates: a certificate refused, a host name not matching) are sent to the server's own log
 * (SLF4J and logback), in its format and on its stream: they had printed two lines of their
 * own format ({@code Dec 01, 2026 1:59:18 AM org.postgresql... / SEVERE: ...}) among the
 * server's.
 */
public final class JavaLogging {

  private JavaLogging() {}

  /** Routes {@code java.util.logging} to SLF4J, once per process. */
  public static synchronized void toServerLog() {
    if (!SLF4JBridgeHandler.isInstalled()) {
      SLF4JBridgeHandler.removeHandlersForRootLogger();
      SLF4JBridgeHandler.install();
    }
  }
}
