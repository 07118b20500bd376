package org.caseload.core.scenario;

import java.util.List;
import java.util.stream.Collectors;

/** Thrown when a scenario has problems; carries every one of them. */
public final class InvalidScenarioException extends RuntimeException {

  private static final long serialVersionUID = 1L;

  private final transient List<Problem> problems;

  /** An exception listing {@code problems} (at least one). */
  public InvalidScenarioException(List<Problem> problems) {
    super(problems.stream().map(Problem::toString).collect(Collectors.joining("; ")));
    this.problems = List.copyOf(problems);
  }

  /** Every problem found, in the order found. */
  public List<Problem> problems() {
    return problems;
  }
}
