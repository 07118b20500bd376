package org.caseload.api;

import static org.assertj.core.api.Assertions.assertThat;

import io.vertx.core.Vertx;
import io.vertx.core.buffer.Buffer;
import io.vertx.core.json.JsonArray;
import io.vertx.core.json.JsonObject;
import io.vertx.ext.web.client.HttpResponse;
import java.time.Duration;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

/**
 * Every success body the server sends is what the contract ({@code openapi.yaml}) declares:
 * each operation with a JSON body declared is called and its answer checked by Vert.x's own
 * response validator against the contract's schema, with the server's real answers (presets,
 * calibrations, stored scenarios, every kind of run queued, succeeded and cancelled, and results
 * with teams, snapshots, targets, an answered and an unanswerable goal-seek; a sweep's
 * councils left out: SweepApiTest).
 */
class ContractResponsesTest extends ServerPerClass {

  private static final Duration WAIT = Duration.ofSeconds(120);
  private ContractCheck contract;

  @BeforeAll
  void loadContract(Vertx vertx) {
    contract = ContractCheck.load(vertx);
  }

  private JsonObject conforms(String operationId, HttpResponse<Buffer> response) {
    return contract.conforms(operationId, response);
  }

  /** Submits, checks the queued answer, waits for the end, checks the status and results. */
  private JsonObject runToEnd(String kind, String path, JsonObject request) {
    HttpResponse<Buffer> queued = api.post(path, request);
    assertThat(queued.statusCode()).as(queued.bodyAsString()).isEqualTo(202);
    conforms("create" + kind, queued);
    String location = queued.getHeader("Location");
    conforms("get" + kind, api.get(location + "?wait=60"));
    JsonObject done = api.awaitEnd(location, WAIT);
    assertThat(done.getString("status")).as(done.encode()).isEqualTo("succeeded");
    conforms("get" + kind, api.get(location));
    conforms("get" + kind + "Results", api.get(location + "/results"));
    return done;
  }

  @Test
  void everySuccessBodyIsTheContractsShape() {
    JsonArray presets = conforms("listPresets", api.get("/api/v1/presets")).getJsonArray("items");
    assertThat(presets).hasSizeGreaterThanOrEqualTo(5);
    for (int i = 0; i < presets.size(); i++) {
      conforms("getPreset", api.get(presets.getJsonObject(i).getString("href")));
    }
    JsonObject calibrated = conforms("calibrate", api.post("/api/v1/calibrations",
        new JsonObject().put("la", "Leeds").put("year", 2021).put("months", 12)));
    conforms("getActuals", api.get("/api/v1/actuals?la=Medway"));
    // a council with figures missing in some years: nulls where not published
    conforms("getActuals", api.get("/api/v1/actuals?la=Westminster"));

    JsonObject stored = conforms("createScenario", api.post("/api/v1/scenarios",
        new JsonObject().put("scenario", calibrated.getJsonObject("scenario"))
            .put("targets", new JsonArray().add("caseload <= 18 at month 12"))
            .put("replications", 200).put("seed", 7)));
    String scenario = stored.getString("href");
    conforms("listScenarios", api.get("/api/v1/scenarios?limit=1"));
    conforms("getScenario", api.get(scenario));
    conforms("updateScenario", api.put(scenario, new JsonObject().put("version", 1)
        .put("scenario", calibrated.getJsonObject("scenario"))));

    JsonObject run = runToEnd("Run", "/api/v1/runs", new JsonObject()
        .put("scenarioId", stored.getString("id")).put("replications", 100).put("months", 12)
        .put("targets", new JsonArray().add("caseload <= 18 at month 12")));
    conforms("getRunScenario", api.get(run.getJsonObject("links").getString("scenario")));
    String events = api.get(run.getJsonObject("links").getString("events")).bodyAsString();
    assertThat(events).contains("event: end\n");
    for (String line : events.split("\n")) {
      if (line.startsWith("data: ")) {
        assertThat(contract.valid("getRun", new JsonObject(line.substring(6))))
            .as("an event's data is the run: " + line).isTrue();
      }
    }
    conforms("listScenarioRuns", api.get(scenario + "/runs"));
    // a role split into teams (teams), a 30 September within the horizon (snapshots), and
    // fewer than 100 replications (no half-widths: nulls)
    runToEnd("Run", "/api/v1/runs", new JsonObject().put("preset", "medway-2019-localities")
        .put("replications", 40).put("months", 13));

    runToEnd("Comparison", "/api/v1/comparisons", new JsonObject()
        .put("baseline", new JsonObject().put("preset", "medway-2019"))
        .put("variants", new JsonArray().add(new JsonObject().put("interventions",
            new JsonArray().add(new JsonObject().put("type", "posts").put("startMonth", 1)
                .put("team", "assessment").put("fte", 8)))))
        .put("replications", 100).put("months", 13)
        .put("targets", new JsonArray().add("caseload <= 18 at month 12")));

    JsonObject found = goalSeek("caseload <= 18 at month 6");
    assertThat(found.getJsonObject("answer").getString("status")).isEqualTo("found");
    JsonObject infeasible = goalSeek("caseload <= 2 at month 6");
    assertThat(infeasible.getJsonObject("answer").getString("status")).isEqualTo("infeasible");

    runToEnd("Sensitivity", "/api/v1/sensitivities", new JsonObject()
        .put("preset", "medway-2019").put("months", 6).put("metric", "caseload").put("month", 6)
        .put("parameters", new JsonArray().add("referralLevel").add("annualTurnover"))
        .put("levers", new JsonArray().add("posts:longTerm=0..10/10"))
        .put("replications", 4).put("sobolPoints", 16).put("bootstrap", 100).put("seed", 3));

    runToEnd("Sweep", "/api/v1/sweeps", new JsonObject().put("year", 2022)
        .put("councils", new JsonArray().add("Westminster").add("Medway"))
        .put("metrics", new JsonArray().add("caseload")).put("replications", 16)
        .put("months", 2).put("seed", 3));

    cancelled("Run", "/api/v1/runs", new JsonObject().put("preset", "medway-2019")
        .put("replications", 100_000));
    cancelled("Comparison", "/api/v1/comparisons", new JsonObject()
        .put("baseline", new JsonObject().put("preset", "medway-2019"))
        .put("variants", new JsonArray().add(new JsonObject().put("set",
            new JsonObject().put("parameters.demand.annualGrowth", 0.08))))
        .put("replications", 100_000));
    cancelled("GoalSeek", "/api/v1/goal-seeks", new JsonObject().put("preset", "medway-2019")
        .put("months", 120).put("targets", new JsonArray().add("caseload <= 18 at month 120"))
        .put("probability", 0.8).put("levers", new JsonArray().add("posts:longTerm=0..1000/10")));
    cancelled("Sensitivity", "/api/v1/sensitivities", new JsonObject()
        .put("preset", "medway-2019").put("metric", "caseload").put("month", 36)
        .put("replications", 90).put("sobolPoints", 100));
    cancelled("Sweep", "/api/v1/sweeps", new JsonObject().put("year", 2022)
        .put("councils", new JsonArray().add("Kent").add("Medway")).put("replications", 50_000)
        .put("months", 120).put("metrics", new JsonArray().add("caseload")));

    assertThat(contract.checked()).as("operations called")
        .isEqualTo(contract.operationsWithJsonBodies());
  }

  private JsonObject goalSeek(String target) {
    JsonObject done = runToEnd("GoalSeek", "/api/v1/goal-seeks", new JsonObject()
        .put("preset", "medway-2019").put("months", 6).put("seed", 5)
        .put("targets", new JsonArray().add(target)).put("probability", 0.8)
        .put("levers", new JsonArray().add("posts:longTerm=0..60/30"))
        .put("screenReplications", 64).put("maxReplications", 128));
    return api.get(done.getJsonObject("links").getString("results")).bodyAsJsonObject();
  }

  private void cancelled(String kind, String path, JsonObject request) {
    String location = api.submit(path, request);
    conforms("cancel" + kind, api.delete(location));
    assertThat(api.awaitEnd(location, WAIT).getString("status")).isEqualTo("cancelled");
    conforms("get" + kind, api.get(location));
  }

  @Test
  void theCheckFailsOnABodyThatIsNotTheContractsShape() {
    JsonObject queued = api.post("/api/v1/runs", new JsonObject().put("preset", "medway-2019")
        .put("replications", 10).put("months", 1)).bodyAsJsonObject();
    String location = queued.getJsonObject("links").getString("self");
    JsonObject run = api.awaitEnd(location, WAIT);
    JsonObject results = api.get(location + "/results").bodyAsJsonObject();
    assertThat(valid("getRun", run)).isTrue();
    assertThat(valid("getRunResults", results)).isTrue();

    JsonObject noStatus = run.copy();
    noStatus.remove("status");
    assertThat(valid("getRun", noStatus)).as("a required field missing").isFalse();
    assertThat(valid("getRun", run.copy().put("status", "done"))).as("not a status").isFalse();
    JsonObject nanMean = results.copy();
    nanMean.getJsonArray("monthly").getJsonObject(0).getJsonObject("metrics")
        .getJsonObject("caseload").put("mean", "NaN");
    assertThat(valid("getRunResults", nanMean)).as("a number written as a string").isFalse();
  }

  private boolean valid(String operationId, JsonObject body) {
    return contract.valid(operationId, body);
  }
}
