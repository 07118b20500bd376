package org.caseload.api;

import static org.assertj.core.api.Assertions.assertThat;
import static org.caseload.api.ProblemAssertions.assertBadField;

import io.vertx.core.json.JsonArray;
import io.vertx.core.json.JsonObject;
import org.caseload.core.scenario.FundedPosts;
import org.caseload.core.scenario.Scenario;
import org.caseload.sim.presets.Presets;
import org.junit.jupiter.api.Test;

/**
 * One request may not ask for more work than the server's --max-work (25 billion
 * worker-months by default, about 20-25 minutes of one core): a security review had the
 * England preset at 100,000 replications x 120 months accepted (about 29 hours on two cores,
 * holding a slot, and 16 more behind it in the queue), and a goal-seek of 100,000
 * replications a plan over 9,600 combinations. Refused before anything is stored.
 */
class WorkLimitApiTest extends ServerPerClass {

  @Test
  void workBeyondTheLimit_isA400NamingTheReplications() {
    Scenario england = Presets.load("england-2022").orElseThrow();
    // the figures docs/api.md gives: England as one service, 120 months, 5.3e6 a replication
    assertThat(FundedPosts.workerMonths(england.withHorizon(120)))
        .isBetween(5.2e6, 5.4e6);
    assertBadField(api.post("/api/v1/runs", new JsonObject().put("preset", "england-2022")
        .put("replications", 100_000).put("months", 120)), "replications",
        "more than the 2.5e+10 this server runs (its --max-work); ask for fewer replications"
            + " or months");
    assertBadField(api.post("/api/v1/comparisons", new JsonObject()
        .put("baseline", new JsonObject().put("preset", "england-2022"))
        .put("variants", new JsonArray().add(new JsonObject().put("set",
            new JsonObject().put("parameters.demand.annualGrowth", 0.05))))
        .put("replications", 4_000).put("months", 120)), "replications",
        "of every scenario");
    assertBadField(api.post("/api/v1/goal-seeks", new JsonObject()
        .put("preset", "england-2022").put("months", 120)
        .put("targets", new JsonArray().add("caseload <= 10 at month 120"))
        .put("probability", 0.99)
        .put("levers", new JsonArray().add("posts:longTerm=0..9990/10"))
        .put("screenReplications", 99_968).put("maxReplications", 100_000)),
        "levers", "--max-work");
    // one plan of Medway at 120 months is 3e9, within the limit; the search is not: 100
    // combinations of the other levers, each bisected over 11 steps at the screen (a review)
    assertBadField(api.post("/api/v1/goal-seeks", new JsonObject()
        .put("preset", "medway-2019").put("months", 120)
        .put("targets", new JsonArray().add("caseload <= 18 at month 120"))
        .put("probability", 0.8)
        .put("levers", new JsonArray().add("posts:longTerm=0..40/4").add("campaign=1..3/0.2")
            .add("retention=1..0.82/0.02"))
        .put("screenReplications", 9_984).put("maxReplications", 10_048)),
        "levers", "--max-work); search fewer months, or fewer levers (each lever's values"
            + " multiply the plans screened");
    // England's search at the defaults (the page's levers for it, 256 and 4,096 replications
    // a plan): 32,512 replications of 1.9 million worker-months, 6.3e10; the refusal names
    // the maxReplications within the limit and the --max-work it would need
    JsonObject englandSearch = new JsonObject().put("preset", "england-2022")
        .put("targets", new JsonArray().add("caseload <= 18 at month 24"))
        .put("probability", 0.8)
        .put("levers", new JsonArray().add("posts:longTerm=0..12000/1200")
            .add("campaign=1..3/1"));
    assertBadField(api.post("/api/v1/goal-seeks", englandSearch), "levers", "(its --max-work);"
        + " maxReplications 1280 (the rest as asked) is within it; or search fewer months");
    assertBadField(api.post("/api/v1/goal-seeks", englandSearch), "levers",
        "; or run it on a server started with --max-work 6.3e+10");
    assertBadField(api.post("/api/v1/sensitivities", new JsonObject()
        .put("preset", "england-2022").put("months", 120).put("metric", "caseload")
        .put("month", 120).put("method", "sobol").put("sobolPoints", 64)
        .put("replications", 100)), "sobolPoints",
        "--max-work); ask for fewer months, replications, Sobol points or inputs");
  }

  @Test
  void workWithinTheLimit_isAccepted() {
    // Medway at the most replications and months this server takes: about 3e9
    String location = api.submit("/api/v1/runs", new JsonObject().put("preset", "medway-2019")
        .put("replications", 100_000).put("months", 120));
    assertThat(api.delete(location).statusCode()).isEqualTo(202);
    // docs/decide.md's Medway goal-seek: 71,168 replications planned, 41,728 run
    String goalSeek = api.submit("/api/v1/goal-seeks", new JsonObject()
        .put("preset", "medway-2019").put("months", 24)
        .put("targets", new JsonArray().add("caseload <= 18 at month 24"))
        .put("probability", 0.8).put("levers", new JsonArray().add("posts:longTerm=0..100/4")
            .add("campaign=1..3/0.5").add("retention=1..0.8/0.05")));
    assertThat(api.delete(goalSeek).statusCode()).isEqualTo(202);
  }
}
