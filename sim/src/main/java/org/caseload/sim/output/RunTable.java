package org.caseload.sim.output;

import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import org.caseload.core.metrics.Metric;
import org.caseload.core.metrics.TeamMetric;
import org.caseload.core.scenario.Team;
import org.caseload.core.metrics.SnapshotMetric;
import org.caseload.core.metrics.Unit;
import org.caseload.sim.engine.RunResult;
import org.caseload.sim.summary.HalfWidths95;
import org.caseload.sim.summary.Summary;
import org.caseload.sim.target.TargetResult;

/**
 * A readable table of a run, 120 columns wide with the default metrics: the chosen metrics by
 * month, each as its mean and under it the 5th-95th percentile band, and for counts that are
 * mostly zero the share of replications above zero; the 30 September DfE snapshots; cost by
 * year and over the horizon; the targets. Horizons over 24 months show every third month.
 *
 * @implNote Stateless and thread-safe.
 */
public final class RunTable {

  /** The monthly metrics shown unless others are chosen. */
  public static final List<Metric> COLUMNS = List.of(Metric.caseload, Metric.caseloadAssessment,
      Metric.caseloadLongTerm, Metric.unallocatedCases, Metric.vacancyRate, Metric.agencyFte,
      Metric.cost);

  private static final List<SnapshotMetric> SNAPSHOT_COLUMNS = List.of(SnapshotMetric.inPostFte,
      SnapshotMetric.vacancyRate, SnapshotMetric.turnoverRate, SnapshotMetric.agencyRate,
      SnapshotMetric.caseload, SnapshotMetric.unallocatedCases, SnapshotMetric.cost);

  private RunTable() {}

  /** The table with the default metrics. */
  public static String write(RunResult result) {
    return write(result, COLUMNS);
  }

  /** The table with {@code metrics} as its monthly columns. */
  public static String write(RunResult result, List<Metric> metrics) {
    StringBuilder out = new StringBuilder();
    out.append(result.scenario().name()).append('\n');
    out.append(String.format(Locale.ROOT, "%s, seed %d, from %s%s.%n",
        Cells.replications(result.replications()), result.seed(), result.baseDate(),
        result.stoppedEarly() ? String.format(Locale.ROOT,
            " (stopped early: precision reached, of %,d asked for)",
            result.requestedReplications()) : ""));
    out.append("Each month (date: its end): the mean, and under it the 5th-95th percentile band"
        + " over replications;\nP(>0): the share of replications with any.\n\n");
    out.append(monthly(result, metrics));
    out.append(nobodyHoldingCases(result, "replications", false));
    if (result.scenario().hasLocalTeams()) {
      out.append("\nBy team (each role has several teams), every 12 months and at the end:\n");
      out.append(byTeam(result));
    }
    if (!result.snapshots().isEmpty()) {
      out.append("\nDfE snapshots at 30 September (turnover and cost over the 12 months):\n");
      out.append(snapshots(result));
      result.snapshots().stream().filter(s -> s.monthsObserved() < 12).findFirst()
          .ifPresent(s -> out.append(String.format(Locale.ROOT, "* %d months of flows (turnover,"
              + " cost) after the base date, scaled to a year.%n", s.monthsObserved())));
    }
    out.append('\n').append(CostTable.run(result));
    if (!result.targets().isEmpty()) {
      out.append("\nTargets (probability, 95% interval):\n");
      for (TargetResult t : result.targets()) {
        out.append(String.format(Locale.ROOT, "  %-50s %7s  [%s, %s]%n", t.target().text(),
            Cells.tenth(t.probability()), Cells.tenth(t.lower95()), Cells.tenth(t.upper95())));
      }
    }
    out.append("\nRates in percent (targets take fractions: vacancyRate <= 0.15). Cost in pounds"
        + " (k thousand, m million, bn billion):\na month, or the 12 months to 30 September in"
        + " snapshots. Other metrics: --metrics NAME,NAME ('caseload metrics').\n"
        + Cells.ACCURACY + Cells.MONTE_CARLO_ERROR);
    return out.toString();
  }

  /**
   * Where a caseload or a rate has no value in some replications ({@link Metric#definedIn}:
   * nobody holds cases, a team's cases wait with nobody in it to take them, a rate's
   * denominator is 0; {@link Metric#whyNoValue}): how many at most and when,
   * and that they are left out of its means and bands (and, {@code compared}, a comparison's
   * differences; {@code whose} names the scenario's replications) and fail a target on it;
   * empty where every metric always has a value. (Removing the Isles of Scilly's only agency worker had
   * compared as 14 fewer cases a head, P(better) 99%, its caseload of nobody read as 0; an
   * outside audit.)
   */
  static String nobodyHoldingCases(RunResult result, String whose, boolean compared) {
    StringBuilder out = new StringBuilder();
    int[] worst = fewestWithValue(result, Metric.caseload);
    if (worst[0] > 0) {
      out.append(String.format(Locale.ROOT, "* Nobody holds cases in %s of %s at month %d (the"
          + " most of any month): a caseload\n  there is no caseload, not a low one; it is left"
          + " out of the caseloads' %s,\n  and a target on a caseload is not met there.%n",
          Cells.tenth(missingShare(result, worst)), whose, worst[0],
          compared ? "means, bands and differences" : "means and bands"));
    }
    for (Metric other : Metric.values()) {
      String why = other.whyNoValue();
      if (why == null || why.equals(Metric.caseload.whyNoValue())) {
        continue;
      }
      // a team's caseload is left out wherever nobody holds cases too, said once above: its
      // line counts only the replications where someone holds cases and the team's cases wait
      // unattended (it had counted both, and said 23.0% where 1.7% were the team's own)
      boolean team = other.name().startsWith("caseload");
      int worstMonth = 0;
      long most = 0;
      for (int month = 1; month <= result.months(); month++) {
        long beside = team ? result.summary(month, Metric.caseload).n() : result.replications();
        long missing = beside - result.summary(month, other).n();
        if (missing > most) {
          most = missing;
          worstMonth = month;
        }
      }
      if (worstMonth > 0) {
        out.append(String.format(Locale.ROOT, "* %s has no value in %s of %s at month %d\n"
            + "  (%s): left out of its means and bands%s,\n  and a target on it is not met"
            + " there.%n", other.name(), Cells.tenth((double) most / result.replications()),
            whose, worstMonth, why, compared ? " and differences" : ""));
      }
    }
    return out.toString();
  }

  /** {month, n} of the month where {@code metric} has a value in fewest replications; 0 if all. */
  private static int[] fewestWithValue(RunResult result, Metric metric) {
    int[] worst = {0, (int) Math.min(Integer.MAX_VALUE, result.replications())};
    for (int month = 1; month <= result.months(); month++) {
      long n = result.summary(month, metric).n();
      if (n < worst[1]) {
        worst[0] = month;
        worst[1] = (int) n;
      }
    }
    return worst;
  }

  private static double missingShare(RunResult result, int[] worst) {
    return 1 - (double) worst[1] / result.replications();
  }

  private static String monthly(RunResult result, List<Metric> metrics) {
    List<RunResult.MonthSummary> shown = result.monthly().stream()
        .filter(m -> result.months() <= 24 || m.month() % 3 == 0 || m.month() == 1
            || m.month() == result.months())
        .toList();
    TextGrid grid = new TextGrid("rl");
    List<String> top = new ArrayList<>(List.of("", ""));
    List<String> bottom = new ArrayList<>(List.of("month", "date"));
    List<Boolean> aboveZero = new ArrayList<>();
    for (Metric m : metrics) {
      String[] header = header(m.name());
      top.add(header[0]);
      bottom.add(header[1]);
      boolean share = mostlyZero(m, shown);
      aboveZero.add(share);
      if (share) {
        top.add("");
        bottom.add("P(>0)");
      }
    }
    grid.add(top);
    grid.add(bottom);
    for (RunResult.MonthSummary month : shown) {
      List<String> means = new ArrayList<>(List.of(Integer.toString(month.month()),
          Cells.month(month.date())));
      List<String> bands = new ArrayList<>(List.of("", ""));
      for (int i = 0; i < metrics.size(); i++) {
        Metric m = metrics.get(i);
        Summary s = month.get(m);
        means.add(Cells.value(m.unit(), s.mean()));
        bands.add(Cells.band(m.unit(), s.p5(), s.p95()));
        if (aboveZero.get(i)) {
          means.add(Cells.percent(s.shareAboveZero()));
          bands.add("");
        }
      }
      grid.add(means);
      grid.add(bands);
    }
    List<Column> columns = new ArrayList<>();
    for (int i = 0; i < metrics.size(); i++) {
      Metric m = metrics.get(i);
      columns.add(new Column(m.unit(), shown.stream().map(month -> month.get(m)).toList(),
          aboveZero.get(i)));
    }
    addErrors(grid, 2, columns);
    return grid.render();
  }

  /** A column's summaries in the periods shown, and whether a P(>0) column follows it. */
  private record Column(Unit unit, List<Summary> summaries, boolean aboveZero) {}

  /**
   * Two rows under the last period, after its {@code labelColumns} (month and date, or date):
   * the largest Monte Carlo errors over the periods shown of each column's means (the 95%
   * interval's half-width), of its band ends and of its shares above zero
   * ({@link HalfWidths95}), so that the row holds for every figure above it (the last
   * period's alone had been smaller than earlier months' for the lower band ends of vacancy
   * and caseload).
   */
  private static void addErrors(TextGrid grid, int labelColumns, List<Column> columns) {
    List<String> means = new ArrayList<>(List.of("±"));
    List<String> bands = new ArrayList<>(List.of(""));
    for (int i = 1; i < labelColumns; i++) {
      means.add("");
      bands.add("");
    }
    for (Column column : columns) {
      double mean = 0;
      double low = 0;
      double high = 0;
      double share = 0;
      for (Summary s : column.summaries()) {
        // too few replications to estimate the band ends' errors: none (and the mean's from
        // one replication is NaN too); Math.max keeps a NaN
        HalfWidths95 e = HalfWidths95.ofValues(s);
        mean = Math.max(mean, e.mean());
        low = Math.max(low, e.bands().p5());
        high = Math.max(high, e.bands().p95());
        share = Math.max(share, e.shareAboveZero());
      }
      means.add(Cells.error(column.unit(), mean));
      bands.add(Cells.bandError(column.unit(), low, high));
      if (column.aboveZero()) {
        means.add(Cells.error(Unit.RATE, share));
        bands.add("");
      }
    }
    grid.add(means);
    grid.add(bands);
  }

  private static String byTeam(RunResult result) {
    TextGrid grid = new TextGrid("rll");
    List<String> top = new ArrayList<>(List.of("", "", ""));
    List<String> bottom = new ArrayList<>(List.of("month", "team", "role"));
    for (TeamMetric m : TeamMetric.values()) {
      String[] header = header(m.name());
      top.add(header[0]);
      bottom.add(header[1]);
    }
    grid.add(top);
    grid.add(bottom);
    List<Team> teams = result.scenario().teams();
    for (RunResult.MonthSummary month : result.monthly()) {
      if (month.month() % 12 != 0 && month.month() != result.months()) {
        continue;
      }
      for (int t = 0; t < teams.size(); t++) {
        List<String> means = new ArrayList<>(List.of(Integer.toString(month.month()),
            teams.get(t).name(), teams.get(t).role().jsonName()));
        List<String> bands = new ArrayList<>(List.of("", "", ""));
        for (TeamMetric m : TeamMetric.values()) {
          Summary s = month.get(t, m);
          means.add(Cells.value(m.unit(), s.mean()));
          bands.add(Cells.band(m.unit(), s.p5(), s.p95()));
        }
        grid.add(means);
        grid.add(bands);
      }
    }
    return grid.render();
  }

  /**
   * Whether a metric gets a P(>0) column: a count whose median is zero in some month shown,
   * such as unallocated cases, where the band says little and the chance of any matters.
   */
  static boolean mostlyZero(Metric metric, List<RunResult.MonthSummary> months) {
    return metric.unit() == Unit.COUNT && months.stream().anyMatch(m -> m.get(metric).p50() == 0);
  }

  private static String snapshots(RunResult result) {
    TextGrid grid = new TextGrid("l");
    List<String> top = new ArrayList<>(List.of(""));
    List<String> bottom = new ArrayList<>(List.of("date"));
    for (SnapshotMetric m : SNAPSHOT_COLUMNS) {
      String[] header = header(m.name());
      top.add(header[0]);
      bottom.add(header[1]);
    }
    grid.add(top);
    grid.add(bottom);
    for (RunResult.SnapshotSummary snapshot : result.snapshots()) {
      List<String> means = new ArrayList<>(List.of(snapshot.date()
          + (snapshot.monthsObserved() < 12 ? " *" : "")));
      List<String> bands = new ArrayList<>(List.of(""));
      for (SnapshotMetric m : SNAPSHOT_COLUMNS) {
        Summary s = snapshot.get(m);
        means.add(Cells.value(m.unit(), s.mean()));
        bands.add(Cells.band(m.unit(), s.p5(), s.p95()));
      }
      grid.add(means);
      grid.add(bands);
    }
    addErrors(grid, 1, SNAPSHOT_COLUMNS.stream().map(m -> new Column(m.unit(),
        result.snapshots().stream().map(snapshot -> snapshot.get(m)).toList(), false)).toList());
    return grid.render();
  }

  /**
   * A metric's name over two header lines, split before its second word:
   * {@code caseloadAssessment} is {@code caseload} over {@code Assessment}.
   */
  static String[] header(String name) {
    for (int i = 1; i < name.length(); i++) {
      if (Character.isUpperCase(name.charAt(i))) {
        return new String[] {name.substring(0, i), name.substring(i)};
      }
    }
    return new String[] {"", name};
  }

  /**
   * A value for a table cell, as every readable table shows it: counts whole with thousands
   * separators, FTE and caseloads to 0.1, rates as percentages, money with k, m or bn.
   */
  public static String format(Unit unit, double value) {
    return Cells.value(unit, value);
  }

  /** A Monte Carlo error as the tables' {@code ±} rows show it: {@code ±0.23}, rates in points. */
  public static String formatError(Unit unit, double value) {
    return Cells.error(unit, value);
  }
}
