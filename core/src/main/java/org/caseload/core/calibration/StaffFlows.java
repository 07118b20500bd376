package org.caseload.core.calibration;

import java.util.Locale;
import org.apache.commons.math3.stat.descriptive.SummaryStatistics;
import org.caseload.core.data.Area;
import org.caseload.core.data.DfeTable;
import org.caseload.core.scenario.Workforce;

/**
 * Leaving and hiring (docs/calibration.md, "Flows"). Turnover: the area's mean over the
 * history years shrunk towards England's (partial pooling), divided by the caseload pressure
 * factor so that the model reproduces it. Fill probability: the one at which the model's
 * balance is a vacancy rate between today's and the area's pooled mean (keeping
 * {@link #VACANCY_PERSISTENCE} of the gap), so that the model does not pull a council towards
 * the balance of its own noisy rates; the area's own fill probabilities of the history
 * years give only its spread.
 *
 * @param turnover the area's own turnover of each history year
 * @param fill the area's own fill probability of each history year
 * @param pressure the caseload pressure factor at the base caseload
 * @param annualTurnover the turnover used (at the reference caseload)
 * @param fillProbability the monthly fill probability used
 * @param vacancyTarget the vacancy rate at which that fill probability is the balance
 */
record StaffFlows(SummaryStatistics turnover, SummaryStatistics fill, double pressure,
    double annualTurnover, double fillProbability, double vacancyTarget) {

  /**
   * Staff-years at which a council's own rates weigh as much as England's; the backtest chose
   * 300 over 1,000 and over no pooling, and over 600 (docs/backtest.md).
   */
  static final double POOLING_STAFF_YEARS = 300;
  /**
   * Share of the gap between today's vacancy rate and the area's pooled mean that the
   * model's balance keeps: an assumption, half, between carrying today's rate (1) and
   * reverting to the mean (0); the backtest (docs/backtest.md) found 0.3-0.7 alike.
   */
  static final double VACANCY_PERSISTENCE = 0.5;
  /** Plausible monthly fill probability. */
  static final Bounds FILL = new Bounds(0, 0.9);

  static StaffFlows derive(Figures figures, WorkforceReturn now, Trend posts) {
    SummaryStatistics turnover = new SummaryStatistics();
    SummaryStatistics fill = new SummaryStatistics();
    SummaryStatistics vacancy = new SummaryStatistics();
    double staffYears = addHistory(figures, figures.area(), turnover, fill, vacancy);
    SummaryStatistics englandTurnover = new SummaryStatistics();
    SummaryStatistics englandVacancy = new SummaryStatistics();
    Area england = figures.england();
    if (england != null && !england.equals(figures.area())) {
      addHistory(figures, england, englandTurnover, new SummaryStatistics(), englandVacancy);
    }
    double pressure = Workforce.defaults().pressureFactor(now.caseload());
    // A council's own rates are noisy (a few hundred staff, three years): they are shrunk
    // towards England's with weight staff-years / (staff-years + POOLING_STAFF_YEARS).
    double weight = staffYears / (staffYears + POOLING_STAFF_YEARS);
    double pooledTurnover = pool(figures.orDefault(Figures.mean(turnover),
        Workforce.defaults().annualTurnover(), "turnover"), Figures.mean(englandTurnover),
        weight);
    double today = now.vacancies() / Math.max(now.vacancies() + now.inPost(), 1);
    double mean = pool(Figures.mean(vacancy), Figures.mean(englandVacancy), weight);
    double target = Double.isNaN(mean) ? today : mean + VACANCY_PERSISTENCE * (today - mean);
    double fillProbability = balanceFill(target, now.inPost() + now.vacancies(),
        pooledTurnover, posts.growth());
    figures.note(String.format(Locale.ROOT, "turnover and vacancy rate: %.0f%% this area's"
        + " own (%.0f staff-years), %.0f%% England's; fill probability %.3f a month, the"
        + " balance at a vacancy rate of %.1f%% (%.1f%% now, pooled mean %.1f%%)",
        100 * weight, staffYears, 100 * (1 - weight), fillProbability, 100 * target,
        100 * today, 100 * mean));
    return new StaffFlows(turnover, fill, pressure, pooledTurnover / pressure,
        fillProbability, target);
  }

  /**
   * The monthly fill probability at which the vacancy rate {@code target} is the model's
   * balance: the hires into open posts replace the leavers of the posts filled and fill the
   * posts added, and the open posts are the vacancies less the recruits between offer and
   * start.
   *
   * @param posts funded posts (in post + vacancies)
   * @param annualTurnover leavers a year per FTE in post
   * @param postsGrowth annual growth of funded posts
   */
  static double balanceFill(double target, double posts, double annualTurnover,
      double postsGrowth) {
    double filled = posts * (1 - target);
    double hazard = 1 - Math.exp(-annualTurnover / 12);
    double hiresPerMonth = filled * (hazard + Math.log(1 + postsGrowth) / 12);
    double open = posts * target - Workforce.defaults().hireDelayMonths() * hiresPerMonth;
    return open <= 0 ? FILL.max() : FILL.clamp(hiresPerMonth / open);
  }

  /** Recruits between offer and start: starters a month times the months to start. */
  static double pipeline(double starters) {
    return starters / 12 * Workforce.defaults().hireDelayMonths();
  }

  /**
   * Adds {@code where}'s turnover, fill probability and vacancy rate of each history year;
   * returns the staff-years (in-post FTE summed over those years) behind them.
   */
  private static double addHistory(Figures figures, Area where, SummaryStatistics turnover,
      SummaryStatistics fill, SummaryStatistics vacancy) {
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
      if (in > 0 && vac >= 0) {
        vacancy.addValue(vac / (vac + in));
      }
    }
    return staffYears;
  }

  private static double pool(double own, double england, double weight) {
    return Double.isNaN(england) ? own : weight * own + (1 - weight) * england;
  }

  /** Monthly fill probability that gives the starters seen, given the vacancies. */
  static double fillProbability(double starters, double vacancies) {
    double open = Math.max(vacancies - pipeline(starters), 1);
    return FILL.clamp(starters / 12 / open);
  }
}
