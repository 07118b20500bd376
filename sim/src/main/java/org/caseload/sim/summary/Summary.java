package org.caseload.sim.summary;

import org.apache.commons.math3.distribution.TDistribution;

/**
 * What many replications say about one metric in one period: mean, standard deviation,
 * standard error of the mean, percentiles (nearest rank, within the metric's
 * {@link Accuracy}) and the share of replications whose value was above zero.
 *
 * @param tails the 2nd, 8th, 92nd and 98th percentiles, either side of p5 and p95: not
 *     printed, they give the density there that the Monte Carlo error of p5 and p95 is judged
 *     from ({@link BandError}: the tables' {@code ±} rows and the backtest's verdicts)
 */
public record Summary(long n, double mean, double sd, double se, double p5, double p10,
    double p25, double p50, double p75, double p90, double p95, double shareAboveZero,
    Tails tails) {

  /** The 2nd, 8th, 92nd and 98th percentiles. */
  public record Tails(double p2, double p8, double p92, double p98) {}

  /** Names of the statistics in outputs, in order ({@link #shareAboveZero} is apart). */
  public static final String[] FIELDS = {"mean", "sd", "se", "p5", "p10", "p25", "p50", "p75",
      "p90", "p95"};

  /** The percentiles computed, in percent, ascending: those printed and the tails. */
  static final int[] PERCENTS = {2, 5, 8, 10, 25, 50, 75, 90, 92, 95, 98};

  /** The values in the order of {@link #FIELDS}. */
  public double[] values() {
    return new double[] {mean, sd, se, p5, p10, p25, p50, p75, p90, p95};
  }

  /**
   * Half-width of the 95% confidence interval of the mean: Student's t quantile with n - 1
   * degrees of freedom times the standard error (1.96 for large n, 2.26 for 10 replications);
   * NaN for fewer than two replications, whose spread says nothing.
   */
  public double halfWidth95() {
    return halfWidth95(n, se);
  }

  /**
   * The half-width of the 95% interval of a mean of {@code n} values with standard error
   * {@code se}: Student's t with n - 1 degrees of freedom times it; NaN below two values.
   */
  public static double halfWidth95(long n, double se) {
    return n < 2 ? Double.NaN
        : new TDistribution(null, n - 1).inverseCumulativeProbability(0.975) * se;
  }

  /** The 95% confidence interval of the mean, {@code {low, high}}; NaN ends as above. */
  public double[] ci95() {
    double half = halfWidth95();
    return new double[] {mean - half, mean + half};
  }
}
