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
    return takeOldest(n, 0);
  }

  /**
   * Removes up to {@code n} of the cases that have waited at least {@code minAge} months,
   * oldest first; returns how many were removed.
   */
  double takeOldest(double n, int minAge) {
    double wanted = Math.min(n, minAge == 0 ? total : waitingAtLeast(minAge));
    double left = wanted;
    for (int age = oldest; age >= minAge && left > 0; age--) {
      double taken = Math.min(left, byAge[age]);
      byAge[age] -= taken;
      left -= taken;
    }
    removed(wanted);
    return wanted;
  }

  /** Cases that have waited at least {@code months} months. */
  double waitingAtLeast(int months) {
    double sum = 0;
    for (int age = Math.min(months, MAX_AGE); age <= oldest; age++) {
      sum += byAge[age];
    }
    return months > MAX_AGE ? 0 : sum;
  }

  /** The longest wait of a case here, in months (0 when empty). */
  int oldest() {
    return oldest;
  }

  /** Removes up to {@code n} of the cases that have waited {@code age} months. */
  double takeAt(int age, double n) {
    double taken = Math.min(n, byAge[age]);
    if (taken <= 0) {
      return 0;
    }
    byAge[age] -= taken;
    removed(taken);
    return taken;
  }

  /** Keeps the total and the oldest wait after {@code n} cases were taken from the buckets. */
  private void removed(double n) {
    total -= n;
    if (total <= 0) {
      total = 0;
    }
    while (oldest > 0 && byAge[oldest] <= 0) {
      oldest--;
    }
  }

  /**
   * Removes up to {@code n} of the cases that have waited at least {@code minAge} months from
   * several queues, oldest first, ties in queue order; returns how many were removed.
   */
  static double takeOldest(CaseQueue[] queues, double n, int minAge) {
    if (queues.length == 1) {
      return queues[0].takeOldest(n, minAge);
    }
    int top = 0;
    for (CaseQueue queue : queues) {
      top = Math.max(top, queue.oldest);
    }
    double left = n;
    for (int age = top; age >= minAge && left > 0; age--) {
      for (int q = 0; q < queues.length && left > 0; q++) {
        left -= queues[q].takeAt(age, left);
      }
    }
    return n - left;
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
