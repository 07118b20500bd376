package org.caseload.sim.engine;

import java.time.LocalDate;
import java.util.List;
import org.caseload.core.metrics.Metric;
import org.caseload.core.metrics.TeamMetric;
import org.caseload.core.metrics.DfeSnapshot;
import org.caseload.core.metrics.SnapshotMetric;
import org.caseload.core.scenario.Scenario;
import org.caseload.sim.summary.Summary;
import org.caseload.sim.target.TargetResult;

/**
 * What a Monte Carlo run found: summaries per metric per month and per indicator per 30
 * September snapshot, cost totals, and target probabilities.
 *
 * @param scenario the scenario as run
 * @param seed the master seed
 * @param rng the generator and how its streams were seeded
 * @param replications replications merged
 * @param requestedReplications replications asked for
 * @param stoppedEarly whether the precision requested was reached before all were run
 * @param monthly {@code monthly.get(t - 1)} summarises month t, indexed by metric ordinal
 * @param snapshots one per 30 September in the horizon
 * @param targets the targets' probabilities
 * @param costs total cost per plan year and over the horizon
 * @implNote Immutable and thread-safe (its arrays are not exposed).
 */
public record RunResult(Scenario scenario, long seed, String rng, long replications,
    long requestedReplications, boolean stoppedEarly, List<MonthSummary> monthly,
    List<SnapshotSummary> snapshots, List<TargetResult> targets, CostTotals costs) {

  public RunResult {
    monthly = List.copyOf(monthly);
    snapshots = List.copyOf(snapshots);
    targets = List.copyOf(targets);
  }

  public int months() {
    return monthly.size();
  }

  public LocalDate baseDate() {
    return scenario.baseDate();
  }

  /** The summary of {@code metric} in month {@code month} (1 to {@link #months()}). */
  public Summary summary(int month, Metric metric) {
    return monthly.get(month - 1).get(metric);
  }

  /** The summary of team {@code team}'s {@code metric} in month {@code month}. */
  public Summary summary(int month, int team, TeamMetric metric) {
    return monthly.get(month - 1).get(team, metric);
  }

  /**
   * Summaries of one month: of every {@link Metric} by ordinal, then of each team's
   * {@link TeamMetric}s (see {@link TeamMetric#column}).
   */
  public record MonthSummary(int month, LocalDate date, List<Summary> byMetric) {
    public MonthSummary {
      byMetric = List.copyOf(byMetric);
    }

    public Summary get(Metric metric) {
      return byMetric.get(metric.ordinal());
    }

    public Summary get(int team, TeamMetric metric) {
      return byMetric.get(TeamMetric.column(team, metric));
    }
  }

  /** Summaries of one 30 September snapshot. */
  public record SnapshotSummary(LocalDate date, int month, List<Summary> byMetric) {
    public SnapshotSummary {
      byMetric = List.copyOf(byMetric);
    }

    public Summary get(SnapshotMetric metric) {
      return byMetric.get(metric.ordinal());
    }

    /** Months of flows behind it: under 12, its flows are scaled to a year. */
    public int monthsObserved() {
      return DfeSnapshot.monthsObserved(month);
    }
  }
}
