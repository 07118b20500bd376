package org.caseload.core.calibration;

import java.util.ArrayList;
import java.util.Collections;
import java.util.List;
import java.util.function.DoubleBinaryOperator;
import org.apache.commons.math3.stat.descriptive.SummaryStatistics;
import org.caseload.core.data.Area;
import org.caseload.core.data.DfeTable;

/**
 * The year-to-year spread of a workforce rate typical of councils over the same history
 * years (the median of every council's own standard deviation), the prior that a council's
 * own spread, read from two or three years, is pooled with: a spread from so few years is
 * often near zero by chance, and bands from it too narrow.
 */
final class TypicalSpread {

  private TypicalSpread() {}

  /**
   * The median over councils of the standard deviation over the history years of
   * {@code rate(numerator, denominator)}, NaN when no council has two years.
   */
  static double of(Figures figures, String numerator, String denominator,
      DoubleBinaryOperator rate) {
    List<Double> spreads = new ArrayList<>();
    for (Area council : figures.councils()) {
      SummaryStatistics values = new SummaryStatistics();
      for (int y = figures.year() - Figures.HISTORY + 1; y <= figures.year(); y++) {
        double n = figures.read(council, DfeTable.WORKFORCE, y, numerator);
        double d = figures.read(council, DfeTable.WORKFORCE, y, denominator);
        if (n >= 0 && d > 0) {
          double v = rate.applyAsDouble(n, d);
          if (Double.isFinite(v)) {
            values.addValue(v);
          }
        }
      }
      if (values.getN() >= 2) {
        spreads.add(values.getStandardDeviation());
      }
    }
    if (spreads.isEmpty()) {
      return Double.NaN;
    }
    Collections.sort(spreads);
    int m = spreads.size() / 2;
    return spreads.size() % 2 == 1 ? spreads.get(m) : (spreads.get(m - 1) + spreads.get(m)) / 2;
  }

  /**
   * A council's own spread pooled with the typical one as if the typical one were read from
   * {@code priorYears} more years: the root of the degrees-of-freedom weighted mean of the
   * variances.
   */
  static double pool(SummaryStatistics own, double typical, double priorYears) {
    double df = own.getN() - 1;
    if (Double.isNaN(typical) || priorYears <= 0) {
      return own.getStandardDeviation();
    }
    double s = df > 0 ? own.getStandardDeviation() : 0;
    return Math.sqrt((df * s * s + priorYears * typical * typical) / (df + priorYears));
  }
}
