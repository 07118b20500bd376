package org.caseload.sim.backtest;

/**
 * The naive forecasts the model must beat, each with a 5-95% band from its own year-on-year
 * errors over the council's history: the root mean square of its one-year-ahead errors
 * within the history (each of the forecast made from the years before it only), grown with
 * the horizon as its own model of the series implies.
 */
public enum NaiveForecaster {

  /** The base year's value carried forward (a random walk: the spread grows as sqrt(h)). */
  LAST_VALUE {
    @Override
    double point(History history, int h) {
      return history.last();
    }

    @Override
    double oneStep(History history, int i) {
      return history.values().get(i - 1);
    }

    @Override
    double spreadGrowth(int h) {
      return Math.sqrt(h);
    }
  },

  /**
   * The council's own mean plus {@code 0.7^h} of its last deviation from it (an AR(1) with
   * coefficient 0.7: the spread grows as the square root of the sum of {@code 0.49^i}).
   */
  MEAN_REVERTING {
    @Override
    double point(History history, int h) {
      double mean = history.mean();
      return mean + Math.pow(PERSISTENCE, h) * (history.last() - mean);
    }

    /** From the mean of the values before {@code i} only, never one holding value i. */
    @Override
    double oneStep(History history, int i) {
      double mean = history.values().subList(0, i).stream().mapToDouble(Double::doubleValue)
          .average().orElseThrow();
      return mean + PERSISTENCE * (history.values().get(i - 1) - mean);
    }

    @Override
    double spreadGrowth(int h) {
      double sum = 0;
      for (int i = 0; i < h; i++) {
        sum += Math.pow(PERSISTENCE * PERSISTENCE, i);
      }
      return Math.sqrt(sum);
    }
  };

  /** Share of the last deviation from the mean kept a year later. */
  static final double PERSISTENCE = 0.7;
  /** The standard normal's 95th percentile: the band is the point +- this many spreads. */
  static final double Z_95 = 1.6448536269514722;

  /** The point forecast {@code h} years after the last value. */
  abstract double point(History history, int h);

  /**
   * The one-year-ahead forecast of value {@code i} (at least 1) as the forecaster would have
   * made it from the values before it only (out of sample).
   */
  abstract double oneStep(History history, int i);

  /** Spread at horizon {@code h} over the spread one year ahead. */
  abstract double spreadGrowth(int h);

  /**
   * The forecast of 30 September {@code year} with its band, clamped to {@code [floor,
   * ceiling]}; null unless the base year's value and an earlier one are published.
   */
  Band forecast(History history, int year, double floor, double ceiling) {
    if (!history.forecastable()) {
      return null;
    }
    int h = year - history.baseYear();
    double squares = 0;
    for (int i = 1; i < history.size(); i++) {
      double e = history.values().get(i) - oneStep(history, i);
      squares += e * e;
    }
    double spread = Math.sqrt(squares / (history.size() - 1)) * spreadGrowth(h);
    double point = point(history, h);
    return new Band(clamp(point - Z_95 * spread, floor, ceiling), clamp(point, floor, ceiling),
        clamp(point + Z_95 * spread, floor, ceiling));
  }

  private static double clamp(double v, double floor, double ceiling) {
    return Math.max(floor, Math.min(ceiling, v));
  }
}
