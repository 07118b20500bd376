package org.caseload.sim.cli;

import java.util.List;

/** A mistake in the user's input; printed without a stack trace, exit code 2. */
public final class UserError extends RuntimeException {

  private static final long serialVersionUID = 1L;

  private final transient List<String> lines;

  UserError(List<String> lines) {
    super(String.join("; ", lines));
    this.lines = List.copyOf(lines);
  }

  UserError(String line) {
    this(List.of(line));
  }

  public List<String> lines() {
    return lines;
  }
}
