package org.caseload.sim.engine;

import java.util.ArrayList;
import java.util.List;
import org.caseload.core.metrics.DfeSnapshot;
import org.caseload.core.metrics.Metric;
import org.caseload.core.metrics.SnapshotMetric;
import org.caseload.core.metrics.Trajectory;
import org.caseload.core.model.ExpectedProjection;
import org.caseload.core.model.MonthPlan;
import org.caseload.core.scenario.Scenario;
import org.caseload.core.scenario.ScenarioValidator;
import org.caseload.sim.random.Streams;
import org.caseload.sim.summary.Summary;

/**
 * The expected-value projection averaged over the uncertain parameters: one projection for
 * each of a run's first {@code draws} replications' parameters (the same draws as {@code
 * caseload run} with that seed), and their mean month by month and snapshot by snapshot. Each
 * projection replaces the month's chance by its expectation; the uncertain parameters, which
 * move the outcomes non-linearly (a vacancy rate is a ratio, leaving rises convexly with
 * caseload), are drawn as the runs draw them. So where the model is linear given its
 * parameters this is the Monte Carlo mean of the same replications
 * ({@code AveragedProjectionTest}) for counts, FTE and money, and caseloads and rates are ratios
 * of those means; elsewhere the two differ by what agency cover, caps, caseload pressure and
 * whole workers make of each month's chance (docs/model.md gives the gap for the presets).
 * The projection of the central parameters alone had been 4-7 points of vacancy rate under
 * the Monte Carlo mean for every preset at month 36.
 *
 * @param monthly the mean projection, month by month
 * @param monthlyHalfWidth95 each monthly figure's 95% error from drawing only {@code draws}
 *     parameter sets: Student's t times the sd of the projections over the square root of
 *     {@code draws} (0 with no draws)
 * @param snapshots the mean of the projections' 30 September snapshots
 * @param snapshotHalfWidths95 the same error of each snapshot's figures, by
 *     {@link SnapshotMetric#ordinal()}
 * @param draws how many parameter draws were averaged (0: none, the single projection)
 * @param seed the master seed of the draws
 */
public record AveragedProjection(Trajectory monthly, Trajectory monthlyHalfWidth95,
    List<DfeSnapshot> snapshots, List<double[]> snapshotHalfWidths95, int draws, long seed) {

  /** The most draws averaged: far more than a preview needs. */
  public static final int MAX_DRAWS = 100_000;

  public AveragedProjection {
    snapshots = List.copyOf(snapshots);
    snapshotHalfWidths95 = snapshotHalfWidths95.stream().map(double[]::clone).toList();
  }

  /**
   * The mean of the projections of the first {@code draws} replications' parameters of a run
   * with master seed {@code seed}; the single projection when {@code draws} is 0 or the
   * scenario has no uncertain parameters.
   */
  public static AveragedProjection of(Scenario scenario, long seed, int draws) {
    ScenarioValidator.requireValid(scenario);
    if (draws < 0 || draws > MAX_DRAWS) {
      throw new IllegalArgumentException("draws must be 0 to " + MAX_DRAWS + ", was " + draws);
    }
    int months = scenario.horizonMonths();
    if (draws == 0 || scenario.uncertainty().isEmpty()) {
      Trajectory central = ExpectedProjection.of(MonthPlan.of(scenario));
      List<double[]> none = central.snapshots().stream()
          .map(s -> new double[SnapshotMetric.values().length]).toList();
      return new AveragedProjection(central, Trajectory.of(scenario.baseDate(),
          new double[months][Metric.COUNT]), central.snapshots(), none, 0, seed);
    }
    Streams.Reusable sources = Streams.of(seed).reusable();
    double[] z = new double[scenario.uncertainty().size()];
    Moments monthly = new Moments(months, Metric.COUNT);
    Moments snapshots = null;
    List<DfeSnapshot> first = List.of();
    for (int r = 0; r < draws; r++) {
      Trajectory projection = ExpectedProjection.of(MonthPlan.of(
          MonteCarlo.drawn(scenario, sources.at(r), z)));
      for (int t = 1; t <= months; t++) {
        monthly.add(t - 1, projection.row(t));
      }
      List<DfeSnapshot> taken = projection.snapshots();
      if (r == 0) {
        first = taken;
        snapshots = new Moments(taken.size(), SnapshotMetric.values().length);
      }
      for (int i = 0; i < taken.size(); i++) {
        snapshots.add(i, taken.get(i).values());
      }
    }
    List<DfeSnapshot> means = new ArrayList<>();
    for (int i = 0; i < first.size(); i++) {
      DfeSnapshot s = first.get(i);
      means.add(new DfeSnapshot(s.date(), s.month(), s.monthsObserved(), snapshots.mean[i]));
    }
    return new AveragedProjection(Trajectory.of(scenario.baseDate(), monthly.mean),
        Trajectory.of(scenario.baseDate(), monthly.halfWidths95()), means,
        java.util.Arrays.asList(snapshots.halfWidths95()), draws, seed);
  }

  /** Running means and sums of squared deviations (Welford), row by row. */
  private static final class Moments {
    final double[][] mean;
    final double[][] m2;
    long n;

    Moments(int rows, int width) {
      mean = new double[rows][width];
      m2 = new double[rows][width];
    }

    void add(int row, double[] values) {
      if (row == 0) {
        n++;
      }
      for (int k = 0; k < values.length; k++) {
        double delta = values[k] - mean[row][k];
        mean[row][k] += delta / n;
        m2[row][k] += delta * (values[k] - mean[row][k]);
      }
    }

    double[][] halfWidths95() {
      double[][] out = new double[mean.length][];
      for (int row = 0; row < mean.length; row++) {
        out[row] = new double[mean[row].length];
        for (int k = 0; k < out[row].length; k++) {
          out[row][k] = n < 2 ? Double.NaN
              : Summary.halfWidth95(n, Math.sqrt(m2[row][k] / (n - 1) / n));
        }
      }
      return out;
    }
  }
}
