package org.caseload.api.runs;

/**
 * The server is stopping and accepts no more runs; the planner should submit again when it
 * is back.
 *
 * @implNote Immutable and thread-safe.
 */
public final class ServerStoppingException extends RuntimeException {

  public ServerStoppingException() {
    super("the server is stopping; submit the run again when it is back", null, false, false);
  }
}
