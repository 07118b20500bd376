package org.caseload.sim.summary;

import org.apache.commons.math3.distribution.TDistribution;

/**
 * What many replications say about one metric in one period: mean, standard deviation,
 * standard error of the mean, percentiles (nearest rank, within the metric's
 * {@link Accuracy}) and the share of replications whose value was above zero.
 *
 * @param intervals each percentile's 95% interval from the same replications: not printed,
 *     they give its Monte Carlo error ({@link BandError}: the tables' {@code ±} rows, the
 *     outputs' half-widths and the backtest's verdicts)
 * @param accuracy how near the percentiles are to the exact ones of the values summarised
 */
public record Summary(long n, double mean, double sd, double se, double p5, double p10,
    double p25, double p50, double p75, double p90, double p95, double shareAboveZero,
    Intervals intervals, Accuracy accuracy) {

  /**
   * Whole numbers up to this are exact in a summary's percentiles; above it a percentile is
   * within the sketch's 0.5%, so it has no decimals to show (Cells, the page's format.js).
   */
  public static final int EXACT_WHOLE_NUMBERS_UP_TO = WholeNumberMapping.EXACT_UP_TO;


  /**
   * The ends of each printed percentile's distribution-free 95% interval: the values of the
   * replications' order statistics either side of it ({@link PercentileRanks}), each widened
   * by the most the sketch may have moved it ({@link Accuracy#maxError}) and kept within the
   * exact smallest and largest values, so that they bound the exact order statistics (a
   * constant's are itself). NaN where the replications are too few to give an end.
   */
  public record Intervals(double p5Low, double p5High, double p10Low, double p10High,
      double p25Low, double p25High, double p50Low, double p50High, double p75Low,
      double p75High, double p90Low, double p90High, double p95Low, double p95High) {

    /** None: for a summary of no values. */
    static final Intervals NONE = of(none(), none());

    /** The intervals from their lower and upper ends in the order of {@link BandError#FIELDS}. */
    static Intervals of(double[] low, double[] high) {
      return new Intervals(low[0], high[0], low[1], high[1], low[2], high[2], low[3], high[3],
          low[4], high[4], low[5], high[5], low[6], high[6]);
    }

    private static double[] none() {
      double[] ends = new double[7];
      java.util.Arrays.fill(ends, Double.NaN);
      return ends;
    }

    /** The lower ends in the order of {@link BandError#FIELDS}. */
    public double[] lows() {
      return new double[] {p5Low, p10Low, p25Low, p50Low, p75Low, p90Low, p95Low};
    }

    /** The upper ends in the order of {@link BandError#FIELDS}. */
    public double[] highs() {
      return new double[] {p5High, p10High, p25High, p50High, p75High, p90High, p95High};
    }
  }

  /** Names of the statistics in outputs, in order ({@link #shareAboveZero} is apart). */
  public static final String[] FIELDS = {"mean", "sd", "se", "p5", "p10", "p25", "p50", "p75",
      "p90", "p95"};

  /** The percentiles p5 to p95, in the order of {@link BandError#FIELDS}. */
  public double[] percentiles() {
    return new double[] {p5, p10, p25, p50, p75, p90, p95};
  }

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
