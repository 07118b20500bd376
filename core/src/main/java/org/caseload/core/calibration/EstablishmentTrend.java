package org.caseload.core.calibration;

import java.util.Locale;
import org.apache.commons.math3.stat.descriptive.SummaryStatistics;
import org.caseload.core.data.Area;
import org.caseload.core.data.DfeTable;

/**
 * Growth of funded posts (in post + vacancies) from the years to the base year: England's
 * mean annual log change (a council's own, from two to five changes, forecast worse than no
 * growth at all in the backtest, docs/backtest.md), damped (posts are added in steps that
 * rarely repeat), with the year-to-year spread of the council's own changes as its
 * uncertainty (docs/calibration.md, "Flows"). England (or data without it) uses its own.
 */
final class EstablishmentTrend {

  /** Share of the past mean change carried forward: an assumption (the backtest's choice). */
  static final double DAMPING = 0.5;
  /** With one year of figures: no growth, uncertain by 5% a year (an assumption). */
  static final Trend UNKNOWN = new Trend(0, 0.05, 0);
  /** Spread assumed from a single annual change (an assumption). */
  static final double ONE_CHANGE_SD = 0.05;
  /** Plausible annual growth of funded posts. */
  static final Bounds GROWTH = new Bounds(-0.2, 0.2);
  /** Plausible spread of it; at least 3% (the backtest: bands were too narrow below). */
  static final Bounds GROWTH_SD = new Bounds(0.03, 0.3);

  private EstablishmentTrend() {}

  static Trend fit(Figures figures) {
    SummaryStatistics own = changes(figures, figures.area());
    Area england = figures.england();
    if (england != null && !england.equals(figures.area()) && own.getN() > 0) {
      SummaryStatistics national = changes(figures, england);
      if (national.getN() > 0) {
        double growth = GROWTH.clamp(Math.exp(national.getMean() * DAMPING) - 1);
        double sd = GROWTH_SD.clamp(own.getN() >= 2 ? own.getStandardDeviation()
            : ONE_CHANGE_SD);
        figures.note(String.format(Locale.ROOT, "funded posts: England's %+.1f%% a year,"
            + " halved to %+.1f%% (uncertain by %.1f%%, this area's spread)",
            100 * (Math.exp(national.getMean()) - 1), 100 * growth, 100 * sd));
        return new Trend(growth, sd, 0);
      }
    }
    SummaryStatistics changes = own;
    if (changes.getN() == 0) {
      figures.note("funded posts: one year of workforce figures; no growth assumed, uncertain"
          + " by 5% a year");
      return UNKNOWN;
    }
    double growth = GROWTH.clamp(Math.exp(changes.getMean() * DAMPING) - 1);
    double sd = GROWTH_SD.clamp(changes.getN() >= 2 ? changes.getStandardDeviation()
        : ONE_CHANGE_SD);
    figures.note(String.format(Locale.ROOT, "funded posts: %+.1f%% a year over %d years,"
        + " halved to %+.1f%% (uncertain by %.1f%%)", 100 * (Math.exp(changes.getMean()) - 1),
        changes.getN(), 100 * growth, 100 * sd));
    return new Trend(growth, sd, 0);
  }

  /** Annual log changes of {@code where}'s funded posts over the years to the base year. */
  private static SummaryStatistics changes(Figures figures, Area where) {
    SummaryStatistics changes = new SummaryStatistics();
    double previous = Double.NaN;
    for (int y = figures.year() - ReferralTrend.YEARS + 1; y <= figures.year(); y++) {
      double posts = figures.read(where, DfeTable.WORKFORCE, y, "inpost_fte")
          + figures.read(where, DfeTable.WORKFORCE, y, "vacancy_fte");
      if (posts > 0 && previous > 0) {
        changes.addValue(Math.log(posts / previous));
      }
      previous = posts;
    }
    return changes;
  }
}
