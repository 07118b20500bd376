package org.caseload.api;

/**
 * The HTTP port is taken by another program: nothing of the database's fault. Said naming
 * the flag, before the database is started or connected to when it is already taken then
 * ({@link ListenAddress}), or when the server binds.
 *
 * @implNote Immutable and thread-safe.
 */
public final class PortInUseException extends RuntimeException {

  public PortInUseException(String host, int port) {
    super("--port: " + port + " is in use on " + host, null, false, false);
  }
}
