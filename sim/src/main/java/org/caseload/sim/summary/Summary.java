package org.caseload.sim.summary;

/**
 * What many replications say about one metric in one period: mean, standard deviation,
 * standard error of the mean, percentiles (nearest rank, within the metric's
 * {@link Accuracy}) and the share of replications whose value was above zero.
 */
public record Summary(long n, double mean, double sd, double se, double p5, double p10,
    double p25, double p50, double p75, double p90, double p95, double shareAboveZero) {

  /** Names of the statistics in outputs, in order ({@link #shareAboveZero} is apart). */
  public static final String[] FIELDS = {"mean", "sd", "se", "p5", "p10", "p25", "p50", "p75",
      "p90", "p95"};

  /** The percentiles reported, in percent, in the order of {@code p5 ... p95}. */
  static final int[] PERCENTS = {5, 10, 25, 50, 75, 90, 95};

  /** The values in the order of {@link #FIELDS}. */
  public double[] values() {
    return new double[] {mean, sd, se, p5, p10, p25, p50, p75, p90, p95};
  }

  /** Half-width of the normal 95% confidence interval of the mean. */
  public double halfWidth95() {
    return 1.959963984540054 * se;
  }
}
