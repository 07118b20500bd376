package org.caseload.core.model;

import org.caseload.core.metrics.Metric;
import org.caseload.core.metrics.Trajectory;

/**
 * The expected-value projection of a scenario: the same {@link Model} as a {@link Simulation},
 * run once with {@link ExpectedDraws}, so every draw is its expectation, workers are cohorts
 * of expected weight (each initial cohort, each month's starters and agency starts) and
 * nothing is rounded. Where the model is linear (caps and limits not binding, no agency
 * cover, no caseload pressure, whole posts that do not grow, a case-holder share of 1) its
 * counts, FTE and money equal the mean of the simulation, month by month (docs/specification.md
 * section 10), and its caseloads and rates are the ratios of those means, near the mean of the
 * ratios in large teams only (docs/model.md); elsewhere it is an approximation (the mean of a
 * function is not the function of the mean) and Monte Carlo is the answer. The per-worker caseload
 * distribution is that of the cohorts, each worker of a cohort holding its average.
 *
 * @implNote Each call builds its own state; the class is stateless and thread-safe.
 */
public final class ExpectedProjection {

  private ExpectedProjection() {}

  /** The expected-value projection of the plan's scenario over its whole horizon. */
  public static Trajectory of(MonthPlan plan) {
    Model model = new Model(plan, new ExpectedDraws());
    double[][] rows = new double[plan.horizon()][Metric.COUNT];
    for (double[] row : rows) {
      model.step(row);
    }
    return Trajectory.of(plan.scenario().baseDate(), rows);
  }
}
