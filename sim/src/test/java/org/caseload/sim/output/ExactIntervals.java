package org.caseload.sim.output;

import org.apache.commons.math3.distribution.BetaDistribution;

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
}
