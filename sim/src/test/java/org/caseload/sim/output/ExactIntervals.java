package org.caseload.sim.output;

import org.apache.commons.math3.distribution.BetaDistribution;
import org.apache.commons.math3.distribution.BinomialDistribution;

/** Intervals computed exactly from their definitions, the references of the outputs' tests. */
final class ExactIntervals {

  private ExactIntervals() {}

  /**
   * The longer side of the 95% Clopper-Pearson interval of x of n from it: commons-math3's
   * beta quantiles (the 2.5% of Beta(x, n - x + 1), the 97.5% of Beta(x + 1, n - x)), the ends
   * 0 and 1 where x is 0 or n.
   */
  static double clopperPearsonReach(long x, int n) {
    double p = (double) x / n;
    double lower = x == 0 ? 0 : new BetaDistribution(null, x, n - x + 1)
        .inverseCumulativeProbability(0.025);
    double upper = x == n ? 1 : new BetaDistribution(null, x + 1, n - x)
        .inverseCumulativeProbability(0.975);
    return Math.max(p - lower, upper - p);
  }

  /**
   * How far the q-quantile could be from the nearest-rank {@code percent}th percentile of
   * {@code sorted} values: the larger distance from it to an end of its distribution-free 95%
   * interval, the values of ranks lower and upper with B binomial (n, q), lower the largest
   * with P(B < lower) <= 2.5% and upper the smallest with P(B >= upper) <= 2.5%, found by
   * walking the binomial's cdf.
   */
  static double percentileReach(double[] sorted, int percent) {
    double[] v = percentileAndEnds(sorted, percent);
    return Math.max(v[0] - v[1], v[2] - v[0]);
  }

  /**
   * The most a stated percentile reach may differ from {@link #percentileReach} for a
   * summary's sketch: the percentile moved by its 0.5%, and each end of the interval by its
   * 0.5% and widened by as much again (bounding the moved end); none for whole numbers to
   * 1,024 (kept exactly).
   */
  static double sketchAllowance(double[] sorted, int percent, boolean whole) {
    double[] v = percentileAndEnds(sorted, percent);
    double largest = Math.max(Math.abs(v[1]), Math.abs(v[2]));
    return whole && largest <= 1024 ? 0 : 0.005 * Math.abs(v[0]) + 0.0101 * largest;
  }

  /** The percentile and the lower and upper ends of its interval. */
  private static double[] percentileAndEnds(double[] sorted, int percent) {
    int n = sorted.length;
    BinomialDistribution b = new BinomialDistribution(null, n, percent / 100.0);
    int lower = 0;
    while (b.cumulativeProbability(lower) <= 0.025) {
      lower++;
    }
    int upper = n;
    while (1 - b.cumulativeProbability(upper - 2) <= 0.025) {
      upper--;
    }
    return new double[] {sorted[(percent * n + 99) / 100 - 1], sorted[lower - 1],
        sorted[upper - 1]};
  }
}
