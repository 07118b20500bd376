package org.caseload.sim.output;

import java.time.format.DateTimeFormatter;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import org.caseload.core.metrics.Unit;
import org.caseload.sim.engine.CostTotals;
import org.caseload.sim.engine.RunResult;
import org.caseload.sim.summary.Summary;

/**
 * Cost by plan year (months 1-12, 13-24, ...; the last may be short) and over the horizon,
 * as the tables show it: each replication's totals summarised, so the bands are those of the
 * totals, not sums of monthly bands.
 *
 * @implNote Stateless and thread-safe.
 */
final class CostTable {

  private static final DateTimeFormatter MONTH = DateTimeFormatter.ofPattern("MMM yyyy",
      Locale.ENGLISH);

  private CostTable() {}

  /**
   * A run's cost: mean with its Monte Carlo 95% half-width ({@code ±}, half its 95% interval),
   * 5th-95th percentile band and mean a month, by year and in total.
   */
  static String run(RunResult result) {
    CostTotals costs = result.costs();
    TextGrid grid = new TextGrid("l");
    grid.add(List.of("Cost (pounds at each month's prices)", "mean", "±", "5th-95th percentile",
        "a month"));
    for (int y = 1; y <= costs.byYear().size(); y++) {
      Summary s = costs.byYear().get(y - 1);
      grid.add(List.of("  " + label(result, costs, y), Cells.money(s.mean()), halfWidth(s),
          Cells.band(Unit.MONEY, s.p5(), s.p95()),
          Cells.money(s.mean() / costs.monthsIn(y))));
    }
    if (costs.byYear().size() > 1) {
      Summary s = costs.horizon();
      grid.add(List.of("  " + horizon(result, costs), Cells.money(s.mean()), halfWidth(s),
          Cells.band(Unit.MONEY, s.p5(), s.p95()),
          Cells.money(s.mean() / costs.months())));
    }
    return grid.render();
  }

  /** The mean's 95% half-width, as the {@code ±} rows of the monthly table give it. */
  private static String halfWidth(Summary s) {
    return Cells.error(Unit.MONEY, s.halfWidth95());
  }

  /** A variant's extra cost over the baseline: mean and its 95% interval, by year and total. */
  static String extra(RunResult base, CostTotals extra) {
    TextGrid grid = new TextGrid("l");
    grid.add(List.of("Extra cost of the variant", "mean", "95% CI", "a month"));
    List<Summary> rows = new ArrayList<>(extra.byYear());
    for (int y = 1; y <= rows.size(); y++) {
      Summary s = rows.get(y - 1);
      grid.add(List.of("  " + label(base, extra, y), Cells.signedMoney(s.mean()),
          interval(s), Cells.signedMoney(s.mean() / extra.monthsIn(y))));
    }
    if (rows.size() > 1) {
      Summary s = extra.horizon();
      grid.add(List.of("  " + horizon(base, extra), Cells.signedMoney(s.mean()), interval(s),
          Cells.signedMoney(s.mean() / extra.months())));
    }
    grid.add(List.of("  a year on average", Cells.signedMoney(extra.meanPerYear()),
        interval(extra.meanPerYear95()), ""));
    return grid.render();
  }

  private static String interval(Summary s) {
    return interval(s.ci95());
  }

  private static String interval(double[] ci) {
    return "[" + Cells.signedMoney(ci[0]) + ", " + Cells.signedMoney(ci[1]) + "]";
  }

  /** {@code "year 1, Oct 2019-Sep 2020"}, with its months when the year is short. */
  private static String label(RunResult result, CostTotals costs, int year) {
    int first = 12 * (year - 1) + 1;
    int months = costs.monthsIn(year);
    return "year " + year + ", " + span(result, first, first + months - 1)
        + (months == 1 ? " (1 month)" : months < 12 ? " (" + months + " months)" : "");
  }

  private static String horizon(RunResult result, CostTotals costs) {
    return costs.months() + (costs.months() == 1 ? " month, " : " months, ")
        + span(result, 1, costs.months());
  }

  private static String span(RunResult result, int first, int last) {
    String from = MONTH.format(result.monthly().get(first - 1).date());
    return first == last ? from
        : from + "-" + MONTH.format(result.monthly().get(last - 1).date());
  }
}
