package org.caseload.sim.summary;

/**
 * How far each figure of a {@link Summary} could be from its value with endless replications:
 * the half-width of its 95% interval. The mean's is Student's t times its standard error
 * ({@link Summary#halfWidth95}); each percentile's is its {@link BandError}, the larger
 * distance to an end of its distribution-free order-statistic interval, which takes in the
 * most the summary's sketch may have moved those ends (none below
 * {@link BandError#MIN_REPLICATIONS} replications); the share above zero's is how far its 95%
 * Clopper-Pearson interval reaches from it, on its longer side. The one place outputs take
 * their stated accuracy from: the tables' {@code ±} rows and the JSON and CSV of runs and
 * comparisons. NaN where there is no estimate.
 *
 * @param mean of the mean
 * @param bands of the percentiles p5, p10, p25, p50, p75, p90 and p95
 * @param shareAboveZero of the share of replications above zero, as a fraction
 */
public record HalfWidths95(double mean, BandError bands, double shareAboveZero) {

  /** Names of the figures in outputs, in the order of {@link #values()}. */
  public static final String[] FIELDS = {"mean", "p5", "p10", "p25", "p50", "p75", "p90", "p95",
      "shareAboveZero"};

  /** The half-widths of {@code s}'s figures. */
  public static HalfWidths95 of(Summary s) {
    return new HalfWidths95(s.halfWidth95(), BandError.stated(s), shareReach(s));
  }

  /**
   * The half-widths of {@code s}'s figures where it summarises a metric's values (not paired
   * differences, whose replications all equal are one set of random numbers through both
   * scenarios, exactly equal): the mean's is undefined (NaN) where every replication gave the
   * same value, which shows nothing of how far the mean could be from it. An analyst's trial:
   * all 400 of Medway's replications had no child waiting at month 22, "+-0.00"; 8,000 gave a
   * mean of 0.019.
   */
  public static HalfWidths95 ofValues(Summary s) {
    HalfWidths95 h = of(s);
    return s.n() >= 2 && !(s.sd() > 0) ? new HalfWidths95(Double.NaN, h.bands(),
        h.shareAboveZero()) : h;
  }

  /** How far the 95% Clopper-Pearson interval of a summary's share above zero reaches. */
  static double shareReach(Summary s) {
    return shareReach(s.shareAboveZero(), s.n());
  }

  /**
   * How far the 95% Clopper-Pearson interval of {@code share} of {@code n} replications (a
   * whole number of them) reaches from it, on its longer side; NaN for no replications or a
   * share that is not defined (NaN).
   */
  public static double shareReach(double share, long n) {
    if (n == 0 || Double.isNaN(share)) {
      return Double.NaN;
    }
    long count = Math.round(share * n);
    double p = (double) count / n;
    return Math.max(p - ClopperPearson.lower95(count, n), ClopperPearson.upper95(count, n) - p);
  }

  /** The half-widths in the order of {@link #FIELDS}. */
  public double[] values() {
    double[] b = bands.values();
    return new double[] {mean, b[0], b[1], b[2], b[3], b[4], b[5], b[6], shareAboveZero};
  }
}
