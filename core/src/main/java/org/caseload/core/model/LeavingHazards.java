package org.caseload.core.model;

import java.util.Arrays;

/**
 * The month's leaving hazards of permanent workers by team, tenure class and caseload,
 * computed once per value and month rather than once per worker ({@link MonthPlan#leavingHazard}).
 *
 * @implNote Mutable, not thread-safe; owned by one simulation.
 */
final class LeavingHazards {

  private static final int MAX_TABLED = 100_000;

  private final MonthPlan plan;
  private final double earlyFactor;
  private final double laterFactor;
  // By team, then whole caseload; NaN where not yet computed this month.
  private final double[][] early;
  private final double[][] later;
  private int month = -1;

  LeavingHazards(MonthPlan plan) {
    this.plan = plan;
    this.earlyFactor = plan.scenario().parameters().workforce().earlyTenureFactor();
    this.laterFactor = plan.scenario().parameters().workforce().laterTenureFactor();
    this.early = new double[plan.teamCount()][64];
    this.later = new double[plan.teamCount()][64];
  }

  /** Forgets the hazards of any other month. */
  void startMonth(int t) {
    if (t != month) {
      month = t;
      for (double[] table : early) {
        Arrays.fill(table, Double.NaN);
      }
      for (double[] table : later) {
        Arrays.fill(table, Double.NaN);
      }
    }
  }

  /**
   * The hazard of a worker of {@code team} in early tenure or not, holding {@code load} cases
   * (a whole number when sampled, looked up; a cohort's expected caseload otherwise, computed).
   */
  double of(int team, boolean earlyTenure, double load) {
    double factor = earlyTenure ? earlyFactor : laterFactor;
    int whole = (int) load;
    if (whole != load || whole > MAX_TABLED) {
      return plan.leavingHazard(month, team, factor, load);
    }
    if (whole >= early[team].length) {
      int size = Math.max(whole + 1, early[team].length * 2);
      early[team] = grow(early[team], size);
      later[team] = grow(later[team], size);
    }
    double[] table = earlyTenure ? early[team] : later[team];
    double h = table[whole];
    if (Double.isNaN(h)) {
      h = plan.leavingHazard(month, team, factor, load);
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
