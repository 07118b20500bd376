package org.caseload.sim.backtest;

/**
 * The Monte Carlo standard errors of a forecast's 5th percentile, median and 95th percentile
 * from R replications: the asymptotic standard error of a sample q-quantile,
 * sqrt(q (1 - q) / R) / f, with the density f at it taken from the neighbouring percentiles
 * of the same replications (the median's from p25 and p75: (p75 - p25) / sqrt(R); p5's from
 * p5 and p10, p95's from p90 and p95). An approximation (it takes the density as flat between
 * the percentiles, and is 0 where they coincide); what the backtest's verdicts call noise.
 *
 * @param p5 standard error of the 5th percentile
 * @param p50 standard error of the median
 * @param p95 standard error of the 95th percentile
 */
public record BandError(double p5, double p50, double p95) {

  /** The errors of percentiles p5, p10, p25, p75, p90 and p95 of r replications. */
  static BandError of(long r, double p5, double p10, double p25, double p75, double p90,
      double p95) {
    double tail = Math.sqrt(0.05 * 0.95 / r) / 0.05;
    return new BandError(tail * (p10 - p5), (p75 - p25) / Math.sqrt(r), tail * (p95 - p90));
  }
}
