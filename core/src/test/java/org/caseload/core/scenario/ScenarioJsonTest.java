package org.caseload.core.scenario;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.junit.jupiter.api.Assertions.assertTimeoutPreemptively;

import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;
import org.junit.jupiter.params.provider.ValueSource;

class ScenarioJsonTest {

  @ParameterizedTest
  @ValueSource(strings = {"medway-2019", "synthetic-small"})
  void examples_roundTripExactly(String name) {
    Scenario scenario = Examples.load(name);
    String written = ScenarioJson.write(scenario);
    Scenario reread = ScenarioJson.read(written);
    assertThat(reread).isEqualTo(scenario);
    assertThat(ScenarioJson.write(reread)).isEqualTo(written);
  }

  @Test
  void roundTrip_keepsAwkwardDoublesAndNulls() {
    Scenario base = Examples.synthetic();
    Workforce w = base.parameters().workforce();
    Demand d = base.parameters().demand().withAnnualGrowth(0.1 + 0.2);
    Parameters p = new Parameters(d, w, new Funding(55_000.123456789, 1e-7 + 82_500, 0, 0.021,
        Double.POSITIVE_INFINITY, 0.013));
    Scenario scenario = base.withParameters(p).withInterventions(List.of(
        new Intervention.AgencyPolicy(2, null, 1.0 / 3, 90_000, Double.POSITIVE_INFINITY),
        new Intervention.ReferralShock(1, 6, 1.15),
        new Intervention.CaseloadCap(4, 12, "children", 16, 22),
        new Intervention.FundingChange(1, null, "children", 440_000),
        new Intervention.RetentionPayment(1, 24, 0.8, 2_000),
        new Intervention.NqCohort(1, null, 6),
        new Intervention.FrontDoor(3, null, 0.1),
        new Intervention.ReferralGrowth(1, null, 0.08)))
        .withUncertainty(List.of(new Uncertainty(Uncertainty.Parameter.annualTurnover, 0.03),
            new Uncertainty(Uncertainty.Parameter.referralLevel, 0.1)));
    ScenarioValidator.requireValid(scenario);
    assertThat(ScenarioJson.read(ScenarioJson.write(scenario))).isEqualTo(scenario);
  }

  /** A scenario's council: optional, kept through reading, writing and renaming; checked. */
  @Test
  void area_roundTripsSurvivesARenameAndIsChecked() {
    Scenario medway = Examples.medway();
    assertThat(medway.area()).isEqualTo("Medway");
    assertThat(ScenarioJson.read(ScenarioJson.write(medway.withName("Plan A"))).area())
        .isEqualTo("Medway");
    assertThat(Examples.synthetic().area()).isNull();
    assertThat(ScenarioJson.write(Examples.synthetic())).doesNotContain("\"area\"");
    ObjectNode tree = tree();
    tree.put("area", " ");
    assertThat(problems(tree)).containsExactly("area: must not be blank (leave it out for no"
        + " council)");
    tree.put("area", "x".repeat(101));
    assertThat(problems(tree)).containsExactly("area: must be at most 100 characters, was 101");
    tree.put("area", "Med\u0007way");
    assertThat(problems(tree)).hasSize(1).allMatch(p -> p.startsWith("area: "));
    tree.put("area", 7);
    assertThat(problems(tree)).hasSize(1).allMatch(p -> p.startsWith("area: must be a string"));
  }

  @Test
  void defaults_fillOmittedParameters() {
    Scenario scenario = Examples.synthetic();
    assertThat(scenario.parameters().workforce().annualTurnover())
        .isEqualTo(Workforce.defaults().annualTurnover());
    assertThat(scenario.parameters().funding()).isEqualTo(Funding.defaults());
  }

  @Test
  void outOfRange_namesPathAndReason() {
    ObjectNode tree = tree();
    ((ObjectNode) tree.withArray("teams").get(1)).put("establishment", -3);
    assertThat(problems(tree)).containsExactly("teams[1].establishment: must be >= 0, was -3");
  }

  @Test
  void everyProblem_isReportedAtOnce() {
    ObjectNode tree = tree();
    tree.put("horizonMonths", 0);
    tree.put("colour", "blue");
    ((ObjectNode) tree.withArray("teams").get(0)).put("caseHolderShare", 1.5);
    tree.with("parameters").with("demand").put("nfaShare", "high");
    tree.with("parameters").with("workforce").remove("annualTurnover");
    assertThat(problems(tree)).containsExactlyInAnyOrder(
        "horizonMonths: must be >= 1, was 0",
        "colour: is not a known field",
        "teams[0].caseHolderShare: must be <= 1, was 1.5",
        "parameters.demand.nfaShare: must be a number, was the string \"high\"");
  }

  @Test
  void missingRequiredField_isAProblem() {
    ObjectNode tree = tree();
    tree.with("parameters").with("demand").remove("baseMonthly");
    ((ObjectNode) tree.withArray("teams").get(0)).remove("establishment");
    assertThat(problems(tree)).containsExactlyInAnyOrder(
        "parameters.demand.baseMonthly: is required",
        "teams[0].establishment: is required");
  }

  @Test
  void unknownField_isAProblemAtAnyDepth() {
    ObjectNode tree = tree();
    tree.with("parameters").with("workforce").put("turnover", 0.2);
    ((ObjectNode) tree.withArray("interventions").get(0)).put("teamName", "x");
    assertThat(problems(tree)).containsExactlyInAnyOrder(
        "parameters.workforce.turnover: is not a known field",
        "interventions[0].teamName: is not a known field");
  }

  @Test
  void misspeltField_suggestsTheKnownOne() {
    ObjectNode tree = tree();
    ObjectNode team = (ObjectNode) tree.withArray("teams").get(0);
    team.set("caseLoadCap", team.remove("caseloadCap"));
    assertThat(problems(tree)).containsExactlyInAnyOrder(
        "teams[0].caseloadCap: is required",
        "teams[0].caseLoadCap: is not a known field; did you mean 'caseloadCap'?");
  }

  @Test
  void nanAndInfinity_areProblems() {
    String json = Examples.json("synthetic-small")
        .replace("\"baseMonthly\": 60", "\"baseMonthly\": NaN")
        .replace("\"establishment\": 8", "\"establishment\": 1e400");
    assertThat(problemsOf(json)).containsExactlyInAnyOrder(
        "parameters.demand.baseMonthly: must be a number, was NaN",
        "teams[0].establishment: must be finite, was Infinity");
  }

  /**
   * A limit held as +Infinity for "no limit" (JSON null) refuses a number too large for a
   * double, as every other number field does: 1e309 had read as null, no limit, while 121
   * and 1e308 were refused (an outside trial).
   */
  @Test
  void aLimitTooLargeForADouble_isAProblem_notNoLimit() {
    ObjectNode tree = ScenarioJson.toTree(Examples.synthetic());
    ObjectNode workforce = (ObjectNode) tree.path("parameters").path("workforce");
    workforce.put("poolAfterMonths", new java.math.BigDecimal("1e309"));
    workforce.put("agencyCapFte", new java.math.BigDecimal("-1e309"));
    assertThat(problems(tree)).containsExactlyInAnyOrder(
        "parameters.workforce.poolAfterMonths: must be finite, or null for no limit; was a"
            + " number above 1.8e308, too large for a double",
        "parameters.workforce.agencyCapFte: must be finite, or null for no limit; was a"
            + " number below -1.8e308, too large for a double");
    workforce.putNull("poolAfterMonths");
    workforce.remove("agencyCapFte");
    assertThat(problems(tree)).isEmpty();
  }

  /**
   * A whole-number field reads the number written, not its double: a fraction of twenty
   * digits whose double is 36 had been read as 36 (found by an outside API trial); written
   * with a point or an exponent a whole number is that number; an exponent of a billion digits
   * is judged without its digits (a number's digits are never made from its exponent).
   */
  @Test
  void wholeNumberFields_readTheNumberWritten_notItsDouble() {
    String json = Examples.json("synthetic-small");
    assertThat(problemsOf(json.replace("\"horizonMonths\": 24",
        "\"horizonMonths\": 23.99999999999999999999"))).containsExactly(
        "horizonMonths: must be a whole number, was 23.99999999999999999999");
    assertThat(problemsOf(json.replace("\"horizonMonths\": 24",
        "\"horizonMonths\": 24.00000000000000000001"))).containsExactly(
        "horizonMonths: must be a whole number, was 24.00000000000000000001");
    for (String written : new String[] {"24.000", "2.4e1", "240E-1", "0.24e+2"}) {
      assertThat(ScenarioJson.read(json.replace("\"horizonMonths\": 24",
          "\"horizonMonths\": " + written)).horizonMonths()).as(written).isEqualTo(24);
    }
    assertTimeoutPreemptively(java.time.Duration.ofSeconds(20), () -> {
      assertThat(problemsOf(json.replace("\"horizonMonths\": 24",
          "\"horizonMonths\": 1e999999999"))).singleElement().asString()
          .startsWith("horizonMonths: is far out of range");
      assertThat(problemsOf(json.replace("\"horizonMonths\": 24",
          "\"horizonMonths\": 1e-999999999"))).containsExactly(
          "horizonMonths: must be a whole number, was 1E-999999999");
    });
    // a number's double is Jackson's reading of it, as before: the same scenario
    assertThat(ScenarioJson.read(json.replace("\"baseMonthly\": 60",
        "\"baseMonthly\": 60.00000000000000000001"))).isEqualTo(ScenarioJson.read(json));
  }

  @Test
  void wrongTypes_areProblems() {
    ObjectNode tree = tree();
    tree.put("horizonMonths", 12.5);
    tree.put("baseDate", "30/09/2019");
    ((ObjectNode) tree.withArray("teams").get(0)).put("role", "duty");
    tree.with("parameters").with("workforce").put("allowOverCap", "yes");
    tree.put("teams", "two");
    assertThat(problems(tree)).contains(
        "horizonMonths: must be a whole number, was 12.5",
        "baseDate: must be a date YYYY-MM-DD, was \"30/09/2019\"",
        "parameters.workforce.allowOverCap: must be true or false, was the string \"yes\"",
        "teams: must be an array, was the string \"two\"");
  }

  @Test
  void crossFieldRules_areProblems() {
    ObjectNode tree = tree();
    ((ObjectNode) tree.withArray("teams").get(1)).put("hardLimit", 10);
    ((ObjectNode) tree.withArray("teams").get(0)).put("role", "longTerm");
    ((ObjectNode) tree.withArray("interventions").get(0)).put("team", "nobody");
    tree.with("parameters").with("demand").put("nfaShare", 0.8);
    assertThat(problems(tree)).containsExactlyInAnyOrder(
        "teams[1].hardLimit: must be >= caseloadCap (18), was 10",
        "teams[0].cases.assessment: a long-term team holds no assessments, was 40",
        "teams: must include a team with role 'assessment'",
        "interventions[0].team: must name a team of the scenario (frontDoor, children), was"
            + " 'nobody'",
        "parameters.demand.notInNeedShare: nfaShare + notInNeedShare must be <= 1, was 1.088");
  }

  @Test
  void leversRemovingMorePostsThanATeamHas_together_areProblems() {
    ObjectNode tree = tree();
    ArrayNode levers = tree.withArray("interventions");
    int first = levers.size();
    // children has 20 posts and the example's +2 from month 6: -12 in months 1-6 and -10
    // from month 7 never overlap; -9 from month 3 to 4 overlaps the -12 (21 removed).
    levers.addObject().put("type", "posts").put("startMonth", 1).put("endMonth", 6)
        .put("team", "children").put("fte", -12);
    levers.addObject().put("type", "posts").put("startMonth", 7).put("team", "children")
        .put("fte", -10);
    levers.addObject().put("type", "posts").put("startMonth", 3).put("endMonth", 4)
        .put("team", "children").put("fte", -9);
    // frontDoor has 8 posts: -£1bn in months 1-12; from month 60, -£480,000 is 7.9 posts at
    // that month's cost (£60,724 after 2% a year), though 8.7 at the base date's £55,000.
    levers.addObject().put("type", "funding").put("startMonth", 1).put("endMonth", 12)
        .put("team", "frontDoor").put("poundsPerYear", -1e9);
    levers.addObject().put("type", "funding").put("startMonth", 60).put("team", "frontDoor")
        .put("poundsPerYear", -480_000);
    // Both overlapping levers are named; £1bn is 18,151.8 posts at month 1's cost.
    assertThat(problems(tree)).containsExactlyInAnyOrder(
        "interventions[" + first + "].fte: the posts and funding levers of team"
            + " 'children' active in month 3 remove 21.0 posts, more than it has at the base"
            + " date (20.0); was -12",
        "interventions[" + (first + 2) + "].fte: the posts and funding levers of team"
            + " 'children' active in month 3 remove 21.0 posts, more than it has at the base"
            + " date (20.0); was -9",
        "interventions[" + (first + 3) + "].poundsPerYear: the posts and funding levers of"
            + " team 'frontDoor' active in month 1 remove 18151.8 posts, more than it has at"
            + " the base date (8.0); was -1000000000");
  }

  @Test
  void aLeverEndingUncoversTheOthers_isChecked() {
    ObjectNode tree = tree();
    ArrayNode levers = tree.withArray("interventions");
    int first = levers.size();
    // +5 posts in months 1-9 cover a -24 from month 1 (20 + 5, then + 2 from month 6)
    // until month 10, when the example's +2 alone is left beside it.
    levers.addObject().put("type", "posts").put("startMonth", 1).put("endMonth", 9)
        .put("team", "children").put("fte", 5);
    levers.addObject().put("type", "posts").put("startMonth", 1).put("team", "children")
        .put("fte", -24);
    assertThat(problems(tree)).containsExactly("interventions[" + (first + 1) + "].fte: the"
        + " posts and funding levers of team 'children' active in month 10 remove 22.0 posts,"
        + " more than it has at the base date (20.0); was -24");
  }

  @Test
  void unknownInterventionType_isAProblem() {
    ObjectNode tree = tree();
    ((ObjectNode) tree.withArray("interventions").get(0)).put("type", "magic");
    assertThat(problems(tree)).hasSize(1).first().asString()
        .startsWith("interventions[0].type: must be one of referralGrowth,");
  }

  @Test
  void malformedJson_isOneProblemWithItsPlace() {
    assertThat(problemsOf("{\"name\": \"x\",\n \"teams\": [}"))
        .singleElement().asString().startsWith("$: is not valid JSON: ")
        .contains("line 2, column").doesNotContain("Source").doesNotContain("REDACTED");
    assertThat(problemsOf("")).containsExactly("$: is empty");
    assertThat(problemsOf("[1, 2]")).first().isEqualTo("$: must be an object, was an array");
  }

  @Test
  void textAfterTheScenario_isAProblemWithWhereItStarts() {
    String json = tree().toString();
    int end = json.length();
    assertThat(problemsOf(json + "garbage")).containsExactly("$: is not valid JSON: unexpected"
        + " text after the value (at column " + (end + 1) + ")");
    assertThat(problemsOf(json + "]")).containsExactly("$: is not valid JSON: unexpected"
        + " text after the value (at column " + (end + 1) + ")");
    assertThat(problemsOf(json + "\n  {}")).containsExactly("$: is not valid JSON: unexpected"
        + " text after the value (at line 2, column 3)");
    assertThat(ScenarioJson.read(json + " \n\t\r\n")).isEqualTo(Examples.synthetic());
  }

  @Test
  void duplicateKey_isAProblem() {
    assertThat(problemsOf("{\"name\": \"a\", \"name\": \"b\"}")).singleElement().asString()
        .contains("duplicate key 'name': each key may appear once");
  }

  @Test
  void uncertainty_badParameterAndNegativeSd_areProblems() {
    ObjectNode tree = tree();
    ArrayNode uncertainty = tree.putArray("uncertainty");
    uncertainty.addObject().put("parameter", "mood").put("sd", 1);
    uncertainty.addObject().put("parameter", "annualTurnover").put("sd", -0.1);
    assertThat(problems(tree)).containsExactlyInAnyOrder(
        "uncertainty[0].parameter: must be one of [referralLevel, referralGrowth, nfaShare,"
            + " notInNeedShare, annualTurnover, fillProbability, agencyCoverShare, establishmentGrowth], was \"mood\"",
        "uncertainty[1].sd: must be >= 0, was -0.1");
  }

  @Test
  void uncertainty_aParameterGivenTwice_isAProblem() {
    ObjectNode tree = tree();
    ArrayNode uncertainty = tree.putArray("uncertainty");
    uncertainty.addObject().put("parameter", "annualTurnover").put("sd", 0.1);
    uncertainty.addObject().put("parameter", "annualTurnover").put("sd", 0.2);
    assertThat(problems(tree)).containsExactly(
        "uncertainty[1].parameter: annualTurnover is already given (uncertainty[0])");
  }

  @Test
  void uncertainty_unknownParameters_areNotTakenForRepeats() {
    ObjectNode tree = tree();
    ArrayNode uncertainty = tree.putArray("uncertainty");
    uncertainty.addObject().put("parameter", "mood").put("sd", 0.1);
    uncertainty.addObject().put("parameter", "referralLevel").put("sd", 0.1);
    uncertainty.addObject().put("parameter", "joy").put("sd", 0.1);
    assertThat(problems(tree)).hasSize(2).allMatch(p -> p.contains("must be one of"));
  }

  /**
   * Each uncertain parameter's sd is bounded by what it can mean: the referral level's (the
   * sd of the log of a mean-one multiplier) at 1, every other at half its valid range.
   */
  @ParameterizedTest
  @CsvSource({"referralLevel, 1", "referralGrowth, 0.75", "nfaShare, 0.5",
      "notInNeedShare, 0.5", "annualTurnover, 2.5", "fillProbability, 0.5",
      "agencyCoverShare, 0.5", "establishmentGrowth, 0.75"})
  void uncertainty_sdAboveWhatItCanMean_isAProblem(String parameter, double max) {
    ObjectNode tree = tree();
    tree.putArray("uncertainty").addObject().put("parameter", parameter).put("sd", max);
    assertThat(problems(tree)).isEmpty();
    assertThat(Uncertainty.Parameter.byName(parameter).maxSd()).isEqualTo(max);

    ((ObjectNode) tree.get("uncertainty").get(0)).put("sd", max + 0.001);
    assertThat(problems(tree)).singleElement().asString()
        .startsWith("uncertainty[0].sd: must be from 0 to " + Problem.show(max) + " for "
            + parameter + " (")
        .endsWith("), was " + Problem.show(max + 0.001));
  }

  /**
   * A value the scenario's check accepts is the value drawn at z = 0: the draws were clamped
   * to a range of their own, 0 to 0.95 for the front door's shares, where the check takes 0
   * to 1, so an nfaShare of 0.97 ran as 0.95 in every replication once it was uncertain.
   */
  @Test
  void uncertainty_aValidShare_isDrawnAsWrittenAtZ0_andKeptWithinTheOther() {
    ObjectNode tree = tree();
    ObjectNode demand = (ObjectNode) tree.get("parameters").get("demand");
    demand.put("nfaShare", 0.97).put("notInNeedShare", 0.02);
    tree.putArray("uncertainty").addObject().put("parameter", "nfaShare").put("sd", 0.1);
    assertThat(problems(tree)).isEmpty();
    Scenario scenario = ScenarioJson.read(tree.toString());
    assertThat(Uncertainty.draw(scenario, new double[] {0}).parameters().demand().nfaShare())
        .isEqualTo(0.97);
    assertThat(Uncertainty.draw(scenario, new double[] {3}).parameters().demand().nfaShare())
        .isEqualTo(1 - 0.02);
    for (Uncertainty.Parameter p : Uncertainty.Parameter.values()) {
      assertThat(p.maxSd()).as(p.name()).isEqualTo(p == Uncertainty.Parameter.referralLevel ? 1
          : (p.max() - p.min()) / 2);
    }
  }

  /** sd 10 on the referral level made month-1 referrals 0 in every replication. */
  @Test
  void uncertainty_referralLevelSd10_saysWhyOneIsTheMost() {
    ObjectNode tree = tree();
    tree.putArray("uncertainty").addObject().put("parameter", "referralLevel").put("sd", 10);
    assertThat(problems(tree)).containsExactly("uncertainty[0].sd: must be from 0 to 1 for"
        + " referralLevel (the sd of the log of a mean-one multiplier: at 1 the middle 90% of"
        + " replications draw 0.12 to 3.1 times the level and half draw under 0.61; beyond,"
        + " most draw far fewer referrals (half under 0.14 at 2, under 0.011 at 3)), was 10");
  }

  /** An unknown parameter is the problem; its sd is not judged by another's limit. */
  @Test
  void uncertainty_unknownParameter_isOneProblem() {
    ObjectNode tree = tree();
    tree.putArray("uncertainty").addObject().put("parameter", "mood").put("sd", 3);
    assertThat(problems(tree)).singleElement().asString()
        .startsWith("uncertainty[0].parameter: must be one of [");
  }

  @Test
  void baseDate_mustEndAMonth() {
    ObjectNode tree = tree();
    tree.put("baseDate", "2019-09-15");
    assertThat(problems(tree))
        .containsExactly("baseDate: must be the last day of a month, was 2019-09-15");
  }

  @Test
  void localTeams_roundTripAndRefuseBadShares() {
    ObjectNode tree = tree();
    ArrayNode teams = tree.withArray("teams");
    ObjectNode second = teams.addObject();
    second.setAll((ObjectNode) teams.get(0).deepCopy());
    second.put("name", "second front door");
    ((ObjectNode) teams.get(0)).put("demandShare", 0.25);
    second.put("demandShare", 0.75);
    tree.with("parameters").with("workforce").put("poolAfterMonths", 2);
    Scenario read = ScenarioJson.read(tree.toString());
    assertThat(read.teams().get(0).demandShare()).isEqualTo(0.25);
    assertThat(read.parameters().workforce().poolAfterMonths()).isEqualTo(2);
    assertThat(ScenarioJson.read(ScenarioJson.toTree(read).toString())).isEqualTo(read);
    tree.with("parameters").with("workforce").putNull("poolAfterMonths");
    assertThat(ScenarioJson.read(tree.toString()).parameters().workforce().poolAfterMonths())
        .isEqualTo(Double.POSITIVE_INFINITY);

    second.put("demandShare", 0.5);
    tree.with("parameters").with("workforce").put("poolAfterMonths", 1.5);
    assertThat(problems(tree)).containsExactlyInAnyOrder(
        "teams[2].demandShare: the demand shares of the assessment teams must add up to 1,"
            + " were 0.75",
        "parameters.workforce.poolAfterMonths: must be a whole number of months or null"
            + " (never), was 1.5");
    second.remove("demandShare");
    tree.with("parameters").with("workforce").put("poolAfterMonths", -1);
    assertThat(problems(tree)).containsExactlyInAnyOrder(
        "teams[0].demandShare: give every assessment team a demandShare or none; 1 of 2 have"
            + " one",
        "parameters.workforce.poolAfterMonths: must be >= 0, was -1");
    ((ObjectNode) teams.get(0)).put("demandShare", "most");
    tree.with("parameters").with("workforce").put("poolAfterMonths", 121);
    assertThat(problems(tree)).containsExactlyInAnyOrder(
        "teams[0].demandShare: must be a number, was the string \"most\"",
        "parameters.workforce.poolAfterMonths: must be <= 120, was 121");
  }

  @Test
  void teamAgencyPolicy_cannotCapTheService() {
    ObjectNode tree = tree();
    ArrayNode levers = tree.putArray("interventions");
    levers.addObject().put("type", "agencyPolicy").put("startMonth", 1).put("coverShare", 0.5)
        .put("costPerYear", 90_000).put("capFte", 10).put("team", "children");
    levers.addObject().put("type", "recruitmentCampaign").put("startMonth", 1)
        .put("endMonth", 6).put("fillMultiplier", 2).put("team", "nobody");
    assertThat(problems(tree)).containsExactlyInAnyOrder(
        "interventions[0].capFte: agency is capped across every team: give the cap in a policy"
            + " without a team, was 10.0 for team 'children'",
        "interventions[1].team: must name a team of the scenario (frontDoor, children), was"
            + " 'nobody'");
  }

  /**
   * A list far longer than any scenario holds is refused whole, its items not read; other
   * problems are listed up to a hundred, the last saying how many more there were (a file of
   * a million empty interventions or teams had run the command-line tool out of memory).
   */
  @Test
  void hugeLists_areRefusedWhole_andProblemsListedUpToAHundred() {
    ObjectNode tree = tree();
    ArrayNode levers = tree.putArray("interventions");
    for (int i = 0; i < 100_000; i++) {
      levers.addObject();
    }
    assertThat(problems(tree)).containsExactly(
        "interventions: must have at most 200 items, had 100000");
    tree = tree();
    ArrayNode uncertainty = tree.putArray("uncertainty");
    for (int i = 0; i <= Uncertainty.Parameter.values().length; i++) {
      uncertainty.addObject();
    }
    assertThat(problems(tree)).containsExactly("uncertainty: must have at most "
        + Uncertainty.Parameter.values().length + " items (one for each parameter), had "
        + (Uncertainty.Parameter.values().length + 1));
    tree = tree();
    tree.putArray("interventions"); // none naming a team of those refused
    ArrayNode teams = tree.putArray("teams");
    for (int i = 0; i < 10_001; i++) {
      teams.addObject();
    }
    assertThat(problems(tree)).containsExactly(
        "teams: must have at most 10000 items, had 10001");
    tree = tree();
    ArrayNode cohorts = ((ObjectNode) tree.withArray("teams").get(0)).putArray("permanent");
    for (int i = 0; i < 1_001; i++) {
      cohorts.addObject().put("count", 1).put("tenureMonths", 12);
    }
    assertThat(problems(tree)).containsExactly(
        "teams[0].permanent: must have at most 1000 items, had 1001");

    // 600 cohorts of two problems each: 100 listed, the last counting the other 1,100
    tree = tree();
    cohorts = ((ObjectNode) tree.withArray("teams").get(0)).putArray("permanent");
    for (int i = 0; i < 600; i++) {
      cohorts.addObject();
    }
    List<String> listed = problems(tree);
    assertThat(listed).hasSize(Checks.MAX_LISTED);
    assertThat(listed.get(0)).isEqualTo("teams[0].permanent[0].count: is required");
    assertThat(listed.get(99)).isEqualTo("teams[0].permanent[49].tenureMonths: is required"
        + " (and 1,100 more problems not listed)");
  }

  /**
   * The reader's problems and the validator's together are listed up to a hundred, the last
   * counting the rest (each had been capped alone, so up to 199 lines were listed).
   */
  @Test
  void readersAndValidatorsProblems_areListedUpToAHundredTogether() {
    ObjectNode tree = tree();
    ArrayNode cohorts = ((ObjectNode) tree.withArray("teams").get(0)).putArray("permanent");
    for (int i = 0; i < 30; i++) {
      cohorts.addObject(); // two problems each when read: count and tenure required
    }
    ArrayNode levers = tree.putArray("interventions");
    for (int i = 0; i < 60; i++) {
      levers.addObject().put("type", "posts").put("startMonth", 1).put("team", "nope")
          .put("fte", 1); // one problem each when validated: no such team
    }
    List<String> listed = problems(tree);
    assertThat(listed).hasSize(Checks.MAX_LISTED);
    assertThat(listed.get(59)).isEqualTo("teams[0].permanent[29].tenureMonths: is required");
    assertThat(listed.get(60)).startsWith("interventions[0].team: ");
    assertThat(listed.get(99)).startsWith("interventions[39].team: ")
        .endsWith(" (and 20 more problems not listed)");
  }

  private static ObjectNode tree() {
    return ScenarioJson.toTree(Examples.synthetic());
  }

  private static List<String> problems(ObjectNode tree) {
    return problemsOf(tree.toString());
  }

  private static List<String> problemsOf(String json) {
    try {
      ScenarioJson.read(json);
    } catch (InvalidScenarioException e) {
      return e.problems().stream().map(Problem::toString).toList();
    }
    assertThatThrownBy(() -> {
      throw new AssertionError("no problem reported for " + json);
    });
    return List.of();
  }
}
