package org.caseload.api.runs;

/** The run cannot be cancelled: it has ended. */
public final class CannotCancelException extends RuntimeException {

  public CannotCancelException(String message) {
    super(message);
  }
}
