package org.caseload.sim.backtest;

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
 * @param last the base year's value carried forward, with its band (null when the council
 *     lacks the base year's value or an earlier one)
 * @param meanReverting the council's mean plus 0.7^h of its last deviation, with its band
 *     (null likewise)
 * @param trend the linear trend of the base year and earlier
 */
public record Score(String council, String code, Indicator indicator, int year, double actual,
    Band model, Band last, Band meanReverting, double trend) {

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

  public double intervalScoreMeanReverting() {
    return meanReverting == null ? Double.NaN : meanReverting.intervalScore(actual);
  }
}
