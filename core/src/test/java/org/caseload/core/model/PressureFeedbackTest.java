package org.caseload.core.model;

import static org.assertj.core.api.Assertions.assertThat;

import org.caseload.core.metrics.Metric;
import org.caseload.core.metrics.Trajectory;
import org.caseload.core.scenario.Parameters;
import org.caseload.core.scenario.Scenario;
import org.caseload.core.scenario.ScenarioValidator;
import org.caseload.core.scenario.Workforce;
import org.junit.jupiter.api.Test;

/**
 * Closing cases early under pressure, and what it costs. The linear service's long-term
 * workers hold about 14.4 cases; with the caseload reference at 10 they are all under
 * pressure. Deterministic checks on the projection; the sampled ones compare means of 300
 * replications on common random numbers, where the effects are tens of standard errors.
 */
class PressureFeedbackTest {

  private static final int MONTHS = 24;

  @Test
  void closuresSpeedUpByTheFactor_inTheProjection() {
    double load = 646.0 / 45; // long-term cases at the base date over 45 case holders
    double faster = 1 + 1.0 * (load - 10) / 10;
    double calm = project(0, 0).value(1, Metric.longTermClosures);
    double pressed = project(1, 0).value(1, Metric.longTermClosures);
    // Held cases close `faster` times as fast; the few a leaver left waiting (under 2% of
    // them) close at the usual hazard.
    assertThat(pressed / calm).isBetween(0.98 * faster, faster);
  }

  @Test
  void closingUnderPressure_shrinksCaseloadsAndBringsChildrenBack() {
    double calmStock = mean(scenario(0, 0), Metric.childInNeed);
    double fastStock = mean(scenario(1, 0), Metric.childInNeed);
    assertThat(fastStock).isLessThan(0.85 * calmStock);
    double calmReReferrals = mean(scenario(1, 0), Metric.reReferrals);
    double costlyReReferrals = mean(scenario(1, 0.3), Metric.reReferrals);
    assertThat(costlyReReferrals).isGreaterThan(1.2 * calmReReferrals);
    assertThat(project(1, 0.3).value(MONTHS, Metric.reReferrals))
        .isGreaterThan(1.2 * project(1, 0).value(MONTHS, Metric.reReferrals));
  }

  @Test
  void off_isTheModelWithoutIt() {
    Trajectory plain = simulate(SteadyScenarios.linear(MONTHS), 5);
    Trajectory off = simulate(scenario(0, 0), 5);
    // Only the caseload reference differs, and it matters only to pressure.
    for (int t = 1; t <= MONTHS; t++) {
      assertThat(off.value(t, Metric.childInNeed)).isEqualTo(plain.value(t, Metric.childInNeed));
    }
  }

  private static Scenario scenario(double closureFactor, double reReferralUplift) {
    Scenario base = SteadyScenarios.linear(MONTHS);
    Parameters p = base.parameters();
    Workforce w = p.workforce().toBuilder().caseloadReference(10)
        .pressureClosureFactor(closureFactor).pressureReReferralUplift(reReferralUplift)
        .build();
    return ScenarioValidator.requireValid(
        base.withParameters(new Parameters(p.demand(), w, p.funding())));
  }

  private static Trajectory project(double closureFactor, double reReferralUplift) {
    return ExpectedProjection.of(MonthPlan.of(scenario(closureFactor, reReferralUplift)));
  }

  private static double mean(Scenario scenario, Metric metric) {
    double sum = 0;
    int replications = 300;
    for (int r = 0; r < replications; r++) {
      sum += simulate(scenario, 900 + r).value(MONTHS, metric);
    }
    return sum / replications;
  }

  private static Trajectory simulate(Scenario scenario, long seed) {
    return Simulation.of(MonthPlan.of(scenario)).run(InversionSampler.sources(seed));
  }
}
