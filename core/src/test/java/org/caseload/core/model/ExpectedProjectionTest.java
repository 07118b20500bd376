package org.caseload.core.model;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.List;
import org.caseload.core.metrics.Metric;
import org.caseload.core.metrics.Trajectory;
import org.caseload.core.scenario.Examples;
import org.caseload.core.scenario.Intervention;
import org.caseload.core.scenario.Scenario;
import org.junit.jupiter.api.Test;

/**
 * The expected-value projection against the Monte Carlo mean where the model is linear
 * (docs/specification.md section 10). 2,000 replications; each of the 117 comparisons allows 4.5
 * standard errors (false-failure probability about 7e-6 each, 8e-4 for the test); seeds are
 * fixed.
 */
class ExpectedProjectionTest {

  /** The metrics the projection matches in expectation ({@link SteadyScenarios#LINEAR}). */
  private static final List<Metric> LINEAR = SteadyScenarios.LINEAR;

  /**
   * docs/specification.md section 10: the projection is the same model with expected draws,
   * so where the model is linear the mean of 2,000 replications (fixed seeds) is within 4.5
   * standard errors of it for 39 metrics at months 1, 12 and 36. Were the model right, each
   * comparison would fail with probability 7e-6 and any of the 117 with at most 8e-4.
   */
  @Test
  void monteCarloMean_equalsExpectedProjection_whereTheModelIsLinear() {
    Scenario scenario = SteadyScenarios.linear(36).withInterventions(List.of(
        new Intervention.ReferralGrowth(6, null, 0.1),
        new Intervention.Posts(12, null, "longTerm", 8),
        new Intervention.RecruitmentCampaign(3, 9, 1.5, 1000)));
    MonthPlan plan = MonthPlan.of(scenario);
    Trajectory expected = ExpectedProjection.of(plan);
    int replications = 2000;
    int[] months = {1, 12, 36};
    double[][] sum = new double[months.length][Metric.COUNT];
    double[][] sumSq = new double[months.length][Metric.COUNT];
    Simulation simulation = Simulation.of(plan);
    for (int r = 0; r < replications; r++) {
      Trajectory run = simulation.run(InversionSampler.sources(500 + r));
      for (int i = 0; i < months.length; i++) {
        for (Metric m : LINEAR) {
          double v = run.value(months[i], m);
          sum[i][m.ordinal()] += v;
          sumSq[i][m.ordinal()] += v * v;
        }
      }
    }
    for (int i = 0; i < months.length; i++) {
      for (Metric m : LINEAR) {
        double mean = sum[i][m.ordinal()] / replications;
        double var = (sumSq[i][m.ordinal()] - replications * mean * mean) / (replications - 1);
        double se = Math.sqrt(Math.max(var, 0) / replications);
        double exp = expected.value(months[i], m);
        assertThat(Math.abs(mean - exp))
            .as("%s at month %d: Monte Carlo %.3f vs expected %.3f (se %.3f)", m, months[i],
                mean, exp, se)
            .isLessThanOrEqualTo(4.5 * se + 1e-9 * Math.abs(exp) + 1e-9);
      }
    }
  }

  @Test
  void medwayProjection_startsFromItsPublishedFigures() {
    Scenario medway = Examples.medway();
    Trajectory projection = ExpectedProjection.of(MonthPlan.of(medway));
    // DfE 2019: 2623 cases, 129.2 case-holding FTE, caseload 20.3; referrals 4025 a year.
    assertThat(projection.value(1, Metric.cases) + projection.value(1, Metric.unallocatedCases))
        .isCloseTo(2623 + 62, org.assertj.core.data.Percentage.withPercentage(5));
    assertThat(projection.value(1, Metric.caseHolderFte))
        .isCloseTo(129.2, org.assertj.core.data.Offset.offset(2.0));
    assertThat(projection.value(1, Metric.caseload))
        .isCloseTo(20.3, org.assertj.core.data.Offset.offset(1.0));
    assertThat(projection.value(1, Metric.referrals))
        .isCloseTo(4025 / 12.0, org.assertj.core.data.Percentage.withPercentage(3));
    assertThat(projection.snapshots()).hasSize(3);
  }
}
