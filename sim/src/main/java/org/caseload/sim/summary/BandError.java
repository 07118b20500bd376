package org.caseload.sim.summary;

/**
 * The Monte Carlo standard errors of a forecast's percentiles from R replications: the
 * asymptotic standard error of a sample q-quantile, sqrt(q (1 - q) / R) / f, with the density
 * f at it from percentiles of the same replications either side of it: p5's from p2 and p8
 * (so f = 0.06 / (p8 - p2)), p10's from p7 and p13, p25's from p20 and p30, the median's from
 * p25 and p75, and the upper ones likewise. Measured against the spread of each percentile
 * over 4,000 sets of 200 draws and 2,000 sets of 1,000 (normal, lognormal, t with 5 degrees
 * of freedom; {@code BandErrorTest}), these are 1.02-1.26 times it: the tails' 1.10-1.26, the
 * median's 1.05-1.12, the others 1.02-1.10 (so nearer the middle the span is wider: three
 * points either side gave p25's 1.00 at best). They err on the side of calling a verdict
 * noise. (Taking p5's f from p5 and p10, as once, made them 17-31% too small.) What the
 * backtest's verdicts call noise, the tables' {@code ±} rows state and the outputs'
 * {@code halfWidth95} give.
 *
 * @param p5 standard error of the 5th percentile
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
   * The fewest replications whose percentiles' errors are estimated: with fewer, p2 and p8
   * (or p7 and p13) are a rank or two apart, or the same one, and the error would read as 0.
   */
  public static final int MIN_REPLICATIONS = 100;

  /** The normal 97.5th percentile: a 95% interval is this many standard errors either side. */
  public static final double Z975 = 1.959963984540054;

  /** No estimate: too few replications ({@link #MIN_REPLICATIONS}). */
  public static final BandError NONE = new BandError(Double.NaN, Double.NaN, Double.NaN,
      Double.NaN, Double.NaN, Double.NaN, Double.NaN);

  /** The percentiles' names in outputs, in the order of {@link #values()}. */
  public static final String[] FIELDS = {"p5", "p10", "p25", "p50", "p75", "p90", "p95"};

  /** The errors of the percentiles of {@code s}, a summary of its replications. */
  public static BandError of(Summary s) {
    if (s.sd() == 0) {
      // every replication agreed: each percentile is that value exactly (the sketch reports
      // the extremes as they are), and the spread shows nothing to err by
      return new BandError(0, 0, 0, 0, 0, 0, 0);
    }
    long n = s.n();
    Summary.Neighbours a = s.neighbours();
    Accuracy acc = s.accuracy();
    return new BandError(se(0.05, n, spread(acc, a.p2(), a.p8()), 0.06),
        se(0.10, n, spread(acc, a.p7(), a.p13()), 0.06),
        se(0.25, n, spread(acc, a.p20(), a.p30()), 0.10),
        spread(acc, s.p25(), s.p75()) / Math.sqrt(n),
        se(0.25, n, spread(acc, a.p70(), a.p80()), 0.10),
        se(0.10, n, spread(acc, a.p87(), a.p93()), 0.06),
        se(0.05, n, spread(acc, a.p92(), a.p98()), 0.06));
  }

  /**
   * How far apart two percentiles may be: their difference as the sketch gives them plus the
   * most each may have moved ({@link Accuracy#maxError}), so never less than the exact
   * distance. Neighbours in one bin of the sketch had read as one value, an error of 0: for a
   * month's cost whose p87 and p93 were 10,600 pounds apart at 1.25 million (bins of 12,500),
   * a p90 half-width 0.55 times the exact one. Whole numbers to 1,024 are exact, so their ties
   * stay ties; elsewhere it adds 2-6% to the errors of smooth distributions.
   */
  private static double spread(Accuracy accuracy, double low, double high) {
    return high - low + accuracy.maxError(low) + accuracy.maxError(high);
  }

  /**
   * The errors of {@code s}'s percentiles where there are enough replications to estimate
   * them, else {@link #NONE}: what outputs state.
   */
  public static BandError stated(Summary s) {
    return s.n() < MIN_REPLICATIONS ? NONE : of(s);
  }

  /**
   * The standard error of the sample q-quantile of {@code n} values whose percentiles
   * {@code span} apart around it are {@code distance} apart: sqrt(q (1 - q) / n) over the
   * density there, span / distance, with {@code tail} the smaller of q and 1 - q (the same
   * product either way, computed the same). The median's, span 0.5 from p25 and p75, is
   * written as (p75 - p25) / sqrt(n), the same.
   */
  private static double se(double tail, long n, double distance, double span) {
    return Math.sqrt(tail * (1 - tail) / n) / span * distance;
  }

  /** The half-widths of the percentiles' 95% intervals: {@link #Z975} standard errors. */
  public BandError halfWidths95() {
    return new BandError(Z975 * p5, Z975 * p10, Z975 * p25, Z975 * p50, Z975 * p75, Z975 * p90,
        Z975 * p95);
  }

  /** The errors in the order of {@link #FIELDS}. */
  public double[] values() {
    return new double[] {p5, p10, p25, p50, p75, p90, p95};
  }
}
