package org.caseload.core.model;

import java.util.Arrays;

/**
 * The month's leaving hazards of permanent workers by tenure class and caseload, computed
 * once per value and month rather than once per worker ({@link MonthPlan#leavingHazard}).
 *
 * @implNote Mutable, not thread-safe; owned by one simulation.
 */
final class LeavingHazards {

  private static final int MAX_TABLED = 100_000;

  private final MonthPlan plan;
  private final double earlyFactor;
  private final double laterFactor;
  private double[] early = new double[64];
  private double[] later = new double[64];
  private int month = -1;

  LeavingHazards(MonthPlan plan) {
    this.plan = plan;
    this.earlyFactor = plan.scenario().parameters().workforce().earlyTenureFactor();
    this.laterFactor = plan.scenario().parameters().workforce().laterTenureFactor();
  }

  /** Forgets the hazards of any other month. */
  void startMonth(int t) {
    if (t != month) {
      month = t;
      Arrays.fill(early, Double.NaN);
      Arrays.fill(later, Double.NaN);
    }
  }

  /**
   * The hazard of a worker in early tenure or not, holding {@code load} cases (a whole number
   * when sampled, looked up; a cohort's expected caseload otherwise, computed).
   */
  double of(boolean earlyTenure, double load) {
    int whole = (int) load;
    if (whole != load || whole > MAX_TABLED) {
      return plan.leavingHazard(month, earlyTenure ? earlyFactor : laterFactor, load);
    }
    if (whole >= early.length) {
      int size = Math.max(whole + 1, early.length * 2);
      early = grow(early, size);
      later = grow(later, size);
    }
    double[] table = earlyTenure ? early : later;
    double h = table[whole];
    if (Double.isNaN(h)) {
      h = plan.leavingHazard(month, earlyTenure ? earlyFactor : laterFactor, load);
      table[whole] = h;
    }
    return h;
  }

  private static double[] grow(double[] table, int size) {
    double[] grown = Arrays.copyOf(table, size);
    Arrays.fill(grown, table.length, size, Double.NaN);
    return grown;
  }
}
