package org.caseload.sim.summary;

/**
 * The Monte Carlo errors of a forecast's percentiles from R replications, as 95% half-widths:
 * how far each printed percentile could be from the model's own quantile, the larger distance
 * from it to either end of the quantile's distribution-free 95% interval, the replications'
 * order statistics either side of it ({@link PercentileRanks}; the ends already widened by the
 * most the sketch may have moved them, {@link Summary.Intervals}). The quantile lies between
 * those ends at least 19 times in 20 whatever the distribution, so the printed percentile is
 * within this of it as often.
 *
 * <p>It replaced the asymptotic standard error sqrt(q (1 - q) / R) / f with the density f
 * from fixed neighbouring percentiles (p5's from p2 and p8), which holds for smooth values
 * only. Where a percentile sits on a jump between two whole numbers its neighbours are the
 * same number or one apart and the density reads as high: an outside audit found Rutland's
 * inPostFte p95 28 in 14 of 30 seeds and 29 in 16, stated +-0.45 to 0.68, while the interval
 * from ranks 936 and 964 of one seed's 1,000 is [28, 29], an error of 1. For smooth values the
 * two agree but for the noise of reading the interval's ends: this is 1.14-1.53 times the
 * 95th percentile of the printed percentile's distance from the exact quantile
 * ({@code PercentileErrorTest}; for money narrow beside its sketch bins, up to about 2). What
 * the backtest's verdicts call noise, the tables' {@code ±} rows state and the outputs'
 * {@code halfWidth95} give.
 *
 * @param p5 half-width of the 5th percentile's 95% interval
 * @param p10 of the 10th
 * @param p25 of the 25th
 * @param p50 of the median
 * @param p75 of the 75th
 * @param p90 of the 90th
 * @param p95 of the 95th
 */
public record BandError(double p5, double p10, double p25, double p50, double p75, double p90,
    double p95) {

  /**
   * The fewest replications whose percentiles' errors are stated: p5's interval (and p95's)
   * has an outer end from 72 (with fewer, the smallest value is above the 5% quantile more
   * than 2.5% of the time); 100, the least the outputs had stated before, is kept.
   */
  public static final int MIN_REPLICATIONS = 100;

  /** The normal 97.5th percentile: a 95% interval is this many standard errors either side. */
  public static final double Z975 = 1.959963984540054;

  /** No estimate: too few replications ({@link #MIN_REPLICATIONS}). */
  public static final BandError NONE = new BandError(Double.NaN, Double.NaN, Double.NaN,
      Double.NaN, Double.NaN, Double.NaN, Double.NaN);

  /** The percentiles' names in outputs, in the order of {@link #values()}. */
  public static final String[] FIELDS = {"p5", "p10", "p25", "p50", "p75", "p90", "p95"};

  /**
   * The errors of the percentiles of {@code s}, a summary of its replications: each the
   * larger distance from the percentile to an end of its interval (0 where the replications
   * all agree: the interval is that value); NaN where an end is missing.
   */
  public static BandError of(Summary s) {
    double[] p = s.percentiles();
    double[] low = s.intervals().lows();
    double[] high = s.intervals().highs();
    double[] e = new double[p.length];
    for (int i = 0; i < e.length; i++) {
      e[i] = Math.max(p[i] - low[i], high[i] - p[i]);
    }
    return new BandError(e[0], e[1], e[2], e[3], e[4], e[5], e[6]);
  }

  /**
   * The errors of {@code s}'s percentiles where there are enough replications to state
   * them, else {@link #NONE}: what outputs state.
   */
  public static BandError stated(Summary s) {
    return s.n() < MIN_REPLICATIONS ? NONE : of(s);
  }

  /**
   * The standard errors a normal 95% interval of these half-widths would have (each over
   * {@link #Z975}): for the backtest, which adds errors up as standard errors.
   */
  public BandError standardErrors() {
    return new BandError(p5 / Z975, p10 / Z975, p25 / Z975, p50 / Z975, p75 / Z975, p90 / Z975,
        p95 / Z975);
  }

  /** The errors in the order of {@link #FIELDS}. */
  public double[] values() {
    return new double[] {p5, p10, p25, p50, p75, p90, p95};
  }
}
