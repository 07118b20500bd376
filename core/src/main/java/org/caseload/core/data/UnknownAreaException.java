package org.caseload.core.data;

import java.util.List;

/** No area has the name or code asked for; carries the closest names. */
public final class UnknownAreaException extends IllegalArgumentException {

  private static final long serialVersionUID = 1L;

  private final transient List<String> closest;

  public UnknownAreaException(String asked, List<String> closest) {
    super("no council, region or country called '" + asked + "'; closest: "
        + String.join(", ", closest));
    this.closest = List.copyOf(closest);
  }

  public List<String> closest() {
    return closest;
  }
}
