package org.caseload.sim.backtest;

import java.util.ArrayList;
import java.util.List;
import org.caseload.core.data.Area;
import org.caseload.core.data.DfeData;

/**
 * One council's published values of an indicator over the years up to the base year (never
 * later), in year order: what the naive forecasters know.
 *
 * @param baseYear the base year
 * @param years the years with a published value
 * @param values their values
 */
record History(int baseYear, List<Integer> years, List<Double> values) {

  /** Years before the base year that the naive forecasters and the trend look at. */
  static final int LOOKBACK = 5;

  History {
    years = List.copyOf(years);
    values = List.copyOf(values);
  }

  static History of(DfeData data, Area council, Indicator indicator, int baseYear) {
    List<Integer> years = new ArrayList<>();
    List<Double> values = new ArrayList<>();
    for (int y = baseYear - LOOKBACK; y <= baseYear; y++) {
      double v = indicator.actual(data, council, y);
      if (Double.isFinite(v)) {
        years.add(y);
        values.add(v);
      }
    }
    return new History(baseYear, years, values);
  }

  /** The last value, NaN when there is none. */
  double last() {
    return values.isEmpty() ? Double.NaN : values.get(values.size() - 1);
  }

  /** The mean, NaN when there are no values. */
  double mean() {
    return values.stream().mapToDouble(Double::doubleValue).average().orElse(Double.NaN);
  }

  /** Whether the base year's value and at least one earlier are published. */
  boolean forecastable() {
    return values.size() >= 2 && years.get(years.size() - 1) == baseYear;
  }

  int size() {
    return values.size();
  }
}
