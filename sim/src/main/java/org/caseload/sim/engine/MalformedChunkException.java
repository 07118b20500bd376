package org.caseload.sim.engine;

/**
 * A chunk's bytes that are not the result its work computes: truncated, of another version or
 * shape, or for other replications. Thrown instead of merging them.
 */
public final class MalformedChunkException extends RuntimeException {

  private static final long serialVersionUID = 1L;

  public MalformedChunkException(String message) {
    super(message);
  }
}
