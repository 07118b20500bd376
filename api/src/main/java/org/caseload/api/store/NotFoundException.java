package org.caseload.api.store;

import java.util.UUID;

/**
 * The stored thing asked for does not exist.
 *
 * @implNote Immutable and thread-safe.
 */
public final class NotFoundException extends RuntimeException {

  private final String resource;
  private final UUID id;

  /** @param resource what was asked for: {@code scenario}, {@code run}, {@code comparison} */
  public NotFoundException(String resource, UUID id) {
    super(resource + " " + id + " not found", null, false, false);
    this.resource = resource;
    this.id = id;
  }

  public String resource() {
    return resource;
  }

  public UUID id() {
    return id;
  }
}
