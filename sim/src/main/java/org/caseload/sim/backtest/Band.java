package org.caseload.sim.backtest;

/**
 * A forecast of one value: its 5th percentile, median and 95th percentile, scored against
 * what was published. The one place of the scoring formulas.
 *
 * @param p5 5th percentile
 * @param p50 median, the point forecast
 * @param p95 95th percentile
 */
public record Band(double p5, double p50, double p95) {

  /** Weight of a miss in the 90% interval score: 2 / alpha with alpha = 0.1. */
  static final double MISS_WEIGHT = 20;

  /** Whether {@code actual} is inside the 5-95% band. */
  public boolean covers(double actual) {
    return actual >= p5 && actual <= p95;
  }

  /** Absolute error of the median. */
  public double error(double actual) {
    return Math.abs(p50 - actual);
  }

  /**
   * The 90% interval score (Gneiting and Raftery 2007): the width of the band plus 20 times
   * the distance of {@code actual} outside it. Lower is better; it rewards narrow bands
   * only while they still hold what happens.
   */
  public double intervalScore(double actual) {
    return (p95 - p5) + MISS_WEIGHT * (Math.max(0, p5 - actual) + Math.max(0, actual - p95));
  }
}
