package org.caseload.core.scenario;

import java.util.ArrayList;
import java.util.List;

/** Collects problems found while checking values; one per field at most. */
final class Checks {

  private final List<Problem> problems = new ArrayList<>();

  void add(String path, String reason) {
    problems.add(Problem.of(path, reason));
  }

  List<Problem> problems() {
    return List.copyOf(problems);
  }

  /** A finite number in {@code [min, max]}. */
  boolean between(String path, double value, double min, double max) {
    if (!finite(path, value)) {
      return false;
    }
    if (value < min) {
      add(path, "must be >= " + Problem.show(min) + ", was " + Problem.show(value));
      return false;
    }
    if (value > max) {
      add(path, "must be <= " + Problem.show(max) + ", was " + Problem.show(value));
      return false;
    }
    return true;
  }

  /** A finite number at least {@code min}. */
  boolean atLeast(String path, double value, double min) {
    return between(path, value, min, Double.MAX_VALUE);
  }

  /** A finite number above {@code min}. */
  boolean above(String path, double value, double min) {
    if (!finite(path, value)) {
      return false;
    }
    if (value <= min) {
      add(path, "must be > " + Problem.show(min) + ", was " + Problem.show(value));
      return false;
    }
    return true;
  }

  /** A limit that is either {@code +Infinity} (no limit) or a finite number >= 0. */
  void limit(String path, double value) {
    if (value != Double.POSITIVE_INFINITY) {
      atLeast(path, value, 0);
    }
  }

  private boolean finite(String path, double value) {
    if (Double.isNaN(value)) {
      add(path, "must be a number, was NaN");
      return false;
    }
    if (Double.isInfinite(value)) {
      add(path, "must be finite, was " + (value > 0 ? "Infinity" : "-Infinity"));
      return false;
    }
    return true;
  }
}
