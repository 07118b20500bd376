package org.caseload.core.calibration;

import java.util.Locale;
import org.apache.commons.math3.stat.descriptive.SummaryStatistics;
import org.caseload.core.data.Area;
import org.caseload.core.data.DfeTable;
import org.caseload.core.scenario.Workforce;

/**
 * Leaving and hiring: the area's turnover and fill probability over the history years,
 * shrunk towards England's rates of the same years (partial pooling), turnover divided by
 * the caseload pressure factor so that the model reproduces it (docs/calibration.md,
 * "Flows").
 *
 * @param turnover the area's own turnover of each history year
 * @param fill the area's own fill probability of each history year
 * @param pressure the caseload pressure factor at the base caseload
 * @param annualTurnover the turnover used (at the reference caseload)
 * @param fillProbability the monthly fill probability used
 */
record StaffFlows(SummaryStatistics turnover, SummaryStatistics fill, double pressure,
    double annualTurnover, double fillProbability) {

  /**
   * Staff-years at which a council's own rates weigh as much as England's; the backtest chose
   * 300 over 1,000 and over no pooling (docs/backtest.md).
   */
  static final double POOLING_STAFF_YEARS = 300;
  /** Plausible monthly fill probability. */
  static final Bounds FILL = new Bounds(0, 0.9);

  static StaffFlows derive(Figures figures, WorkforceReturn now) {
    Workforce defaults = Workforce.defaults();
    SummaryStatistics turnover = new SummaryStatistics();
    SummaryStatistics fill = new SummaryStatistics();
    double staffYears = addHistory(figures, figures.area(), turnover, fill);
    SummaryStatistics englandTurnover = new SummaryStatistics();
    SummaryStatistics englandFill = new SummaryStatistics();
    Area england = figures.england();
    if (england != null && !england.equals(figures.area())) {
      addHistory(figures, england, englandTurnover, englandFill);
    }
    double pressure = pressureAt(now.caseload());
    // A council's own rates are noisy (a few hundred staff, three years): they are shrunk
    // towards England's with weight staff-years / (staff-years + POOLING_STAFF_YEARS).
    double weight = staffYears / (staffYears + POOLING_STAFF_YEARS);
    double annualTurnover = pool(figures.orDefault(Figures.mean(turnover),
        defaults.annualTurnover(), "turnover"), Figures.mean(englandTurnover), weight)
        / pressure;
    // Like turnover, the fill probability is a mean over the history years: one year's
    // starters are too noisy to project (the backtest in docs/backtest.md says so).
    double fillProbability = pool(figures.orDefault(Figures.mean(fill),
        figures.orDefault(fillProbability(now.starters(), now.vacancies()),
            defaults.fillProbability(), "fill probability"), "fill probability history"),
        Figures.mean(englandFill), weight);
    figures.note(String.format(Locale.ROOT, "turnover and fill probability: %.0f%% this"
        + " area's own (%.0f staff-years), %.0f%% England's", 100 * weight, staffYears,
        100 * (1 - weight)));
    return new StaffFlows(turnover, fill, pressure, annualTurnover,
        FILL.clamp(fillProbability));
  }

  /** The caseload pressure factor of the leaving hazard (docs/specification.md section 4). */
  static double pressureAt(double caseload) {
    Workforce defaults = Workforce.defaults();
    return Math.exp(defaults.pressureBeta()
        * Math.max(0, caseload - defaults.caseloadReference()));
  }

  /** Recruits between offer and start: starters a month times the months to start. */
  static double pipeline(double starters) {
    return starters / 12 * Workforce.defaults().hireDelayMonths();
  }

  /**
   * Adds {@code where}'s turnover and fill probability of each history year; returns the
   * staff-years (in-post FTE summed over those years) behind them.
   */
  private static double addHistory(Figures figures, Area where, SummaryStatistics turnover,
      SummaryStatistics fill) {
    double staffYears = 0;
    for (int y = figures.year() - Figures.HISTORY + 1; y <= figures.year(); y++) {
      double in = figures.read(where, DfeTable.WORKFORCE, y, "inpost_fte");
      double out = figures.read(where, DfeTable.WORKFORCE, y, "leavers_fte");
      double start = figures.read(where, DfeTable.WORKFORCE, y, "starters_fte");
      double vac = figures.read(where, DfeTable.WORKFORCE, y, "vacancy_fte");
      if (in > 0 && out >= 0) {
        turnover.addValue(out / in);
        staffYears += in;
      }
      if (start >= 0 && vac >= 0) {
        fill.addValue(fillProbability(start, vac));
      }
    }
    return staffYears;
  }

  private static double pool(double own, double england, double weight) {
    return Double.isNaN(england) ? own : weight * own + (1 - weight) * england;
  }

  /** Monthly fill probability that gives the starters seen, given the vacancies. */
  private static double fillProbability(double starters, double vacancies) {
    double open = Math.max(vacancies - pipeline(starters), 1);
    return FILL.clamp(starters / 12 / open);
  }
}
