package org.caseload.core.scenario;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.Test;

/**
 * A scenario's referrals a month may reach at most
 * {@link ScenarioValidator#MAX_MONTHLY_REFERRALS}: each of base level, seasonality and growth
 * within its own range, together they had passed 2^31 referrals a month and crashed the run
 * (an outside trial: base 1,000,000, seasonality 10, growth 100% a year, 120 months).
 */
class ReferralLimitTest {

  private static Scenario edited(String... settings) {
    return ScenarioEdits.apply(Examples.synthetic(),
        java.util.Arrays.stream(settings).map(FieldSetting::parse).toList());
  }

  @Test
  void referralsBeyondTheLimit_areRefusedNamingTheBase() {
    InvalidScenarioException refused = org.assertj.core.api.Assertions.catchThrowableOfType(
        () -> edited("parameters.demand.baseMonthly=1000000",
            "parameters.demand.seasonality=[10,10,10,10,10,10,10,10,10,10,10,10]",
            "parameters.demand.annualGrowth=1", "horizonMonths=120"),
        InvalidScenarioException.class);

    List<Problem> problems = refused.problems();

    assertThat(problems).extracting(Problem::path)
        .containsExactly("parameters.demand.baseMonthly");
    assertThat(problems.get(0).reason()).contains("10,000,000").contains("120 months")
        .contains("growth up to 1");
  }

  @Test
  void aReferralShock_countsToo_andWithinTheLimitIsFine() {
    Scenario base = edited("parameters.demand.baseMonthly=900000",
        "parameters.demand.annualGrowth=0", "horizonMonths=12");
    double seasonal = base.parameters().demand().seasonality().stream()
        .mapToDouble(Double::doubleValue).max().orElseThrow();
    assertThat(900_000 * seasonal).isLessThan(ScenarioValidator.MAX_MONTHLY_REFERRALS);
    assertThat(ScenarioValidator.problems(base)).isEmpty();

    List<Intervention> levers = new ArrayList<>(base.interventions());
    levers.add(new Intervention.ReferralShock(3, 6, 5));
    assertThat(ScenarioValidator.problems(base.withInterventions(levers))).isEmpty();
    levers.add(new Intervention.ReferralShock(5, 6, 5));
    assertThat(ScenarioValidator.problems(base.withInterventions(levers)))
        .extracting(Problem::path).containsExactly("parameters.demand.baseMonthly");
  }
}
