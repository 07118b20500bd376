package org.caseload.sim.backtest;

import org.caseload.sim.summary.BandError;

/**
 * One forecast scored against the published value, with the naive forecasts of the same
 * value.
 *
 * @param council the council's name
 * @param code its code
 * @param indicator what was forecast
 * @param year the 30 September forecast
 * @param actual the published value
 * @param model the model's forecast: 5th percentile, median, 95th percentile
 * @param modelError their Monte Carlo errors, 95% half-widths with the sketch's accuracy in
 *     them
 * @param last the base year's value carried forward, with its band (null when the council
 *     lacks the base year's value or an earlier one)
 * @param meanReverting the council's mean plus 0.7^h of its last deviation, with its band
 *     (null likewise)
 * @param trend the linear trend of the base year and earlier
 */
public record Score(String council, String code, Indicator indicator, int year, double actual,
    Band model, BandError modelError, Band last, Band meanReverting, double trend) {

  /** An estimate within this many se is within noise: {@link BandError#Z975}. */
  static final double Z975 = BandError.Z975;

  /** Whether both naive forecasts exist, so that the three can be compared. */
  public boolean comparable() {
    return last != null && meanReverting != null;
  }

  public boolean inside() {
    return model.covers(actual);
  }

  public double errorMedian() {
    return model.error(actual);
  }

  public double errorLast() {
    return last == null ? Double.NaN : last.error(actual);
  }

  public double errorMeanReverting() {
    return meanReverting == null ? Double.NaN : meanReverting.error(actual);
  }

  public double errorTrend() {
    return Math.abs(trend - actual);
  }

  public double intervalScore() {
    return model.intervalScore(actual);
  }

  public double intervalScoreLast() {
    return last == null ? Double.NaN : last.intervalScore(actual);
  }

  /** How the median's absolute error moves with the median: +1, -1 (or 0 on the value). */
  double errorSlope() {
    return Math.signum(model.p50() - actual);
  }

  /** How the interval score moves with p5: -1 (narrower), or +19 when the value is below. */
  double intervalScoreSlopeP5() {
    return actual < model.p5() ? Band.MISS_WEIGHT - 1 : -1;
  }

  /** How the interval score moves with p95: +1 (wider), or -19 when the value is above. */
  double intervalScoreSlopeP95() {
    return actual > model.p95() ? -(Band.MISS_WEIGHT - 1) : 1;
  }

  /**
   * Whether the published value is within the noise of a band end: within its 95% Monte
   * Carlo half-width of p5 or p95, so that whether the band covers it is down to chance.
   */
  public boolean nearBandEnd() {
    return Math.abs(actual - model.p5()) <= modelError.p5()
        || Math.abs(actual - model.p95()) <= modelError.p95();
  }

  /** The Monte Carlo standard errors of the percentiles, for sums of errors. */
  BandError modelSe() {
    return modelError.standardErrors();
  }

  public double intervalScoreMeanReverting() {
    return meanReverting == null ? Double.NaN : meanReverting.intervalScore(actual);
  }
}
