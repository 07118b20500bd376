package org.caseload.sim.summary;

/**
 * The 95% Wilson score interval of a proportion, {@code successes} of {@code trials} (Wilson
 * 1927): the one place of its formula, for targets' probabilities and goal-seeks' plans.
 *
 * @implNote Stateless and thread-safe.
 */
public final class Wilson {

  /** The 97.5th percentile of the standard normal distribution. */
  private static final double Z = 1.959963984540054;

  private Wilson() {}

  /** Lower end of the 95% interval; NaN with no trials. */
  public static double lower95(long successes, long trials) {
    return bound(successes, trials, -1);
  }

  /** Upper end of the 95% interval; NaN with no trials. */
  public static double upper95(long successes, long trials) {
    return bound(successes, trials, 1);
  }

  private static double bound(long successes, long trials, int sign) {
    if (trials == 0) {
      return Double.NaN;
    }
    if (successes == (sign < 0 ? 0 : trials)) {
      return sign < 0 ? 0 : 1; // exactly, where rounding would leave 1e-17 from the end
    }
    double n = trials;
    double p = (double) successes / trials;
    double centre = p + Z * Z / (2 * n);
    double spread = Z * Math.sqrt(p * (1 - p) / n + Z * Z / (4 * n * n));
    return Math.min(1, Math.max(0, (centre + sign * spread) / (1 + Z * Z / n)));
  }
}
