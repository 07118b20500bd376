package org.caseload.sim.engine;

import java.util.List;
import org.caseload.core.metrics.Metric;
import org.caseload.sim.summary.Summary;

/**
 * Total cost per replication summed over each plan year and over the whole horizon (or, in
 * a comparison, the paired difference of those totals, variant - baseline). Plan year k
 * covers months 12(k - 1) + 1 to 12k; the last may be shorter when the horizon is not whole
 * years.
 *
 * @param byYear {@code byYear.get(k - 1)} summarises plan year k
 * @param horizon the total over every month of the horizon
 * @param months the horizon in months
 * @implNote Immutable and thread-safe.
 */
public record CostTotals(List<Summary> byYear, Summary horizon, int months) {

  public CostTotals {
    byYear = List.copyOf(byYear);
  }

  /** The number of plan years (the last one possibly shorter). */
  public static int years(int months) {
    return (months + 11) / 12;
  }

  /** Sums the monthly cost of {@code rows} ({@code rows[t - 1]} is month t) by plan year. */
  public static void sumByYear(double[][] rows, double[] into) {
    for (int y = 0; y < into.length; y++) {
      double sum = 0;
      for (int t = 12 * y; t < Math.min(rows.length, 12 * y + 12); t++) {
        sum += rows[t][Metric.cost.ordinal()];
      }
      into[y] = sum;
    }
  }

  /** Months in plan year {@code year} (1-based). */
  public int monthsIn(int year) {
    return Math.min(12, months - 12 * (year - 1));
  }

  /** The mean total over the horizon spread evenly over its years: pounds per year. */
  public double meanPerYear() {
    return perYear(horizon.mean(), months);
  }

  /** The 95% interval of {@link #meanPerYear()}: the horizon's, spread evenly over its years. */
  public double[] meanPerYear95() {
    return perYear(horizon.ci95(), months);
  }

  /** A total over {@code months} months spread evenly over its years: pounds a year. */
  public static double perYear(double total, int months) {
    return total * 12.0 / months;
  }

  /** Both ends of an interval of totals over {@code months} months, a year. */
  public static double[] perYear(double[] totals, int months) {
    return new double[] {perYear(totals[0], months), perYear(totals[1], months)};
  }
}
