package org.caseload.core.scenario;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.within;

import java.util.ArrayList;
import java.util.List;
import org.caseload.core.model.MonthPlan;
import org.junit.jupiter.api.Test;

/**
 * The funded posts of a month against a hand computation, and the month plan hiring into
 * exactly those posts (the validator's limit bounds what the model uses).
 */
class FundedPostsTest {

  /**
   * The synthetic example (front door 8 posts, children 20, +2 children's posts from month 6,
   * a campaign) with 5% growth of funded posts a year, funding for two front-door posts in
   * months 2 to 4 and a cut of 20 front-door posts in months 3 to 7.
   */
  private static Scenario scenario() {
    Scenario base = Examples.synthetic().withHorizon(12);
    Parameters p = base.parameters();
    Scenario grown = base.withParameters(new Parameters(p.demand(), p.workforce(),
        p.funding().withEstablishmentGrowth(0.05)));
    List<Intervention> levers = new ArrayList<>(grown.interventions());
    levers.add(new Intervention.FundingChange(2, 4, "frontDoor",
        2 * grown.parameters().funding().permanentCostAt(2)));
    levers.add(new Intervention.Posts(3, 7, "frontDoor", -20));
    return grown.withInterventions(levers);
  }

  @Test
  void everyMonth_matchesTheHandComputation() {
    Scenario scenario = scenario();
    double[] posts = new double[2];
    for (int month = 0; month <= 12; month++) {
      double growth = Math.pow(1.05, month / 12.0);
      double frontDoor = 8 * growth + (month >= 2 && month <= 4 ? 2 : 0)
          - (month >= 3 && month <= 7 ? 20 : 0);
      double children = 20 * growth + (month >= 6 ? 2 : 0);
      double total = FundedPosts.fill(scenario, month, posts);
      assertThat(posts[0]).as("front door, month %d", month)
          .isCloseTo(Math.max(0, frontDoor), within(1e-12));
      assertThat(posts[1]).as("children, month %d", month).isCloseTo(children, within(1e-12));
      assertThat(total).isEqualTo(posts[0] + posts[1]);
    }
    FundedPosts.fill(scenario, 5, posts);
    assertThat(posts[0]).as("cut below none is none").isZero();
  }

  @Test
  void whatEachLeverAdds() {
    Scenario scenario = scenario();
    Funding funding = scenario.parameters().funding();
    List<Intervention> levers = scenario.interventions();
    assertThat(FundedPosts.added(levers.get(0), funding))
        .isEqualTo(new FundedPosts.Added("children", 2));
    assertThat(FundedPosts.added(levers.get(1), funding).posts()).as("a campaign").isZero();
    assertThat(FundedPosts.added(levers.get(2), funding).posts()).isCloseTo(2, within(1e-12));
    assertThat(FundedPosts.added(levers.get(2), funding).to("children")).isZero();
    assertThat(FundedPosts.added(levers.get(3), funding).to("frontDoor")).isEqualTo(-20);
  }

  @Test
  void theMonthPlan_hiresIntoTheseFundedPosts() {
    Scenario scenario = scenario();
    MonthPlan plan = MonthPlan.of(scenario);
    double[] posts = new double[2];
    for (int month = 0; month <= 12; month++) {
      FundedPosts.fill(scenario, month, posts);
      for (int team = 0; team < 2; team++) {
        assertThat(plan.establishment(month, team)).isEqualTo(posts[team]);
      }
    }
  }
}
