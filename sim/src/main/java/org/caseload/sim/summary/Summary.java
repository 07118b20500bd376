package org.caseload.sim.summary;

import org.apache.commons.math3.distribution.TDistribution;

/**
 * What many replications say about one metric in one period: mean, standard deviation,
 * standard error of the mean, percentiles (nearest rank, within the metric's
 * {@link Accuracy}) and the share of replications whose value was above zero.
 *
 * @param neighbours percentiles either side of the printed ones: not printed, they give the
 *     density there that those percentiles' Monte Carlo errors are judged from
 *     ({@link BandError}: the tables' {@code ±} rows, the outputs' half-widths and the
 *     backtest's verdicts)
 * @param accuracy how near the percentiles are to the exact ones of the values summarised
 */
public record Summary(long n, double mean, double sd, double se, double p5, double p10,
    double p25, double p50, double p75, double p90, double p95, double shareAboveZero,
    Neighbours neighbours, Accuracy accuracy) {

  /**
   * The percentiles either side of each printed one but the median (whose are p25 and p75):
   * three points either side of p5, p10, p90 and p95, five of p25 and p75.
   */
  public record Neighbours(double p2, double p8, double p7, double p13, double p20, double p30,
      double p70, double p80, double p87, double p93, double p92, double p98) {

    /** None: for a summary of no values. */
    static final Neighbours NONE = new Neighbours(Double.NaN, Double.NaN, Double.NaN,
        Double.NaN, Double.NaN, Double.NaN, Double.NaN, Double.NaN, Double.NaN, Double.NaN,
        Double.NaN, Double.NaN);
  }

  /** Names of the statistics in outputs, in order ({@link #shareAboveZero} is apart). */
  public static final String[] FIELDS = {"mean", "sd", "se", "p5", "p10", "p25", "p50", "p75",
      "p90", "p95"};

  /** The percentiles computed, in percent, ascending: those printed and their neighbours. */
  static final int[] PERCENTS = {2, 5, 7, 8, 10, 13, 20, 25, 30, 50, 70, 75, 80, 87, 90, 92,
      93, 95, 98};

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
