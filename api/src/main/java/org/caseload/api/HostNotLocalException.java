package org.caseload.api;

/**
 * {@code --host} is not an address of this machine (nor a name of one): a server cannot
 * listen there. Said before anything starts, naming the flag.
 *
 * @implNote Immutable and thread-safe.
 */
public final class HostNotLocalException extends RuntimeException {

  public HostNotLocalException(String shownHost) {
    super(shownHost.isEmpty() ? "--host: is empty; give an address of this machine, such as"
        + " 127.0.0.1" : "--host: " + shownHost + " is not an address of this machine", null,
        false, false);
  }
}
