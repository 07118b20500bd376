package org.caseload.api.store;

/** The stored thing asked for does not exist. */
public final class NotFoundException extends RuntimeException {

  public NotFoundException(String what) {
    super(what + " not found");
  }
}
