package org.caseload.sim.engine;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.within;

import java.util.Arrays;
import java.util.List;
import org.apache.commons.math3.distribution.TDistribution;
import org.apache.commons.math3.stat.descriptive.moment.StandardDeviation;
import org.caseload.core.metrics.Metric;
import org.caseload.core.metrics.Trajectory;
import org.caseload.core.model.ExpectedProjection;
import org.caseload.core.model.MonthPlan;
import org.caseload.core.model.SteadyScenarios;
import org.caseload.core.scenario.Scenario;
import org.caseload.core.scenario.Uncertainty;
import org.caseload.sim.presets.Presets;
import org.caseload.sim.random.Streams;
import org.junit.jupiter.api.Test;

/**
 * The projection averaged over a run's parameter draws ({@code caseload project}) against
 * exact computations: the mean and the Student's t error of the projections of the same
 * draws, computed here one by one; where the model is linear given its parameters, the Monte
 * Carlo mean of the same replications (paired: each replication minus its own projection);
 * and for the Medway preset, the gap docs/model.md states. Fixed seeds; the statistical
 * comparisons allow 4.5 standard errors each (false-failure probability about 7e-6 each, under
 * 1e-3 for the 117 of the linear test).
 */
class AveragedProjectionTest {

  private static final long SEED = 11;

  /** The metrics the projection matches in expectation where the model is linear. */
  private static final List<Metric> LINEAR = SteadyScenarios.LINEAR;

  /** docs/specification.md section 10, with the parameters drawn as runs draw them. */
  @Test
  void whereTheModelIsLinear_itIsTheMonteCarloMeanOfTheSameDraws() {
    Scenario scenario = SteadyScenarios.linear(24).withUncertainty(List.of(
        new Uncertainty(Uncertainty.Parameter.referralLevel, 0.2),
        new Uncertainty(Uncertainty.Parameter.nfaShare, 0.05),
        new Uncertainty(Uncertainty.Parameter.annualTurnover, 0.05),
        new Uncertainty(Uncertainty.Parameter.fillProbability, 0.05)));
    int draws = 1000;
    AveragedProjection averaged = AveragedProjection.of(scenario, SEED, draws);
    assertThat(averaged.draws()).isEqualTo(draws);
    Streams.Reusable sources = Streams.of(SEED).reusable();
    double[] z = new double[scenario.uncertainty().size()];
    int[] months = {1, 12, 24};
    double[][][] projected = new double[months.length][Metric.COUNT][draws];
    double[][][] paired = new double[months.length][Metric.COUNT][draws];
    for (int r = 0; r < draws; r++) {
      Trajectory one = ExpectedProjection.of(MonthPlan.of(MonteCarlo.drawn(scenario,
          sources.at(r), z)));
      Trajectory simulated = MonteCarlo.replicate(scenario, SEED, r);
      for (int i = 0; i < months.length; i++) {
        for (Metric m : Metric.values()) {
          projected[i][m.ordinal()][r] = one.value(months[i], m);
          paired[i][m.ordinal()][r] = simulated.value(months[i], m) - one.value(months[i], m);
        }
      }
    }
    double t = new TDistribution(null, draws - 1).inverseCumulativeProbability(0.975);
    for (int i = 0; i < months.length; i++) {
      for (Metric m : Metric.values()) {
        double[] values = projected[i][m.ordinal()];
        double mean = Arrays.stream(values).sum() / draws;
        assertThat(averaged.monthly().value(months[i], m)).as("%s at %d", m, months[i])
            .isCloseTo(mean, within(1e-9 * Math.abs(mean) + 1e-12));
        double half = t * new StandardDeviation().evaluate(values) / Math.sqrt(draws);
        assertThat(averaged.monthlyHalfWidth95().value(months[i], m))
            .as("%s's error at %d", m, months[i]).isCloseTo(half, within(1e-9 * half + 1e-12));
      }
      for (Metric m : LINEAR) {
        double[] d = paired[i][m.ordinal()];
        double mean = Arrays.stream(d).sum() / draws;
        double se = new StandardDeviation().evaluate(d) / Math.sqrt(draws);
        assertThat(Math.abs(mean)).as("%s at month %d: Monte Carlo minus projection %.4f (se"
            + " %.4f)", m, months[i], mean, se).isLessThanOrEqualTo(4.5 * se + 1e-9);
      }
    }
  }

  @Test
  void noDraws_isTheCentralProjection_asIsAScenarioWithoutUncertainty() {
    Scenario medway = Presets.load("medway-2019").orElseThrow();
    Trajectory central = ExpectedProjection.of(MonthPlan.of(medway));
    AveragedProjection none = AveragedProjection.of(medway, SEED, 0);
    assertThat(none.draws()).isZero();
    Scenario certain = medway.withUncertainty(List.of());
    AveragedProjection fixed = AveragedProjection.of(certain, SEED, 64);
    assertThat(fixed.draws()).isZero();
    Trajectory certainCentral = ExpectedProjection.of(MonthPlan.of(certain));
    for (int month = 1; month <= medway.horizonMonths(); month++) {
      assertThat(none.monthly().row(month)).containsExactly(central.row(month));
      assertThat(fixed.monthly().row(month)).containsExactly(certainCentral.row(month));
    }
    assertThat(none.snapshots()).hasSameSizeAs(central.snapshots());
  }

  /**
   * docs/model.md's table for Medway: averaged over the same 1,000 draws as a 1,000-replication
   * run, the projection is within 0.6 points of its vacancy rate and 1.5 FTE of its staff in
   * post in every month, and its caseload at most 0.3 lower; the central projection alone is
   * 6-7 points of vacancy rate lower at month 36. Deterministic (fixed seed).
   */
  @Test
  void medway_isAsCloseToTheMonteCarloMeanAsDocumented() {
    Scenario medway = Presets.load("medway-2019").orElseThrow();
    int n = 1000;
    AveragedProjection averaged = AveragedProjection.of(medway, 1, n);
    RunResult run = MonteCarlo.run(medway, RunOptions.builder().replications(n).seed(1)
        .build(), List.of());
    for (RunResult.MonthSummary month : run.monthly()) {
      int t = month.month();
      assertThat(Math.abs(averaged.monthly().value(t, Metric.vacancyRate)
          - month.get(Metric.vacancyRate).mean())).as("vacancy at %d", t)
          .isLessThanOrEqualTo(0.006);
      assertThat(Math.abs(averaged.monthly().value(t, Metric.inPostFte)
          - month.get(Metric.inPostFte).mean())).as("in post at %d", t)
          .isLessThanOrEqualTo(1.5);
      assertThat(averaged.monthly().value(t, Metric.caseload)
          - month.get(Metric.caseload).mean()).as("caseload at %d", t).isBetween(-0.3, 0.1);
    }
    double central = ExpectedProjection.of(MonthPlan.of(medway)).value(36, Metric.vacancyRate);
    assertThat(run.monthly().get(35).get(Metric.vacancyRate).mean() - central)
        .isBetween(0.06, 0.07);
  }
}
