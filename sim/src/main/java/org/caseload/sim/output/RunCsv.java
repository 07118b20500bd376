package org.caseload.sim.output;

import java.util.Arrays;
import java.util.List;
import org.caseload.core.metrics.Metric;
import org.caseload.core.metrics.SnapshotMetric;
import org.caseload.core.metrics.TeamMetric;
import org.caseload.core.scenario.Team;
import org.caseload.sim.engine.CostTotals;
import org.caseload.sim.engine.RunResult;
import org.caseload.sim.summary.HalfWidths95;
import org.caseload.sim.summary.Summary;
import org.caseload.sim.target.EveryTarget;
import org.caseload.sim.target.Goal;
import org.caseload.sim.target.Target;
import org.caseload.sim.target.TargetResult;

/**
 * CSV of a run, numbers as {@link CsvNumbers} writes them. Tidy: one row per metric per
 * period, {@code period} being {@code month}, {@code snapshot} (30 September; its
 * {@code month} is the month of the horizon it falls at), {@code year} (cost over a plan
 * year, at its last month) or {@code horizon} (cost over the whole horizon), and where a role
 * has several teams {@code team} (a team's metric in a month, named {@code TEAM/METRIC}).
 * Wide: one row per month, one column per metric and statistic ({@code caseload_mean,
 * caseload_sd, ...}), then where a role has several teams one per team metric and statistic
 * ({@code east/caseload_mean, ...}). A choice of metrics narrows the team metrics too: those
 * of the same names. Tidy CSV ends with the targets, period {@code target}. Every row states
 * its accuracy: after the statistics, the half-width of the 95% interval of the mean, of each
 * percentile (empty below 100 replications) and of the share above zero
 * ({@link HalfWidths95}; a target's probability is its row's share above zero, and that
 * share's half-width its Clopper-Pearson interval's reach), and last the replications it is
 * of ({@code n}).
 *
 * @implNote Stateless and thread-safe.
 */
public final class RunCsv {

  /**
   * The statistics of a row: {@link Summary#FIELDS}, the share above zero, then the half-width
   * of the 95% interval of each of the mean, the percentiles and the share
   * ({@link HalfWidths95#FIELDS}, as {@code meanHalfWidth95, p5HalfWidth95, ...}), and last
   * {@code n}, the replications the row is of (fewer than the run's where a caseload or rate
   * had nothing to divide by in some).
   */
  private static final String STATISTICS = String.join(",", Summary.FIELDS) + ",shareAboveZero,"
      + String.join(",", Arrays.stream(HalfWidths95.FIELDS).map(f -> f + "HalfWidth95")
          .toList()) + ",n";

  /** The header row of the tidy layout. */
  public static final String HEADER = "period,month,date,metric," + STATISTICS;

  private RunCsv() {}

  /** Tidy CSV of every metric and snapshot indicator. */
  public static String write(RunResult result) {
    return write(result, List.of(Metric.values()));
  }

  /** Tidy CSV of {@code metrics} and of the snapshot indicators of the same names. */
  public static String write(RunResult result, List<Metric> metrics) {
    StringBuilder out = new StringBuilder(HEADER).append('\n');
    for (RunResult.MonthSummary month : result.monthly()) {
      for (Metric m : metrics) {
        row(out, "month", month.month(), month.date().toString(), m.name(), month.get(m));
      }
    }
    for (RunResult.SnapshotSummary snapshot : result.snapshots()) {
      for (SnapshotMetric m : SnapshotMetric.values()) {
        if (metrics.stream().anyMatch(chosen -> chosen.name().equals(m.name()))) {
          row(out, "snapshot", snapshot.month(), snapshot.date().toString(), m.name(),
              snapshot.get(m));
        }
      }
    }
    if (metrics.contains(Metric.cost)) {
      costs(out, result);
    }
    if (result.scenario().hasLocalTeams()) {
      teams(out, result, teamMetrics(metrics));
    }
    targets(out, result);
    return out.toString();
  }

  /**
   * Each target, then every target together where there are two or more ({@link Goal#of}), as
   * a 0/1 outcome per replication ({@link TargetResult#outcome}): period {@code target}, the
   * month it is checked at ({@link #monthOf}), metric the target as written (or {@code every
   * target together}); its mean is the probability.
   */
  private static void targets(StringBuilder out, RunResult result) {
    for (TargetResult target : result.targets()) {
      int month = monthOf(target.target(), result);
      row(out, "target", month, result.monthly().get(month - 1).date().toString(),
          CsvNumbers.text(target.target().text()), target.outcome());
    }
  }

  /**
   * The month of the horizon a goal is checked at: a target's, the last for a span of months,
   * and every target together's the latest of its targets'.
   */
  static int monthOf(Goal goal, RunResult result) {
    if (goal instanceof EveryTarget every) {
      return every.targets().stream().mapToInt(target -> monthOf(target, result)).max()
          .orElseThrow();
    }
    return monthOf((Target) goal, result);
  }

  private static int monthOf(Target target, RunResult result) {
    return switch (target.scope()) {
      case MONTH -> target.month();
      case SNAPSHOT -> result.snapshots().stream()
          .filter(s -> s.date().equals(target.snapshotDate()))
          .mapToInt(RunResult.SnapshotSummary::month).findFirst()
          .orElse(result.monthly().size());
      case EVERY_MONTH, ANY_MONTH -> result.monthly().size();
    };
  }

  /** The team metrics of the same names as {@code metrics}. */
  private static List<TeamMetric> teamMetrics(List<Metric> metrics) {
    return java.util.Arrays.stream(TeamMetric.values())
        .filter(m -> metrics.stream().anyMatch(chosen -> chosen.name().equals(m.name())))
        .toList();
  }

  /**
   * Where a role has several teams, each team's metrics by month: period {@code team}, metric
   * {@code TEAM/METRIC} (e.g. {@code east/caseload}; see {@code caseload metrics}).
   */
  private static void teams(StringBuilder out, RunResult result, List<TeamMetric> chosen) {
    List<Team> teams = result.scenario().teams();
    for (RunResult.MonthSummary month : result.monthly()) {
      for (int t = 0; t < teams.size(); t++) {
        for (TeamMetric m : chosen) {
          row(out, "team", month.month(), month.date().toString(),
              CsvNumbers.text(teams.get(t).name() + "/" + m.name()), month.get(t, m));
        }
      }
    }
  }

  /** Cost totals: a row per plan year ({@code year}) and one for the horizon. */
  private static void costs(StringBuilder out, RunResult result) {
    CostTotals costs = result.costs();
    for (int y = 1; y <= costs.byYear().size(); y++) {
      int last = 12 * (y - 1) + costs.monthsIn(y);
      row(out, "year", last, result.monthly().get(last - 1).date().toString(), "cost",
          costs.byYear().get(y - 1));
    }
    row(out, "horizon", costs.months(),
        result.monthly().get(costs.months() - 1).date().toString(), "cost", costs.horizon());
  }

  /**
   * Wide CSV: a row per month, a column per metric of {@code metrics} and statistic, then
   * per team metric of the same names and statistic where a role has several teams.
   */
  public static String wide(RunResult result, List<Metric> metrics) {
    List<Team> teams = result.scenario().hasLocalTeams() ? result.scenario().teams()
        : List.of();
    List<TeamMetric> teamMetrics = teamMetrics(metrics);
    StringBuilder out = new StringBuilder("month,date");
    for (Metric m : metrics) {
      for (String field : STATISTICS.split(",")) {
        out.append(',').append(m.name()).append('_').append(field);
      }
    }
    for (Team team : teams) {
      for (TeamMetric m : teamMetrics) {
        for (String field : STATISTICS.split(",")) {
          out.append(',').append(CsvNumbers.text(team.name() + "/" + m.name() + "_" + field));
        }
      }
    }
    out.append('\n');
    for (RunResult.MonthSummary month : result.monthly()) {
      out.append(month.month()).append(',').append(month.date());
      for (Metric m : metrics) {
        values(out, month.get(m));
      }
      for (int t = 0; t < teams.size(); t++) {
        for (TeamMetric m : teamMetrics) {
          values(out, month.get(t, m));
        }
      }
      out.append('\n');
    }
    return out.toString();
  }

  /** One tidy row: period, month, date, metric and the summary's values. */
  public static void row(StringBuilder out, String period, int month, String date,
      String metric, Summary summary) {
    cells(out, period, month, date, metric, summary);
    out.append('\n');
  }

  /**
   * One tidy row's cells without its line end ({@link #HEADER}'s columns), for outputs that
   * append columns of their own after them (a sweep's paired differences).
   */
  public static void cells(StringBuilder out, String period, int month, String date,
      String metric, Summary summary) {
    out.append(period).append(',').append(month).append(',').append(date).append(',')
        .append(metric);
    values(out, summary);
  }

  private static void values(StringBuilder out, Summary summary) {
    for (double v : summary.values()) {
      out.append(',').append(CsvNumbers.format(v));
    }
    out.append(',').append(CsvNumbers.format(summary.shareAboveZero()));
    for (double v : HalfWidths95.ofValues(summary).values()) {
      out.append(',').append(CsvNumbers.format(v));
    }
    out.append(',').append(summary.n());
  }
}
