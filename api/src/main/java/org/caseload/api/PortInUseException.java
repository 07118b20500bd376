package org.caseload.api;

/**
 * The HTTP port is taken by another process: nothing of the database's fault.
 *
 * @implNote Immutable and thread-safe.
 */
public final class PortInUseException extends RuntimeException {

  public PortInUseException(String host, int port) {
    super("port " + port + " on " + host + " is in use by another program; stop it or choose"
        + " another port with --port", null, false, false);
  }
}
