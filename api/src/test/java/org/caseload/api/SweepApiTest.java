package org.caseload.api;

import static org.assertj.core.api.Assertions.assertThat;
import static org.caseload.api.ProblemAssertions.assertBadField;
import static org.caseload.api.ProblemAssertions.assertProblem;

import io.vertx.core.Vertx;
import io.vertx.core.json.JsonArray;
import io.vertx.core.json.JsonObject;
import java.nio.file.Path;
import java.time.Duration;
import org.caseload.core.data.EditedDfeData;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * {@code /sweeps}: all-England sweeps, asynchronous like runs, the CSV equal to
 * {@code caseload sweep --all-councils}, councils left out listed with the reason, bad input
 * a 400 naming the field.
 */
class SweepApiTest extends ServerPerClass {

  private static final Duration WAIT = Duration.ofSeconds(120);

  @Test
  void runningSweepCountsToCouncilsTimesGridPointsTimesReplications() {
    JsonObject request = new JsonObject().put("year", 2022)
        .put("councils", new JsonArray().add("Kent").add("Medway"))
        .put("axes", new JsonObject().put("parameters.demand.annualGrowth",
            new JsonArray().add(0).add(0.05).add(0.1)))
        .put("metrics", new JsonArray().add("caseload"))
        .put("replications", 20_000).put("months", 120).put("seed", 3);
    String location = api.submit("/api/v1/sweeps", request);
    JsonObject progress = api.awaitProgress(location, WAIT).getJsonObject("progress");
    assertThat(progress.getLong("total")).isEqualTo(2 * 3 * 20_000);
    assertThat(progress.getDouble("fraction")).isGreaterThan(0).isLessThan(1);
    assertThat(api.delete(location).statusCode()).isEqualTo(202);
    assertThat(api.awaitEnd(location, WAIT).getString("status")).isEqualTo("cancelled");
  }

  @Test
  void sweepEqualsTheCli() {
    JsonObject request = new JsonObject().put("year", 2022)
        .put("councils", new JsonArray().add("Kent").add("Westminster").add("Medway"))
        .put("axes", new JsonObject().put("parameters.demand.annualGrowth",
            new JsonArray().add(0).add(0.05)))
        .put("metrics", new JsonArray().add("caseload").add("vacancyRate"))
        .put("replications", 64).put("months", 3).put("seed", 3);
    String location = api.submit("/api/v1/sweeps", request);
    assertThat(location).startsWith("/api/v1/sweeps/");
    JsonObject done = api.awaitEnd(location, WAIT);
    assertThat(done.getString("status")).as(done.encode()).isEqualTo("succeeded");
    assertThat(done.getString("kind")).isEqualTo("sweep");
    assertThat(done.getJsonObject("progress").getLong("done")).isEqualTo(3 * 2 * 64);

    java.nio.file.Path grid;
    try {
      grid = java.nio.file.Files.createTempFile("grid", ".json");
      java.nio.file.Files.writeString(grid, new JsonObject().put("axes",
          request.getJsonObject("axes")).put("metrics", request.getJsonArray("metrics"))
          .encode());
    } catch (java.io.IOException e) {
      throw new java.io.UncheckedIOException(e);
    }
    String csv = Cli.run("sweep", grid.toString(), "--all-councils", "--year", "2022",
        "--councils", "Kent,Westminster,Medway", "--replications", "64", "--months", "3",
        "--seed", "3", "--quiet", "--data", "../data/dfe");
    assertThat(api.get(location + "/results?format=csv").bodyAsString()).isEqualTo(csv);
    JsonObject json = api.get(location + "/results").bodyAsJsonObject();
    assertThat(json.getInteger("councils")).isEqualTo(3);
    assertThat(json.getInteger("scenarios")).isEqualTo(6);
    assertThat(json.getJsonArray("skipped")).isEmpty();
    assertProblem(api.get("/api/v1/runs/" + done.getString("id")), 404);
  }

  /**
   * Paired, as {@code caseload sweep --all-councils --paired}: each council's points against
   * its forecast, the same CSV to the byte (differences and their intervals included);
   * progress counts the points' replications.
   */
  @Test
  void pairedSweepEqualsTheCli() throws Exception {
    JsonObject axes = new JsonObject().put("parameters.demand.annualGrowth",
        new JsonArray().add(0).add(0.08));
    JsonObject request = new JsonObject().put("year", 2019)
        .put("councils", new JsonArray().add("Medway").add("Kent")).put("axes", axes)
        .put("metrics", new JsonArray().add("caseload").add("cost")).put("paired", true)
        .put("replications", 64).put("months", 3).put("seed", 5);
    String location = api.submit("/api/v1/sweeps", request);
    JsonObject done = api.awaitEnd(location, WAIT);
    assertThat(done.getString("status")).as(done.encode()).isEqualTo("succeeded");
    assertThat(done.getJsonObject("progress").getLong("done")).isEqualTo(2 * 2 * 64);
    java.nio.file.Path grid = java.nio.file.Files.createTempFile("grid", ".json");
    java.nio.file.Files.writeString(grid, new JsonObject().put("axes", axes)
        .put("metrics", request.getJsonArray("metrics")).encode());
    String csv = Cli.run("sweep", grid.toString(), "--all-councils", "--year", "2019",
        "--councils", "Medway,Kent", "--paired", "--replications", "64", "--months", "3",
        "--seed", "5", "--quiet", "--data", "../data/dfe");
    assertThat(csv.lines().findFirst().orElseThrow())
        .endsWith(",difference,differenceCi95Low,differenceCi95High,differenceN");
    assertThat(api.get(location + "/results?format=csv").bodyAsString()).isEqualTo(csv);
  }

  /**
   * A council whose figures give no scenario is left out with the reason: here Westminster
   * 2022 on a copy of the data whose agency headcount, too, is suppressed.
   */
  @Test
  void councilsThatCannotBeCalibrated_areListedWithTheReason(Vertx vertx, @TempDir Path dir)
      throws Exception {
    Path data = EditedDfeData.workforce(dir.resolve("data"), "Westminster", 2022, "x",
        EditedDfeData.AGENCY_HEADCOUNT);
    try (TestServer edited = TestServer.start(vertx, c -> c.withDfeFolder(data))) {
      JsonObject request = new JsonObject().put("year", 2022)
          .put("councils", new JsonArray().add("Westminster").add("Medway"))
          .put("metrics", new JsonArray().add("caseload")).put("replications", 16)
          .put("months", 2).put("seed", 3);
      String location = edited.submit("/api/v1/sweeps", request);
      JsonObject done = edited.awaitEnd(location, WAIT);
      assertThat(done.getString("status")).as(done.encode()).isEqualTo("succeeded");
      JsonObject json = ContractCheck.load(vertx)
          .conforms("getSweepResults", edited.get(location + "/results"));
      assertThat(json.getInteger("councils")).isEqualTo(1);
      assertThat(json.getJsonArray("skipped")).hasSize(1);
      JsonObject skipped = json.getJsonArray("skipped").getJsonObject(0);
      assertThat(skipped.getString("council")).isEqualTo("Westminster");
      assertThat(skipped.getString("reason")).isEqualTo("Westminster 2022: agency FTE and"
          + " headcount are not published in that year's workforce return (returns"
          + " published: 2017-2022)");
    }
  }

  @Test
  void sweepIsCancelled() {
    String location = api.submit("/api/v1/sweeps", new JsonObject().put("year", 2019)
        .put("councils", new JsonArray().add("Kent").add("Essex"))
        .put("replications", 100_000).put("months", 120)
        .put("metrics", new JsonArray().add("caseload")));
    api.awaitProgress(location, WAIT);
    assertThat(api.delete(location).statusCode()).isEqualTo(202);
    assertThat(api.awaitEnd(location, WAIT).getString("status")).isEqualTo("cancelled");
  }

  /**
   * Council names are checked against the councils of the year, and only those named are
   * calibrated (each once, in the order named): a bad name, or a sweep of one named council
   * that is too large, costs no calibration of every council (some 0.75 s of a worker each
   * before; AllCouncilsNamedTest checks the rule, shared with the CLI).
   */
  @Test
  void councilsAreCheckedByName_beforeAnyCalibration() {
    assertBadField(api.post("/api/v1/sweeps", new JsonObject().put("year", 2022)
        .put("councils", new JsonArray().add("Kent").add("nowhere"))), "councils[1]",
        "'nowhere' has no workforce return in 2022 (or is not a council); closest: ");
    JsonArray growths = new JsonArray();
    for (int i = 0; i <= 20; i++) {
      growths.add(i / 100.0);
    }
    assertBadField(api.post("/api/v1/sweeps", new JsonObject().put("year", 2022)
        .put("councils", new JsonArray().add("medway")).put("replications", 100_000)
        .put("metrics", new JsonArray().add("caseload"))
        .put("axes", new JsonObject().put("parameters.demand.annualGrowth", growths))),
        "replications", "100,000 replications of each of 1 council at 21 points of the grid"
        + " would be 2,100,000 replications");
  }

  @Test
  void badInput_400NamingTheField() {
    assertBadField(api.post("/api/v1/sweeps", new JsonObject()), "year", "required");
    assertBadField(api.post("/api/v1/sweeps", new JsonObject().put("year", 2019)
        .put("councils", new JsonArray().add("Medway")).put("paired", true)), "paired",
        "pairs each grid point with its council's forecast: give axes");
    assertBadField(api.post("/api/v1/sweeps", new JsonObject().put("year", 2019)
        .put("paired", "yes")), "paired", "");
    // The CSV is held in memory and stored as one text column: eight growth rates over 120
    // months of every council ran a 1 GiB server out of memory after 40 s.
    assertBadField(api.post("/api/v1/sweeps", new JsonObject().put("year", 2019)
        .put("replications", 1).put("months", 120).put("axes", new JsonObject()
            .put("parameters.demand.annualGrowth", new JsonArray().add(0).add(0.01).add(0.02)
                .add(0.03).add(0.04).add(0.05).add(0.06).add(0.07)))), "axes",
        "more than the 64 MiB a sweep may write here");
    // Funded posts doubling every year for ten years: Kent's some 500 posts pass 200,000.
    assertBadField(api.post("/api/v1/sweeps", new JsonObject().put("year", 2019)
        .put("councils", new JsonArray().add("Kent")).put("months", 120).put("axes",
            new JsonObject().put("parameters.funding.establishmentGrowth",
                new JsonArray().add(1)))), "axes", "parameters.funding.establishmentGrowth:"
        + " the teams' funded posts in month");
    // a point breaking a field that is not an axis is named, as the command's sweep names it
    assertBadField(api.post("/api/v1/sweeps", new JsonObject().put("year", 2019)
        .put("councils", new JsonArray().add("Medway")).put("axes", new JsonObject()
            .put("parameters.demand.nfaShare", new JsonArray().add(0.3).add(0.99)))), "axes",
        "at the grid point parameters.demand.nfaShare=0.99: parameters.demand.notInNeedShare:"
        + " nfaShare + notInNeedShare must be <= 1");
    assertBadField(api.post("/api/v1/sweeps", new JsonObject().put("year", 2019)
        .put("months", 120)), "months", "narrow it (fewer months, axes values, metrics or"
        + " councils)");
    // the horizon is the sweep's months: an axis on it would run other months than recorded
    assertBadField(api.post("/api/v1/sweeps", new JsonObject().put("year", 2019)
        .put("months", 12).put("axes", new JsonObject().put("horizonMonths",
            new JsonArray().add(6)))), "axes.horizonMonths", "cannot be an axis");
    assertBadField(api.post("/api/v1/sweeps", new JsonObject().put("year", 2031)), "year",
        "no council has a workforce return for 2031");
    assertBadField(api.post("/api/v1/sweeps", new JsonObject().put("year", 2019)
        .put("councils", new JsonArray().add("Medway").add("Atlantis"))), "councils[1]",
        "Atlantis");
    assertBadField(api.post("/api/v1/sweeps", new JsonObject().put("year", 2019)
        .put("metrics", new JsonArray().add("happiness"))), "metrics[0]", "not a metric");
    assertBadField(api.post("/api/v1/sweeps", new JsonObject().put("year", 2019)
        .put("metrics", new JsonArray().add("cost").add("cost"))), "metrics[1]",
        "'cost' is given twice");
    assertBadField(api.post("/api/v1/sweeps", new JsonObject().put("year", 2019)
        .put("axes", new JsonObject().put("parameters.demand.annualGrowth", new JsonArray()))),
        "axes.parameters.demand.annualGrowth", "non-empty");
    assertBadField(api.post("/api/v1/sweeps", new JsonObject().put("year", 2019)
        .put("axes", new JsonObject().put("teams[0].establishment",
            new JsonArray().add(-5)))), "axes", "");
    assertBadField(api.post("/api/v1/sweeps", new JsonObject().put("year", 2019)
        .put("replications", 0)), "replications", "");
    // Each scenario within the run limit, but 150 councils x 100,000 would run for hours on
    // end: the sweep's total is bounded too (2,000,000 by default).
    assertBadField(api.post("/api/v1/sweeps", new JsonObject().put("year", 2019)
        .put("replications", 100_000).put("metrics", new JsonArray().add("caseload"))),
        "replications", "100,000 replications of each of 150 councils at 1 point of the grid"
        + " would be 15,000,000 replications, more than this server's 2,000,000 for a sweep"
        + " (--max-sweep-replications)");
    assertBadField(api.post("/api/v1/sweeps", new JsonObject().put("year", 2019)
        .put("councils", new JsonArray().add("Kent").add("Medway")).put("replications", 100_000)
        .put("metrics", new JsonArray().add("caseload")).put("axes", new JsonObject()
            .put("parameters.demand.annualGrowth", new JsonArray().add(0).add(0.02).add(0.04))
            .put("parameters.workforce.fillProbability", new JsonArray().add(0.5).add(0.8)
                .add(0.9).add(1)))), "replications", "100,000 replications of each of 2 councils"
        + " at 12 points of the grid would be 2,400,000 replications");
    assertProblem(api.post("/api/v1/sweeps", "[1,2"), 400);
  }
}
