package org.caseload.core.scenario;

import java.util.Objects;

/**
 * One thing wrong with a scenario: where (a JSON path such as {@code teams[1].establishment})
 * and why ({@code must be >= 0, was -3}).
 */
public record Problem(String path, String reason) {

  public Problem {
    Objects.requireNonNull(path, "path");
    Objects.requireNonNull(reason, "reason");
  }

  /** A problem at a path. */
  public static Problem of(String path, String reason) {
    return new Problem(path, reason);
  }

  @Override
  public String toString() {
    return path + ": " + reason;
  }

  /** A number as a person would write it: {@code -3} rather than {@code -3.0}. */
  static String show(double value) {
    if (value == Math.rint(value) && Math.abs(value) < 1e15) {
      return Long.toString((long) value);
    }
    return Double.toString(value);
  }
}
