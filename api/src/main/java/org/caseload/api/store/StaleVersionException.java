package org.caseload.api.store;

/** An update named a version that is no longer the stored one. */
public final class StaleVersionException extends RuntimeException {

  private final int current;

  public StaleVersionException(int given, int current) {
    super("version " + given + " is not the stored version (" + current + "): read the"
        + " scenario again and apply your change to it");
    this.current = current;
  }

  public int current() {
    return current;
  }
}
