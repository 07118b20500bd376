package org.caseload.core.scenario;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.Test;

/**
 * A scenario may fund at most {@link ScenarioValidator#MAX_FUNDED_POSTS} posts, summed over
 * teams, in any month: workers join only into funded posts, so a scenario funding millions of
 * posts ran a server out of memory. The problem names the lever, the growth or the teams.
 */
class FundedPostsLimitTest {

  private static List<Problem> problems(Scenario scenario) {
    return ScenarioValidator.problems(scenario);
  }

  private static Scenario withLevers(Scenario scenario, Intervention... levers) {
    List<Intervention> all = new ArrayList<>(scenario.interventions());
    all.addAll(List.of(levers));
    return scenario.withInterventions(all);
  }

  @Test
  void aFundingLeverAtAPoundAPost_namesItsPoundsPerYear() {
    Scenario base = Examples.synthetic();
    Funding f = base.parameters().funding();
    Scenario cheap = base.withParameters(new Parameters(base.parameters().demand(),
        base.parameters().workforce(), new Funding(1, f.agencyCostPerYear(),
            f.recruitmentCostPerHire(), f.annualInflation(), f.agencyBudgetPerYear(),
            f.establishmentGrowth()))).withHorizon(1);
    Scenario scenario = withLevers(cheap,
        new Intervention.FundingChange(1, null, "children", 100_000_000));
    List<Problem> problems = problems(scenario);
    assertThat(problems).extracting(Problem::path)
        .containsExactly("interventions[" + (scenario.interventions().size() - 1)
            + "].poundsPerYear");
    assertThat(problems.get(0).reason()).contains("200000").contains("month 1")
        .contains("permanentCostPerYear");
  }

  @Test
  void manyPostsLevers_nameTheLargestActiveInTheFirstMonthOver() {
    Scenario base = Examples.synthetic();
    Intervention[] levers = new Intervention[3];
    levers[0] = new Intervention.Posts(1, null, "children", 90_000);
    levers[1] = new Intervention.Posts(3, null, "children", 100_000);
    levers[2] = new Intervention.Posts(5, null, "children", 100_000);
    Scenario scenario = withLevers(base, levers);
    int first = base.interventions().size();
    List<Problem> problems = problems(scenario);
    assertThat(problems).extracting(Problem::path)
        .containsExactly("interventions[" + (first + 1) + "].fte");
    assertThat(problems.get(0).reason()).contains("month 5");
    // Up to the limit is fine.
    assertThat(problems(withLevers(base, new Intervention.Posts(1, null, "children", 100_000),
        new Intervention.Posts(1, null, "frontDoor", 99_000)))).isEmpty();
  }

  @Test
  void growthOfFundedPosts_overTheHorizon_namesTheGrowth() {
    com.fasterxml.jackson.databind.node.ObjectNode tree =
        ScenarioJson.toTree(Examples.synthetic().withInterventions(List.of()).withHorizon(120));
    ((com.fasterxml.jackson.databind.node.ObjectNode) tree.with("parameters").with("funding"))
        .put("establishmentGrowth", 1);
    // The synthetic teams' 28 posts doubled ten times are 28,672: within the limit.
    assertThat(problems(ScenarioJson.read(tree.toString()))).isEmpty();
    ((com.fasterxml.jackson.databind.node.ObjectNode) tree.withArray("teams").get(1))
        .put("establishment", 200);
    List<Problem> problems = List.of();
    try {
      ScenarioJson.read(tree.toString());
    } catch (InvalidScenarioException e) {
      problems = e.problems();
    }
    assertThat(problems).extracting(Problem::path)
        .containsExactly("parameters.funding.establishmentGrowth");
    assertThat(problems.get(0).reason()).contains("month 119").contains("120 months");
    // with a small lever active too, the growth is still the cause and is named, not the lever
    tree.withArray("interventions").addObject().put("type", "posts").put("startMonth", 1)
        .put("team", tree.withArray("teams").get(1).get("name").asText()).put("fte", 2);
    try {
      ScenarioJson.read(tree.toString());
      problems = List.of();
    } catch (InvalidScenarioException e) {
      problems = e.problems();
    }
    assertThat(problems).extracting(Problem::path)
        .containsExactly("parameters.funding.establishmentGrowth");
  }
}
