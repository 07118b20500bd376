package org.caseload.core.model;

import java.util.Arrays;

/**
 * Cases of one kind waiting without an allocated worker, counted by months waited so that
 * the oldest are allocated (and reported) first. Counts are whole in a sampled replication,
 * expected fractions in the projection.
 *
 * @implNote Mutable, not thread-safe; owned by one model.
 */
final class CaseQueue {

  /** Waits of this many months or more share the last bucket. */
  static final int MAX_AGE = 120;

  private final double[] byAge = new double[MAX_AGE + 1];
  private double total;
  private int oldest;

  double total() {
    return total;
  }

  void clear() {
    Arrays.fill(byAge, 0);
    total = 0;
    oldest = 0;
  }

  /** Adds {@code n} cases that start waiting now. */
  void add(double n) {
    byAge[0] += n;
    total += n;
  }

  /** Removes up to {@code n} cases, oldest first; returns how many were removed. */
  double takeOldest(double n) {
    double wanted = Math.min(n, total);
    double left = wanted;
    for (int age = oldest; age >= 0 && left > 0; age--) {
      double taken = Math.min(left, byAge[age]);
      byAge[age] -= taken;
      left -= taken;
    }
    total -= wanted;
    if (total <= 0) {
      total = 0;
    }
    while (oldest > 0 && byAge[oldest] <= 0) {
      oldest--;
    }
    return wanted;
  }

  /** One more month of waiting for every case. */
  void age() {
    if (total == 0) {
      return;
    }
    byAge[MAX_AGE] += byAge[MAX_AGE - 1];
    System.arraycopy(byAge, 0, byAge, 1, MAX_AGE - 1);
    byAge[0] = 0;
    oldest = Math.min(MAX_AGE, oldest + 1);
  }

  /** Sum over waiting cases of the months each has waited. */
  double monthsWaited() {
    double sum = 0;
    for (int age = 1; age <= oldest; age++) {
      sum += age * byAge[age];
    }
    return sum;
  }
}
