package org.caseload.sim.backtest;

/**
 * One forecast scored against the published value.
 *
 * @param council the council's name
 * @param code its code
 * @param indicator what was forecast
 * @param year the 30 September forecast
 * @param actual the published value
 * @param p5 5th percentile of the forecast
 * @param p50 median of the forecast
 * @param p95 95th percentile of the forecast
 * @param lastValue the naive forecast: the base year's value carried forward
 * @param trend the naive forecast: the linear trend of the base year and earlier
 */
public record Score(String council, String code, Indicator indicator, int year, double actual,
    double p5, double p50, double p95, double lastValue, double trend) {

  public boolean inside() {
    return actual >= p5 && actual <= p95;
  }

  public double errorMedian() {
    return Math.abs(p50 - actual);
  }

  public double errorLast() {
    return Math.abs(lastValue - actual);
  }

  public double errorTrend() {
    return Math.abs(trend - actual);
  }
}
