package org.caseload.core.model;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.within;

import java.util.List;
import org.caseload.core.scenario.Examples;
import org.caseload.core.scenario.Intervention;
import org.caseload.core.scenario.Scenario;
import org.junit.jupiter.api.Test;

class MonthPlanTest {

  private final Scenario base = Examples.synthetic().withHorizon(24);

  private MonthPlan plan(Intervention... levers) {
    return MonthPlan.of(base.withInterventions(List.of(levers)));
  }

  @Test
  void growth_compoundsMonthly() {
    MonthPlan plan = plan(new Intervention.ReferralGrowth(1, null, 0.08));
    assertThat(plan.referralMean(12)).isCloseTo(60 * 1.08, within(1e-9));
    assertThat(plan.referralMean(24)).isCloseTo(60 * 1.08 * 1.08, within(1e-9));
  }

  @Test
  void growth_fromAStartMonth_continuesFromTheLevelReached() {
    MonthPlan plan = plan(new Intervention.ReferralGrowth(7, null, 0.2));
    assertThat(plan.referralMean(6)).isCloseTo(60, within(1e-9));
    assertThat(plan.referralMean(18)).isCloseTo(60 * 1.2, within(1e-9));
  }

  @Test
  void shock_multipliesOnlyWhileActive() {
    MonthPlan plan = plan(new Intervention.ReferralShock(3, 8, 1.15));
    assertThat(plan.referralMean(2)).isCloseTo(60, within(1e-9));
    assertThat(plan.referralMean(3)).isCloseTo(69, within(1e-9));
    assertThat(plan.referralMean(8)).isCloseTo(69, within(1e-9));
    assertThat(plan.referralMean(9)).isCloseTo(60, within(1e-9));
  }

  @Test
  void posts_andFunding_addEstablishmentToTheirTeam() {
    MonthPlan plan = plan(new Intervention.Posts(2, 10, "children", 3),
        new Intervention.FundingChange(1, null, "frontDoor", 110_000));
    int children = base.teamIndex("children");
    int frontDoor = base.teamIndex("frontDoor");
    assertThat(plan.establishment(1, children)).isEqualTo(20);
    assertThat(plan.establishment(2, children)).isEqualTo(23);
    assertThat(plan.establishment(11, children)).isEqualTo(20);
    // £110k at £55k a post (inflated by 2% over the month to the start) is just under 2 posts.
    assertThat(plan.establishment(1, frontDoor))
        .isCloseTo(8 + 110_000 / (55_000 * Math.pow(1.02, 1 / 12.0)), within(1e-9));
  }

  @Test
  void campaign_andRetention_changeRatesAndCostMoney() {
    MonthPlan plan = plan(new Intervention.RecruitmentCampaign(1, 6, 3, 2_000),
        new Intervention.RetentionPayment(1, null, 0.8, 1_200));
    for (int team = 0; team < base.teams().size(); team++) {
      assertThat(plan.fillProbability(1, team)).isCloseTo(0.15, within(1e-12));
      assertThat(plan.fillProbability(7, team)).isCloseTo(0.05, within(1e-12));
      assertThat(plan.retentionCostPerHead(20, team)).isEqualTo(100);
      assertThat(plan.leavingHazard(1, team, 40, 0)).isCloseTo(
          1 - Math.exp(-(0.172 / 12) * 0.85 * 0.8), within(1e-12));
    }
    assertThat(plan.interventionSpend(6)).isEqualTo(2_000);
    assertThat(plan.interventionSpend(7)).isZero();
  }

  @Test
  void campaign_andRetention_forOneTeam_leaveTheOthers() {
    MonthPlan plan = plan(new Intervention.RecruitmentCampaign(1, 6, 3, 2_000, "children"),
        new Intervention.RetentionPayment(1, null, 0.8, 1_200, "frontDoor"));
    int children = base.teamIndex("children");
    int frontDoor = base.teamIndex("frontDoor");
    assertThat(plan.fillProbability(1, children)).isCloseTo(0.15, within(1e-12));
    assertThat(plan.fillProbability(1, frontDoor)).isCloseTo(0.05, within(1e-12));
    assertThat(plan.retentionCostPerHead(20, frontDoor)).isEqualTo(100);
    assertThat(plan.retentionCostPerHead(20, children)).isZero();
    assertThat(plan.leavingHazard(1, frontDoor, 40, 0)).isCloseTo(
        1 - Math.exp(-(0.172 / 12) * 0.85 * 0.8), within(1e-12));
    assertThat(plan.leavingHazard(1, children, 40, 0)).isCloseTo(
        1 - Math.exp(-(0.172 / 12) * 0.85), within(1e-12));
    assertThat(plan.interventionSpend(6)).isEqualTo(2_000);
  }

  @Test
  void frontDoor_keepsNotInNeedAShareOfAllReferrals() {
    MonthPlan plan = plan(new Intervention.FrontDoor(1, null, 0.2));
    assertThat(plan.nfaShare(1)).isEqualTo(0.2);
    assertThat(plan.notInNeedGivenAssessed(1) * (1 - 0.2)).isCloseTo(0.288, within(1e-12));
  }

  @Test
  void agencyBudget_capsAgencyFte() {
    MonthPlan plan = plan(new Intervention.AgencyPolicy(1, null, 1.0, 90_000, 50));
    assertThat(plan.agencyCapFte(1)).isEqualTo(50);
    assertThat(plan.agencyCostPerYear(1, 0)).isEqualTo(90_000);
  }

  @Test
  void agencyPolicy_forOneTeam_setsItsCoverAndRateOnly() {
    MonthPlan plan = plan(new Intervention.AgencyPolicy(1, null, 0.2, 120_000,
        Double.POSITIVE_INFINITY, "children"));
    int children = base.teamIndex("children");
    int frontDoor = base.teamIndex("frontDoor");
    assertThat(plan.agencyCoverShare(1, children)).isEqualTo(0.2);
    assertThat(plan.agencyCostPerYear(1, children)).isEqualTo(120_000);
    assertThat(plan.agencyCoverShare(1, frontDoor))
        .isEqualTo(base.parameters().workforce().agencyCoverShare());
    assertThat(plan.agencyCostPerYear(1, frontDoor))
        .isEqualTo(base.parameters().funding().agencyCostPerYear());
    assertThat(plan.agencyCapFte(1)).isEqualTo(plan.agencyCapFte(0));
  }

  @Test
  void pressure_raisesLeavingAboveTheReferenceCaseload() {
    MonthPlan plan = plan();
    double calm = plan.leavingHazard(1, 0, 40, 17);
    double pressed = plan.leavingHazard(1, 0, 40, 27);
    assertThat(-Math.log(1 - pressed) / -Math.log(1 - calm))
        .isCloseTo(Math.exp(0.013 * 10), within(1e-9));
  }

  @Test
  void nqIntake_fallsInSeptemberToNovember() {
    MonthPlan plan = plan();
    double total = 0;
    for (int t = 1; t <= 12; t++) {
      total += plan.nqIntakeShare(t);
    }
    assertThat(total).isCloseTo(1.0, within(1e-12));
    assertThat(plan.calendarMonth(6)).isEqualTo(9);
    assertThat(plan.nqIntakeShare(6)).isEqualTo(0.5);
  }

  /**
   * The scenario as given funds at most ScenarioValidator.MAX_FUNDED_POSTS (validated); a
   * replication's drawn growth of funded posts (clamped only at 100% a year) could compound
   * past it over ten years, so the plan holds the posts at the limit, in the teams' shares.
   */
  @Test
  void drawnGrowthOfFundedPosts_isHeldAtTheLimit() {
    com.fasterxml.jackson.databind.node.ObjectNode tree =
        org.caseload.core.scenario.ScenarioJson.toTree(
            base.withInterventions(List.of()).withHorizon(120));
    ((com.fasterxml.jackson.databind.node.ObjectNode) tree.withArray("teams").get(1))
        .put("establishment", 200);
    Scenario valid = org.caseload.core.scenario.ScenarioJson.read(tree.toString())
        .withUncertainty(List.of(new org.caseload.core.scenario.Uncertainty(
            org.caseload.core.scenario.Uncertainty.Parameter.establishmentGrowth, 0.5)));
    Scenario drawn = org.caseload.core.scenario.Uncertainty.draw(valid, new double[] {10});
    assertThat(drawn.parameters().funding().establishmentGrowth()).isEqualTo(1);
    MonthPlan plan = MonthPlan.of(drawn);
    double limit = org.caseload.core.scenario.ScenarioValidator.MAX_FUNDED_POSTS;
    for (int t = 0; t <= 120; t++) {
      double total = plan.establishment(t, 0) + plan.establishment(t, 1);
      assertThat(total).isLessThanOrEqualTo(limit * (1 + 1e-12));
      assertThat(plan.establishment(t, 1) / total).isCloseTo(200.0 / 208, within(1e-9));
    }
    assertThat(plan.establishment(120, 0) + plan.establishment(120, 1))
        .isCloseTo(limit, within(1e-6));
    assertThat(plan.establishment(60, 1)).isCloseTo(200 * 32, within(1e-6));
  }

  /**
   * The scenario as given reaches at most ScenarioValidator.MAX_MONTHLY_REFERRALS referrals a
   * month (validated); a replication's drawn level and growth (clamped only at 1,000,000 and
   * 100% a year) could pass it, and had passed 2^31 (a review: p95 2.2e9 at month 118), so the
   * plan holds the referral mean at the limit.
   */
  @Test
  void drawnReferralsPastTheLimit_areHeldAtIt() {
    Scenario valid = org.caseload.core.scenario.ScenarioEdits.apply(
        base.withInterventions(List.of()).withHorizon(120), List.of(
            org.caseload.core.scenario.FieldSetting.parse("parameters.demand.baseMonthly=20000")))
        .withUncertainty(
        List.of(new org.caseload.core.scenario.Uncertainty(
            org.caseload.core.scenario.Uncertainty.Parameter.referralGrowth, 0.75),
            new org.caseload.core.scenario.Uncertainty(
                org.caseload.core.scenario.Uncertainty.Parameter.referralLevel, 0.5)));
    Scenario drawn = org.caseload.core.scenario.Uncertainty.draw(valid, new double[] {10, 10});
    assertThat(drawn.parameters().demand().annualGrowth()).isEqualTo(1);
    MonthPlan plan = MonthPlan.of(drawn);
    double limit = org.caseload.core.scenario.ScenarioValidator.MAX_MONTHLY_REFERRALS;
    double seasonal = drawn.parameters().demand().seasonality().get(
        plan.calendarMonth(1) - 1);
    assertThat(plan.referralMean(1)).isCloseTo(drawn.parameters().demand().baseMonthly()
        * Math.pow(2, 1 / 12.0) * seasonal, within(1e-6));
    double most = 0;
    for (int t = 0; t <= 120; t++) {
      assertThat(plan.referralMean(t)).isLessThanOrEqualTo(limit);
      most = Math.max(most, plan.referralMean(t));
    }
    assertThat(most).isEqualTo(limit); // held there in the months it would pass it
  }
}
