package org.caseload.api.domain;

import java.util.Locale;

/**
 * What a stored run is: a single scenario's run, a comparison of a baseline with variants,
 * a goal-seek (the cheapest plan of levers that meets targets), a sensitivity study, or an
 * all-England sweep (every council's forecast at every point of a grid).
 */
public enum RunKind {
  RUN, COMPARISON, GOAL_SEEK, SENSITIVITY, SWEEP;

  /**
   * As stored and shown: {@code run}, {@code comparison}, {@code goal-seek},
   * {@code sensitivity}, {@code sweep}.
   */
  public String text() {
    return name().toLowerCase(Locale.ROOT).replace('_', '-');
  }

  public static RunKind of(String text) {
    return valueOf(text.toUpperCase(Locale.ROOT).replace('-', '_'));
  }

  /**
   * Whether it is a decision (goal-seek or sensitivity) or a sweep, work of its own rather
   * than one simulation.
   */
  public boolean decision() {
    return this == GOAL_SEEK || this == SENSITIVITY || this == SWEEP;
  }
}
