package org.caseload.sim.engine;

import java.time.LocalDate;
import java.util.ArrayList;
import java.util.List;
import org.caseload.core.metrics.DfeSnapshot;
import org.caseload.core.metrics.Metric;
import org.caseload.core.metrics.TeamMetric;
import org.caseload.core.metrics.SnapshotMetric;
import org.caseload.core.scenario.Scenario;
import org.caseload.sim.summary.Accuracy;
import org.caseload.sim.summary.Tally;
import org.caseload.sim.target.Goal;
import org.caseload.sim.target.Target;

/**
 * Accumulates replications of one scenario: a tally per metric per month, per indicator per
 * 30 September snapshot, of the cost per plan year and over the horizon, and the count of
 * replications meeting each goal ({@link Goal#of}: each target, then every target together
 * where there are two or more).
 *
 * @implNote Mutable, not thread-safe.
 */
final class Outcomes implements ChunkedRunner.Accumulator<Outcomes> {

  private final int months;
  private final int[] snapshotMonths;
  private final Tally[][] monthly;
  private final Tally[][] snapshots;
  private final long[] targetsMet;
  private final boolean[] metInLast;
  private final Tally[] costByYear;
  private final double[] yearBuffer;
  private final Tally costOverHorizon = new Tally(Accuracy.RELATIVE);
  private final TargetCheck check;
  private final double[] snapshotBuffer = new double[SnapshotMetric.COUNT];
  private static final SnapshotMetric[] SNAPSHOT_METRICS = SnapshotMetric.values();
  private long replications;

  Outcomes(Scenario scenario, List<Target> targets) {
    this.months = scenario.horizonMonths();
    this.snapshotMonths = snapshotMonths(scenario);
    int teams = scenario.hasLocalTeams() ? scenario.teams().size() : 0;
    this.monthly = new Tally[months][TeamMetric.rowWidth(teams)];
    for (int t = 0; t < months; t++) {
      for (Metric m : Metric.values()) {
        monthly[t][m.ordinal()] = new Tally(Accuracy.of(m.wholeNumbers()));
      }
      for (int team = 0; team < teams; team++) {
        for (TeamMetric m : TeamMetric.values()) {
          monthly[t][TeamMetric.column(team, m)] = new Tally(Accuracy.of(m.wholeNumbers()));
        }
      }
    }
    this.snapshots = new Tally[snapshotMonths.length][SnapshotMetric.COUNT];
    for (int s = 0; s < snapshotMonths.length; s++) {
      for (SnapshotMetric m : SnapshotMetric.values()) {
        int observed = DfeSnapshot.monthsObserved(snapshotMonths[s]);
        snapshots[s][m.ordinal()] = new Tally(Accuracy.of(m.wholeNumbers(observed)));
      }
    }
    this.targetsMet = new long[Goal.of(targets).size()];
    this.metInLast = new boolean[targetsMet.length];
    this.costByYear = new Tally[CostTotals.years(months)];
    this.yearBuffer = new double[costByYear.length];
    for (int y = 0; y < costByYear.length; y++) {
      costByYear[y] = new Tally(Accuracy.RELATIVE);
    }
    this.check = TargetCheck.of(scenario, targets);
  }

  /** How many tallies this holds (for {@link SummaryMemory}'s count). */
  long tallies() {
    long count = costByYear.length + 1;
    for (Tally[] row : monthly) {
      count += java.util.Arrays.stream(row).filter(java.util.Objects::nonNull).count();
    }
    for (Tally[] row : snapshots) {
      count += row.length;
    }
    return count;
  }

  /** The months of the scenario that end on 30 September. */
  static int[] snapshotMonths(Scenario scenario) {
    List<Integer> list = new ArrayList<>();
    for (int t = 1; t <= scenario.horizonMonths(); t++) {
      LocalDate date = scenario.dateOf(t);
      if (date.getMonthValue() == 9) {
        list.add(t);
      }
    }
    return list.stream().mapToInt(Integer::intValue).toArray();
  }

  /**
   * Records one replication: {@code rows[t - 1]} holds month t's metrics. A metric without a
   * value in a month ({@link TeamMetric#columnDefinedIn}: a caseload with nobody holding
   * cases, which reads 0) is left out of that month's tally, so its summary is of the
   * replications where it has one ({@link org.caseload.sim.summary.Summary#n}); so is a
   * snapshot's ({@link SnapshotMetric#definedIn}).
   */
  void record(double[][] rows) {
    replications++;
    for (int t = 0; t < months; t++) {
      Tally[] tallies = monthly[t];
      double[] row = rows[t];
      for (int m = 0; m < tallies.length; m++) {
        if (TeamMetric.columnDefinedIn(row, m)) {
          tallies[m].add(row[m]);
        }
      }
    }
    for (int s = 0; s < snapshotMonths.length; s++) {
      DfeSnapshot.compute(rows, snapshotMonths[s], snapshotBuffer);
      for (SnapshotMetric m : SNAPSHOT_METRICS) {
        if (m.definedIn(snapshotBuffer)) {
          snapshots[s][m.ordinal()].add(snapshotBuffer[m.ordinal()]);
        }
      }
    }
    recordCosts(rows);
    int targets = check.size();
    boolean every = true;
    for (int i = 0; i < targetsMet.length; i++) {
      metInLast[i] = i < targets ? check.holds(i, rows) : every;
      every &= metInLast[i];
      if (metInLast[i]) {
        targetsMet[i]++;
      }
    }
  }

  private void recordCosts(double[][] rows) {
    CostTotals.sumByYear(rows, yearBuffer);
    double horizon = 0;
    for (int y = 0; y < yearBuffer.length; y++) {
      costByYear[y].add(yearBuffer[y]);
      horizon += yearBuffer[y];
    }
    costOverHorizon.add(horizon);
  }

  /** Whether goal {@code index} ({@link Goal#of}) held in the replication recorded last. */
  boolean metInLast(int index) {
    return metInLast[index];
  }

  /**
   * Checks that every target can be evaluated in {@code scenario}: its month within the
   * horizon, its snapshot date one of the horizon's 30 Septembers.
   *
   * @throws IllegalArgumentException naming the target and the reason
   */
  static void check(Scenario scenario, List<Target> targets) {
    TargetCheck.check(scenario, targets);
  }

  @Override
  public void merge(Outcomes other) {
    replications += other.replications;
    for (int t = 0; t < months; t++) {
      for (int m = 0; m < monthly[t].length; m++) {
        monthly[t][m].merge(other.monthly[t][m]);
      }
    }
    for (int s = 0; s < snapshots.length; s++) {
      for (int m = 0; m < SnapshotMetric.COUNT; m++) {
        snapshots[s][m].merge(other.snapshots[s][m]);
      }
    }
    for (int i = 0; i < targetsMet.length; i++) {
      targetsMet[i] += other.targetsMet[i];
    }
    for (int y = 0; y < costByYear.length; y++) {
      costByYear[y].merge(other.costByYear[y]);
    }
    costOverHorizon.merge(other.costOverHorizon);
  }

  @Override
  public void clear() {
    replications = 0;
    for (Tally[] row : monthly) {
      for (Tally tally : row) {
        tally.clear();
      }
    }
    for (Tally[] row : snapshots) {
      for (Tally tally : row) {
        tally.clear();
      }
    }
    java.util.Arrays.fill(targetsMet, 0);
    for (Tally tally : costByYear) {
      tally.clear();
    }
    costOverHorizon.clear();
  }

  @Override
  public long replications() {
    return replications;
  }

  Tally monthly(int month, Metric metric) {
    return monthly[month - 1][metric.ordinal()];
  }

  /** The tally of a row's column (a metric, or a team's: see {@link TeamMetric#column}). */
  Tally monthly(int month, int column) {
    return monthly[month - 1][column];
  }

  /** Columns of a row: the metrics, then every team's. */
  int width() {
    return monthly.length == 0 ? Metric.COUNT : monthly[0].length;
  }

  Tally snapshot(int index, SnapshotMetric metric) {
    return snapshots[index][metric.ordinal()];
  }

  int[] snapshotMonths() {
    return snapshotMonths.clone();
  }

  CostTotals costs() {
    return new CostTotals(java.util.Arrays.stream(costByYear).map(Tally::summary).toList(),
        costOverHorizon.summary(), months);
  }

  /** Replications meeting goal {@code index} ({@link Goal#of}). */
  long targetsMet(int index) {
    return targetsMet[index];
  }

  /** Writes what {@link #merge} reads, for another process (see {@link Tally#writeTo}). */
  void writeTo(org.caseload.sim.summary.Wire.Out out) {
    out.writeLong(replications);
    for (Tally[] row : monthly) {
      for (Tally tally : row) {
        tally.writeTo(out);
      }
    }
    for (Tally[] row : snapshots) {
      for (Tally tally : row) {
        tally.writeTo(out);
      }
    }
    for (long met : targetsMet) {
      out.writeLong(met);
    }
    for (Tally tally : costByYear) {
      tally.writeTo(out);
    }
    costOverHorizon.writeTo(out);
  }

  /** Merges outcomes {@link #writeTo} wrote (of the same shape): as {@link #merge} would. */
  void mergeFrom(org.caseload.sim.summary.Wire.In in) throws java.io.IOException {
    replications += in.readLong();
    for (Tally[] row : monthly) {
      for (Tally tally : row) {
        tally.mergeFrom(in);
      }
    }
    for (Tally[] row : snapshots) {
      for (Tally tally : row) {
        tally.mergeFrom(in);
      }
    }
    for (int i = 0; i < targetsMet.length; i++) {
      targetsMet[i] += in.readLong();
    }
    for (Tally tally : costByYear) {
      tally.mergeFrom(in);
    }
    costOverHorizon.mergeFrom(in);
  }
}
