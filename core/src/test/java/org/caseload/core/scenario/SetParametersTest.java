package org.caseload.core.scenario;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.Test;

/**
 * Which uncertain parameters a scenario's levers set in every month of its horizon: a
 * referral growth assumption from month 1 with no end, an agency cover share for every team
 * (by one policy or one each); a lever that starts late, ends early, names only some teams or
 * leaves the cover share to the scenario sets nothing throughout.
 */
class SetParametersTest {

  private static Scenario with(Intervention... levers) {
    Scenario base = Examples.synthetic();
    List<Intervention> all = new ArrayList<>(base.interventions());
    all.addAll(List.of(levers));
    return base.withInterventions(all);
  }

  @Test
  void aLeverFromMonth1WithNoEnd_setsItsParameter() {
    assertThat(SetParameters.of(Examples.synthetic())).isEmpty();
    assertThat(SetParameters.of(with(new Intervention.ReferralGrowth(1, null, 0.08))))
        .containsExactly(Uncertainty.Parameter.referralGrowth);
    // a front-door threshold sets the month's share, but the drawn one still bounds the
    // not-in-need draw: not set
    assertThat(SetParameters.of(with(new Intervention.FrontDoor(1, null, 0.1)))).isEmpty();
    assertThat(SetParameters.of(with(new Intervention.AgencyPolicy(1, null, 0.5, 82_500,
        Double.POSITIVE_INFINITY)))).containsExactly(Uncertainty.Parameter.agencyCoverShare);
  }

  @Test
  void aLeverForPartOfTheHorizonOrOneTeam_setsNothingThroughout() {
    int horizon = Examples.synthetic().horizonMonths();
    assertThat(SetParameters.of(with(new Intervention.ReferralGrowth(2, null, 0.08)))).isEmpty();
    assertThat(SetParameters.of(with(new Intervention.ReferralGrowth(1, horizon - 1, 0.08))))
        .isEmpty();
    // two levers that cover the horizon between them set it
    assertThat(SetParameters.of(with(new Intervention.ReferralGrowth(1, 6, 0.08),
        new Intervention.ReferralGrowth(7, null, 0.02))))
        .containsExactly(Uncertainty.Parameter.referralGrowth);
    assertThat(SetParameters.of(with(new Intervention.AgencyPolicy(1, null, null, 82_500,
        Double.POSITIVE_INFINITY)))).isEmpty();
    String team = Examples.synthetic().teams().get(0).name();
    assertThat(SetParameters.of(with(new Intervention.AgencyPolicy(1, null, 0.5, 82_500,
        Double.POSITIVE_INFINITY, team)))).isEmpty();
    assertThat(SetParameters.of(with(new Intervention.RecruitmentCampaign(1, null, 2.0, 0.0))))
        .isEmpty();
  }

  /**
   * An agency policy for each team, each with a cover share from month 1 with no end, sets
   * the cover share as one for all teams does (an analyst's two per-team policies had left
   * the drawn share in a tornado as a bar of no effect); one team's short of the horizon
   * does not.
   */
  @Test
  void anAgencyPolicyForEachTeam_setsTheCoverShare() {
    List<Intervention> each = new ArrayList<>();
    for (Team team : Examples.synthetic().teams()) {
      each.add(new Intervention.AgencyPolicy(1, null, 0.5, 82_500, Double.POSITIVE_INFINITY,
          team.name()));
    }
    assertThat(Examples.synthetic().teams()).hasSizeGreaterThan(1);
    assertThat(SetParameters.of(with(each.toArray(Intervention[]::new))))
        .containsExactly(Uncertainty.Parameter.agencyCoverShare);
    int horizon = Examples.synthetic().horizonMonths();
    each.set(0, new Intervention.AgencyPolicy(1, horizon - 1, 0.5, 82_500,
        Double.POSITIVE_INFINITY, Examples.synthetic().teams().get(0).name()));
    assertThat(SetParameters.of(with(each.toArray(Intervention[]::new)))).isEmpty();
  }
}
