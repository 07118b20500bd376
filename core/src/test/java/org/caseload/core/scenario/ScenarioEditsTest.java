package org.caseload.core.scenario;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import com.fasterxml.jackson.databind.node.DoubleNode;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

class ScenarioEditsTest {

  private static List<String> problems(String... assignments) {
    try {
      ScenarioEdits.apply(Examples.medway(), settings(assignments));
    } catch (InvalidScenarioException e) {
      return e.problems().stream().map(Problem::toString).toList();
    }
    throw new AssertionError("no problem");
  }

  private static List<FieldSetting> settings(String... assignments) {
    return java.util.Arrays.stream(assignments).map(FieldSetting::parse).toList();
  }

  @Test
  void apply_setsNumbersAnywhere_andNamesTheScenarioAfterTheSettings() {
    Scenario edited = ScenarioEdits.apply(Examples.medway(),
        settings("parameters.demand.annualGrowth=0.08", "teams[1].establishment=197.4"));
    assertThat(edited.parameters().demand().annualGrowth()).isEqualTo(0.08);
    assertThat(edited.teams().get(1).establishment()).isEqualTo(197.4);
    assertThat(edited.teams().get(0)).isEqualTo(Examples.medway().teams().get(0));
    assertThat(edited.name()).isEqualTo("Medway at 30 September 2019 with"
        + " parameters.demand.annualGrowth=0.08, teams[1].establishment=197.4");
  }

  /**
   * Fields a scenario file may leave out at their defaults (and the JSON form then omits)
   * can be set too, as docs/scenario-format.md promises ("defaults included").
   */
  @Test
  void apply_setsFieldsTheScenarioLeftAtTheirDefaults() {
    Scenario base = Examples.medway();
    assertThat(ScenarioJson.toTree(base).path("parameters").path("workforce")
        .has("pressureClosureFactor")).isFalse();
    Scenario edited = ScenarioEdits.apply(base, settings(
        "parameters.workforce.pressureClosureFactor=2",
        "parameters.workforce.pressureReReferralUplift=0.1",
        "parameters.workforce.poolAfterMonths=3"));
    assertThat(edited.parameters().workforce().pressureClosureFactor()).isEqualTo(2);
    assertThat(edited.parameters().workforce().pressureReReferralUplift()).isEqualTo(0.1);
    assertThat(edited.parameters().workforce().poolAfterMonths()).isEqualTo(3);
    Scenario renamed = ScenarioEdits.apply(base, settings("name=" + base.name()));
    assertThat(ScenarioJson.write(renamed)).isEqualTo(ScenarioJson.write(base));
    assertThat(problems("parameters.workforce.pressureClosureFactor=11")).containsExactly(
        "parameters.workforce.pressureClosureFactor: must be <= 10, was 11");
  }

  /**
   * Optional fields the scenario does not give, which its JSON form leaves out, can be set
   * (a team's demandShare, a campaign's team: an outside trial had been told "is not a field
   * of the scenario" where docs/scenario-format.md says any field can be); a misspelt one is
   * still not a field, the only problem, naming the fields there are.
   */
  @Test
  void apply_setsOptionalFieldsTheScenarioLeavesOut_notMisspeltOnes() {
    Scenario base = Examples.medway();
    assertThat(ScenarioJson.toFullTree(base).path("teams").path(1).has("demandShare")).isFalse();
    Scenario edited = ScenarioEdits.apply(base, settings("teams[1].demandShare=1"));
    assertThat(edited.teams().get(1).demandShare()).isEqualTo(1);
    Scenario campaign = ScenarioEdits.apply(base, settings("interventions=[{\"type\":"
        + " \"recruitmentCampaign\", \"startMonth\": 1, \"endMonth\": 12, \"fillMultiplier\":"
        + " 2, \"monthlyCost\": 10000}]", "interventions[0].team=longTerm"));
    assertThat(ScenarioJson.toTree(campaign).path("interventions").path(0).path("team").asText())
        .isEqualTo("longTerm");
    assertThat(problems("teams[1].demandShar=1")).singleElement().asString()
        .startsWith("teams[1].demandShar: is not a field of the scenario; did you mean"
            + " 'teams[1].demandShare'?");
    // a field added, then the object it was in replaced by a later setting: not read, so
    // refused as it was written, not dropped
    String team = ScenarioJson.toFullTree(base).path("teams").path(1).toString();
    assertThat(problems("teams[1].demandShar=1", "teams[1]=" + team)).singleElement().asString()
        .startsWith("teams[1].demandShar: is not a field of the scenario");
    assertThat(problems("parameters.demand.annualGrowth=2", "teams[1].zzzz=1"))
        .containsExactly("teams[1].zzzz: is not a field of the scenario; teams[1] has name,"
            + " role, establishment, caseHolderShare, caseloadCap, hardLimit, permanent,"
            + " agencyWorkers, pipeline, cases");
  }

  @Test
  void manySettings_giveANameCutToTheLimit_neverInvalid() {
    Scenario edited = ScenarioEdits.apply(Examples.medway(),
        settings("parameters.demand.annualGrowth=0.08", "parameters.workforce.annualTurnover=0.2",
            "parameters.funding.agencyCostPerYear=70000",
            "parameters.workforce.fillProbability=0.1", "teams[1].establishment=197.4"));
    assertThat(edited.name()).hasSize(Scenario.MAX_NAME_LENGTH).endsWith("...");
    assertThat(ScenarioValidator.problems(edited)).isEmpty();
  }

  @Test
  void fittedName_neverSplitsACharacterOutsideTheBasicPlane() {
    String rockets = "a".repeat(196) + "\uD83D\uDE80".repeat(10);
    String fitted = Scenario.fittedName(rockets);
    assertThat(fitted).isEqualTo("a".repeat(196) + "...");
    String shifted = Scenario.fittedName("a".repeat(195) + "\uD83D\uDE80".repeat(10));
    assertThat(shifted).isEqualTo("a".repeat(195) + "\uD83D\uDE80" + "...");
    assertThat(Scenario.fittedName("short")).isEqualTo("short");
  }

  @Test
  void apply_readsTextBooleansNullAndJson() {
    Scenario edited = ScenarioEdits.apply(Examples.medway(), settings("name=Plan B",
        "parameters.workforce.allowOverCap=false", "parameters.workforce.agencyCapFte=null",
        "parameters.workforce.agencyCapFte=40",
        "uncertainty=[{\"parameter\": \"annualTurnover\", \"sd\": 0.02}]"));
    assertThat(edited.name()).isEqualTo("Plan B");
    assertThat(edited.parameters().workforce().allowOverCap()).isFalse();
    assertThat(edited.parameters().workforce().agencyCapFte()).isEqualTo(40);
    assertThat(edited.uncertainty()).containsExactly(
        new Uncertainty(Uncertainty.Parameter.annualTurnover, 0.02));
  }

  /**
   * An object that cannot be read (null, a string) is the one problem there: the defaults
   * read in its place are not reported as NaN numbers, blank names, zero caps or a missing
   * role, while problems elsewhere, and of other fields of a readable object, still are.
   */
  @ParameterizedTest(name = "{0}")
  @CsvSource(delimiter = '|', value = {
      "parameters null|parameters=null|parameters: must be an object, was null",
      "demand null|parameters.demand=null|parameters.demand: must be an object, was null",
      "workforce text|parameters.workforce=busy|parameters.workforce: must be an object, was the"
          + " string \"busy\"",
      "team null|teams[0]=null|teams[0]: must be an object, was null",
      "team a number|teams[1]=3|teams[1]: must be an object, was 3"})
  void unreadableObject_isTheOnlyProblemThere(String name, String assignment, String problem) {
    assertThat(problems(assignment)).containsExactly(problem);
  }

  @Test
  void unreadableObject_leavesOtherProblemsReported() {
    assertThat(problems("teams[0]=null", "horizonMonths=0")).containsExactlyInAnyOrder(
        "teams[0]: must be an object, was null", "horizonMonths: must be >= 1, was 0");
    assertThat(problems("teams[1].establishment=lots", "teams[1].caseloadCap=0"))
        .containsExactlyInAnyOrder(
            "teams[1].establishment: must be a number, was the string \"lots\"",
            "teams[1].caseloadCap: must be >= 1, was 0");
  }

  /**
   * A role that is neither is the only problem: the team is read as long-term in its place,
   * and an assessment team's cases had then been reported too ("a long-term team holds no
   * assessments"), a problem the planner did not make.
   */
  @Test
  void anUnknownRole_isTheOnlyProblem_notItsCasesReadAsLongTerm() {
    assertThat(Examples.medway().teams().get(0).cases().assessment()).isPositive();
    assertThat(problems("teams[0].role=bogus")).containsExactly(
        "teams[0].role: must be 'assessment' or 'longTerm', was \"bogus\"");
    assertThat(problems("teams[0].role=bogus", "teams[0].cases.childProtection=-1"))
        .hasSize(2);
    // which teams share a role's demand is not known either: the sums by role follow
    com.fasterxml.jackson.databind.node.ObjectNode root;
    try {
      root = (com.fasterxml.jackson.databind.node.ObjectNode) ScenarioJson.mapper()
          .readTree(ScenarioJson.write(Examples.medway()));
    } catch (java.io.IOException e) {
      throw new java.io.UncheckedIOException(e);
    }
    ((com.fasterxml.jackson.databind.node.ObjectNode) root.get("teams").get(0))
        .put("role", "asessment").put("demandShare", 0.5);
    assertThatThrownBy(() -> ScenarioJson.fromTree(root)).isInstanceOfSatisfying(
        InvalidScenarioException.class, e -> assertThat(e.problems()).extracting(
            Problem::toString).containsExactly(
                "teams[0].role: must be 'assessment' or 'longTerm', was \"asessment\""));
    // a problem of its own at the same place is still reported
    assertThat(problems("teams[0].role=bogus", "teams[0].cases.assessment=-1")).contains(
        "teams[0].cases.assessment: must be >= 0, was -1");
  }

  @Test
  void apply_nothing_isTheBase() {
    assertThat(ScenarioEdits.apply(Examples.medway(), List.of())).isEqualTo(Examples.medway());
  }

  @ParameterizedTest(name = "{0}")
  @CsvSource(delimiter = '|', value = {
      "misspelt field|parameters.demand.growth=0.08|parameters.demand.growth: is not a field of the scenario; did you mean 'parameters.demand.annualGrowth'?",
      "misspelt object|parameters.demnd.annualGrowth=0.08|parameters.demnd.annualGrowth: is not a field of the scenario; did you mean 'parameters.demand'?",
      "nothing alike|parameters.demand.zzzzzzzzzz=1|parameters.demand.zzzzzzzzzz: is not a field of the scenario; parameters.demand has baseMonthly, annualGrowth,",
      "index beyond|teams[2].establishment=1|teams[2].establishment: is not a field of the scenario: teams has 2 elements ([0] to [1])",
      "index beyond int|teams[99999999999999999999].establishment=1|teams[99999999999999999999].establishment: is not a field of the scenario: teams has 2 elements",
      "list without index|teams.establishment=1|teams.establishment: is not a field of the scenario: teams is a list; use teams[0]",
      "below a value|horizonMonths.x=1|horizonMonths.x: is not a field of the scenario: horizonMonths holds a value, not fields",
      "malformed path|teams[x]=1|teams[x]: is not a path like parameters.demand.annualGrowth or teams[0].establishment",
      "no equals|parameters.demand.annualGrowth|parameters.demand.annualGrowth: must be PATH=VALUE",
      "out of range|parameters.demand.annualGrowth=2|parameters.demand.annualGrowth: must be <= 1, was 2",
      "wrong type|teams[0].establishment=many|teams[0].establishment: must be a number, was the string \"many\"",
      "cross-field|parameters.demand.nfaShare=0.9|parameters.demand.notInNeedShare: nfaShare + notInNeedShare must be <= 1"})
  void apply_badSetting_isAProblemWithItsPath(String name, String assignment, String problem) {
    List<String> problems;
    try {
      problems = problems(assignment);
    } catch (InvalidScenarioException e) {
      problems = e.problems().stream().map(Problem::toString).toList();
    }
    assertThat(problems).as(name).singleElement().asString().startsWith(problem);
  }

  @Test
  void apply_reportsEveryUnknownPathAtOnce() {
    assertThat(problems("a=1", "b=2")).hasSize(2);
  }

  @Test
  void set_editsATreeInPlace() {
    var tree = ScenarioJson.toTree(Examples.medway());
    ScenarioEdits.set(tree, FieldSetting.of("queues.assessment", DoubleNode.valueOf(5)));
    assertThat(tree.get("queues").get("assessment").asDouble()).isEqualTo(5);
    assertThatThrownBy(() -> ScenarioEdits.set(tree,
        FieldSetting.of("queue.assessment", DoubleNode.valueOf(5))))
        .isInstanceOf(InvalidScenarioException.class).hasMessageContaining("did you mean 'queues'");
  }

  /**
   * JSON but for a duplicate key is said to be so (read as text, it had been "must be an
   * object, was the string"); text that merely starts like JSON stays text.
   */
  @Test
  void aValueWithADuplicateKey_isRefusedAsSuch_textStaysText() {
    assertThatThrownBy(() -> FieldSetting.parse(
        "parameters={\"demand\":{\"baseMonthly\":1,\"baseMonthly\":2}}"))
        .isInstanceOfSatisfying(InvalidScenarioException.class, e -> assertThat(
            e.problems().get(0).toString()).contains("parameters")
            .contains("is not valid JSON: duplicate key 'baseMonthly': each key may appear"
                + " once in an object"));
    assertThat(FieldSetting.parse("name=[draft] plan {2}").value().textValue())
        .isEqualTo("[draft] plan {2}");
  }

  /**
   * JSON deeper than the reader takes is said to be so, as in a file (read as text, it had
   * been "must be an object, was the string \"[[[[...").
   */
  @Test
  void aValueTooDeep_isRefusedAsSuch() {
    String deep = "[".repeat(5_000) + "]".repeat(5_000);
    assertThatThrownBy(() -> FieldSetting.parse("parameters=" + deep))
        .isInstanceOfSatisfying(InvalidScenarioException.class, e -> assertThat(
            e.problems().get(0).toString()).isEqualTo("parameters: is not valid JSON: it is"
                + " nested more than 1000 levels deep"));
  }

  @Test
  void parse_keepsTheTextAfterTheFirstEquals() {
    FieldSetting setting = FieldSetting.parse("name = a=b");
    assertThat(setting.path()).isEqualTo("name");
    assertThat(setting.value().asText()).isEqualTo("a=b");
    assertThat(setting).hasToString("name=\"a=b\"");
  }

  /**
   * Two settings overlap when they reach one field, however written, or one holds the other;
   * indices of ten digits or more are beyond any list (each fails on its own as not a field),
   * so two of them do not overlap (a review found two read as one: both capped to 2^31 - 1).
   */
  @ParameterizedTest(name = "{0} and {1}: {2}")
  @CsvSource({
      "teams[1].establishment, teams[01].establishment, true",
      "parameters.demand, parameters.demand.baseMonthly, true",
      "parameters.demand.baseMonthly, parameters.demand.annualGrowth, false",
      "teams[0], teams[1], false",
      "teams[9999999999].establishment, teams[12345678901].establishment, false",
      "teams[9999999999], teams, false",
      "not a path, name, false"})
  void overlap_isOneFieldReachedTwice(String a, String b, boolean overlap) {
    assertThat(ScenarioEdits.overlap(a, b)).isEqualTo(overlap);
    assertThat(ScenarioEdits.overlap(b, a)).isEqualTo(overlap);
  }
}
