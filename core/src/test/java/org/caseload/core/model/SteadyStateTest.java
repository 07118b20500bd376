package org.caseload.core.model;

import static org.assertj.core.api.Assertions.assertThat;

import org.caseload.core.metrics.Metric;
import org.caseload.core.metrics.Trajectory;
import org.caseload.core.scenario.Scenario;
import org.junit.jupiter.api.Test;

/**
 * Little's law and the staff steady state (docs/specification.md section 10) in long runs with constant
 * parameters. Each check compares the mean over 100 replications of a time average (months
 * 25 to 120) with theory, allowing 4 standard errors: a false failure has probability about
 * 6e-5 per check under the normal approximation, under 4e-4 for the class; seeds are fixed.
 */
class SteadyStateTest {

  private static final int REPLICATIONS = 100;
  private static final int FROM = 25;
  private static final int TO = 120;

  @Test
  void littlesLaw_stocksEqualInflowTimesDuration() {
    Scenario scenario = SteadyScenarios.linear(TO);
    double lt = SteadyScenarios.newLongTermPerMonth();
    assertNear(scenario, Metric.childProtection,
        lt * SteadyScenarios.CP_SHARE * SteadyScenarios.CP_MONTHS);
    assertNear(scenario, Metric.lookedAfter,
        lt * SteadyScenarios.LAC_SHARE * SteadyScenarios.LAC_MONTHS);
    assertNear(scenario, Metric.childInNeed,
        lt * (1 - SteadyScenarios.CP_SHARE - SteadyScenarios.LAC_SHARE)
            * SteadyScenarios.CIN_MONTHS);
    assertNear(scenario, Metric.assessmentsOpen, SteadyScenarios.assessmentStock());
    assertNear(scenario, Metric.referrals, SteadyScenarios.REFERRALS);
  }

  @Test
  void staffSteadyState_permanentEqualsStartersOverLeavingHazard() {
    Scenario scenario = SteadyScenarios.linear(TO);
    double hazard = 1 - Math.exp(-SteadyScenarios.TURNOVER / 12);
    Simulation simulation = Simulation.of(MonthPlan.of(scenario));
    double[] ratios = new double[REPLICATIONS];
    for (int r = 0; r < REPLICATIONS; r++) {
      Trajectory trajectory = simulation.run(InversionSampler.sources(1000 + r));
      double starters = average(trajectory, Metric.starters);
      double permanent = average(trajectory, Metric.inPostFte);
      ratios[r] = permanent / (starters / hazard);
    }
    assertWithinFourStandardErrors("permanent / (starters / hazard)", ratios, 1.0);
  }

  private static void assertNear(Scenario scenario, Metric metric, double theory) {
    Simulation simulation = Simulation.of(MonthPlan.of(scenario));
    double[] averages = new double[REPLICATIONS];
    for (int r = 0; r < REPLICATIONS; r++) {
      averages[r] = average(simulation.run(InversionSampler.sources(r + 1)), metric);
    }
    assertWithinFourStandardErrors(metric.name(), averages, theory);
  }

  private static double average(Trajectory trajectory, Metric metric) {
    double sum = 0;
    for (int t = FROM; t <= TO; t++) {
      sum += trajectory.value(t, metric);
    }
    return sum / (TO - FROM + 1);
  }

  static void assertWithinFourStandardErrors(String what, double[] values, double theory) {
    double mean = 0;
    for (double v : values) {
      mean += v / values.length;
    }
    double ss = 0;
    for (double v : values) {
      ss += (v - mean) * (v - mean);
    }
    double se = Math.sqrt(ss / (values.length - 1) / values.length);
    assertThat(Math.abs(mean - theory)).as("%s: mean %.4f vs theory %.4f (se %.4f)", what,
        mean, theory, se).isLessThanOrEqualTo(4 * se);
    assertThat(Math.abs(mean - theory) / theory).as("%s relative error", what)
        .isLessThan(0.02);
  }
}
