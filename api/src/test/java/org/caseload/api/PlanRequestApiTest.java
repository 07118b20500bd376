package org.caseload.api;

import static org.assertj.core.api.Assertions.assertThat;
import static org.caseload.api.ProblemAssertions.assertBadField;

import io.vertx.core.json.JsonArray;
import io.vertx.core.json.JsonObject;
import java.time.Duration;
import org.junit.jupiter.api.Test;

/**
 * The plan's question without sending a whole scenario: a preset or stored scenario plus
 * field settings ({@code set}) and interventions, in runs and comparisons (with targets), byte
 * for byte what {@code caseload run|compare --set --with --target} writes; and what is refused.
 */
class PlanRequestApiTest extends ServerPerClass {

  private static final Duration WAIT = Duration.ofSeconds(90);
  private static final String POSTS =
      "{\"type\": \"posts\", \"startMonth\": 1, \"team\": \"assessment\", \"fte\": 8}";
  private static final String CAMPAIGN = "{\"type\": \"recruitmentCampaign\", \"startMonth\": 1,"
      + " \"endMonth\": 12, \"fillMultiplier\": 2, \"monthlyCost\": 10000}";
  private static final String TARGET = "caseload <= 18 at month 12";

  @Test
  void runFromAPresetWithSettingsAndInterventions_equalsTheCli() {
    JsonObject request = new JsonObject().put("preset", "medway-2019")
        .put("set", new JsonObject().put("parameters.demand.annualGrowth", 0.08))
        .put("interventions", new JsonArray().add(new JsonObject(POSTS))
            .add(new JsonObject(CAMPAIGN)))
        .put("targets", new JsonArray().add(TARGET))
        .put("replications", 100).put("months", 12).put("seed", 5);
    String location = api.submit("/api/v1/runs", request);
    assertThat(api.awaitEnd(location, WAIT).getString("status")).isEqualTo("succeeded");
    String cli = Cli.run("run", "--preset", "medway-2019", "--set",
        "parameters.demand.annualGrowth=0.08", "--with", "[" + POSTS + ", " + CAMPAIGN + "]",
        "--target", TARGET, "--replications", "100", "--months", "12", "--seed", "5",
        "--quiet", "--format", "json");
    assertThat(api.get(location + "/results").bodyAsString()).isEqualTo(cli);
    JsonObject asRun = api.get(location + "/scenario").bodyAsJsonObject();
    assertThat(asRun.getJsonObject("parameters").getJsonObject("demand")
        .getDouble("annualGrowth")).isEqualTo(0.08);
    assertThat(asRun.getJsonArray("interventions").size()).isEqualTo(2);
  }

  @Test
  void comparisonWithSettingsInterventionsAndTargets_equalsTheCli() {
    JsonObject request = new JsonObject()
        .put("baseline", new JsonObject().put("preset", "medway-2019")
            .put("set", new JsonObject().put("parameters.demand.annualGrowth", 0.08)))
        .put("variants", new JsonArray()
            .add(new JsonObject().put("interventions", new JsonArray().add(new JsonObject(POSTS))))
            .add(new JsonObject().put("interventions",
                new JsonArray().add(new JsonObject(CAMPAIGN)))))
        .put("targets", new JsonArray().add(TARGET))
        .put("replications", 100).put("months", 12).put("seed", 5);
    String location = api.submit("/api/v1/comparisons", request);
    assertThat(api.awaitEnd(location, WAIT).getString("status")).isEqualTo("succeeded");
    String cli = Cli.run("compare", "--preset", "medway-2019", "--set",
        "parameters.demand.annualGrowth=0.08", "--with", POSTS, "--with", CAMPAIGN,
        "--target", TARGET, "--replications", "100", "--months", "12", "--seed", "5",
        "--quiet", "--format", "json");
    String results = api.get(location + "/results").bodyAsString();
    assertThat(results).isEqualTo(cli);
    JsonObject document = new JsonObject(results);
    assertThat(document.encode()).contains("targetDifferences");
  }

  @Test
  void aVariantMayTakeItsOwnScenarioAndChangeIt() {
    JsonObject request = new JsonObject()
        .put("baseline", new JsonObject().put("preset", "medway-2019"))
        .put("variants", new JsonArray().add(new JsonObject().put("preset", "medway-2019")
            .put("set", new JsonObject().put("teams[0].establishment", 120))))
        .put("replications", 20).put("months", 6).put("seed", 5);
    String location = api.submit("/api/v1/comparisons", request);
    assertThat(api.awaitEnd(location, WAIT).getString("status")).isEqualTo("succeeded");
  }

  @Test
  void badSettingsAndInterventions_areProblemsAtTheirFields() {
    // an empty set changes nothing, as an empty interventions array: both refused
    assertBadField(api.post("/api/v1/runs", body("\"set\": {}")), "set",
        "must name at least one field");
    assertBadField(api.post("/api/v1/comparisons", new JsonObject()
        .put("baseline", new JsonObject().put("preset", "medway-2019"))
        .put("variants", new JsonArray().add(new JsonObject().put("set", new JsonObject())))),
        "variants[0].set", "must name at least one field");
    assertBadField(api.post("/api/v1/runs", body("\"set\": {\"parameters.demand.growth\": 0.08}")),
        "set.parameters.demand.growth", "did you mean 'parameters.demand.annualGrowth'");
    assertBadField(api.post("/api/v1/runs", body("\"set\": {\"parameters.demand.annualGrowth\":"
        + " \"lots\"}")), "set.parameters.demand.annualGrowth", "must be a number");
    assertBadField(api.post("/api/v1/runs", body("\"set\": {\"teams[99999999999].name\": \"x\"}")),
        "set.teams[99999999999].name", "is not a field of the scenario");
    assertBadField(api.post("/api/v1/runs", body("\"set\": {\"name\": \"a\\u0000b\"}")),
        "set.name", "control characters");
    assertBadField(api.post("/api/v1/runs", body("\"interventions\": [{\"type\": \"posts\","
        + " \"startMonth\": 1, \"team\": \"nowhere\", \"fte\": 8}]")),
        "interventions[0].team", "assessment");
    assertBadField(api.post("/api/v1/runs", body("\"interventions\": [" + POSTS + ", {\"type\":"
        + " \"posts\", \"startMonth\": 7, \"team\": \"assessment\", \"fte\": 8}]")),
        "interventions[1].startMonth", "starts after the run's last month (6)");
    // Funded posts at most 200,000 summed over teams: a pound a post ran the server out of
    // memory (Workers.allocate), as did 200 posts levers of 100,000 (50 here, a request's most).
    assertBadField(api.post("/api/v1/runs", "{\"preset\": \"synthetic-small\","
        + " \"replications\": 1, \"months\": 1,"
        + " \"set\": {\"parameters.funding.permanentCostPerYear\": 1}, \"interventions\":"
        + " [{\"type\": \"funding\", \"startMonth\": 1, \"team\": \"children\","
        + " \"poundsPerYear\": 100000000}]}"), "interventions[0].poundsPerYear",
        "more than the 200000 a scenario may fund");
    StringBuilder many = new StringBuilder();
    for (int i = 0; i < 50; i++) { // the most a request may add
      many.append(i == 0 ? "" : ",").append("{\"type\": \"posts\", \"startMonth\": 1,"
          + " \"team\": \"assessment\", \"fte\": 100000}");
    }
    assertBadField(api.post("/api/v1/runs", body("\"interventions\": [" + many + "]")),
        "interventions[0].fte", "the teams' funded posts in month 1 would be");
    assertBadField(api.post("/api/v1/comparisons", "{\"baseline\": {\"preset\": \"medway-2019\"},"
        + " \"variants\": [{\"interventions\": [" + many + "]}], \"months\": 12}"),
        "variants[0].interventions[0].fte", "more than the 200000 a scenario may fund");
    assertBadField(api.post("/api/v1/comparisons", "{\"baseline\": {\"preset\": \"medway-2019\"},"
        + " \"variants\": [{\"interventions\": [{\"type\": \"posts\", \"startMonth\": 13,"
        + " \"team\": \"assessment\", \"fte\": 8}]}], \"months\": 12}"),
        "variants[0].interventions[0].startMonth", "give 1 to 12, was 13");
    assertBadField(api.post("/api/v1/comparisons", "{\"baseline\": {\"preset\": \"medway-2019\"},"
        + " \"variants\": [{}]}"), "variants[0]", "give one of scenarioId, preset and scenario,"
        + " or set or interventions");
    assertBadField(api.post("/api/v1/comparisons", "{\"baseline\": {\"preset\": \"medway-2019\"},"
        + " \"variants\": [{\"set\": {\"horizonMonths\": 12}}], \"months\": 24}"), "variants[0]",
        "must have the baseline's base date and horizon");
    assertBadField(api.post("/api/v1/comparisons", "{\"baseline\": {\"preset\": \"medway-2019\"},"
        + " \"variants\": [{\"interventions\": [" + POSTS + "]}], \"months\": 12,"
        + " \"targets\": [\"caseload <= 18 at month 13\"]}"), "targets[0]", "beyond the horizon");
    // a variant of another council, on the same months, is no variant (Kent of England had
    // been compared on common random numbers)
    String kent = api.post("/api/v1/calibrations", "{\"la\": \"Kent\", \"year\": 2022}")
        .bodyAsJsonObject().getJsonObject("scenario").encode();
    assertBadField(api.post("/api/v1/comparisons", "{\"baseline\": {\"preset\": \"england-2022\"},"
        + " \"variants\": [{\"scenario\": " + kent + "}], \"months\": 12}"), "variants[0]",
        "must be of the baseline's council (England), is of Kent");
  }

  private static String body(String fields) {
    return "{\"preset\": \"medway-2019\", \"replications\": 10, \"months\": 6, " + fields + "}";
  }
}
