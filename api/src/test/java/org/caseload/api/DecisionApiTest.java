package org.caseload.api;

import static org.assertj.core.api.Assertions.assertThat;
import static org.caseload.api.ProblemAssertions.assertBadField;
import static org.caseload.api.ProblemAssertions.assertProblem;

import io.vertx.core.json.JsonArray;
import io.vertx.core.json.JsonObject;
import java.time.Duration;
import java.util.stream.Stream;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.Arguments;
import org.junit.jupiter.params.provider.MethodSource;

/**
 * {@code /goal-seeks} and {@code /sensitivities}: asynchronous like runs, results equal to
 * {@code caseload goal-seek} and {@code caseload sensitivity}, bad input refused with the
 * CLI's reasons.
 */
class DecisionApiTest extends ServerPerClass {

  private static final Duration WAIT = Duration.ofSeconds(120);
  private static final String TARGET = "caseload <= 18 at month 6";

  private static JsonObject goalSeek() {
    return new JsonObject().put("preset", "medway-2019").put("months", 6).put("seed", 5)
        .put("targets", new JsonArray().add(TARGET)).put("probability", 0.8)
        .put("levers", new JsonArray().add("posts:longTerm=0..60/6").add("campaign=1..2/1"))
        .put("screenReplications", 64).put("maxReplications", 128);
  }

  @Test
  void goalSeekEqualsTheCli() {
    String location = api.submit("/api/v1/goal-seeks", goalSeek());
    assertThat(location).startsWith("/api/v1/goal-seeks/");
    JsonObject done = api.awaitEnd(location, WAIT);
    assertThat(done.getString("status")).as(done.encode()).isEqualTo("succeeded");
    assertThat(done.getString("kind")).isEqualTo("goal-seek");
    assertThat(done.getJsonObject("progress").getLong("done")).isPositive();
    assertThat(done.getJsonObject("links").getString("results")).isEqualTo(location + "/results");

    String[] cli = {"goal-seek", "--preset", "medway-2019", "--months", "6", "--seed", "5",
        "--target", TARGET, "--probability", "0.8", "--lever", "posts:longTerm=0..60/6",
        "--lever", "campaign=1..2/1", "--screen-replications", "64", "--max-replications",
        "128", "--quiet", "--format"};
    assertThat(api.get(location + "/results").bodyAsString())
        .isEqualTo(Cli.run(ComparisonApiTest.append(cli, "json")));
    assertThat(api.get(location + "/results?format=csv").bodyAsString())
        .isEqualTo(Cli.run(ComparisonApiTest.append(cli, "csv")));
    assertThat(done.getJsonObject("progress").getLong("done")).as("replications simulated")
        .isEqualTo(api.get(location + "/results").bodyAsJsonObject().getLong("replicationsRun"));
    assertThat(api.get(location + "/events").bodyAsString()).contains("event: end\n");
    assertProblem(api.get("/api/v1/runs/" + done.getString("id")), 404);
  }

  @Test
  void sensitivityEqualsTheCli() {
    JsonObject request = new JsonObject().put("preset", "medway-2019").put("months", 6)
        .put("metric", "caseload").put("month", 6)
        .put("parameters", new JsonArray().add("referralLevel").add("annualTurnover"))
        .put("levers", new JsonArray().add("posts:longTerm=0..10/10"))
        .put("replications", 4).put("sobolPoints", 16).put("bootstrap", 100).put("seed", 3);
    String location = api.submit("/api/v1/sensitivities", request);
    assertThat(location).startsWith("/api/v1/sensitivities/");
    JsonObject done = api.awaitEnd(location, WAIT);
    assertThat(done.getString("status")).as(done.encode()).isEqualTo("succeeded");
    assertThat(done.getString("kind")).isEqualTo("sensitivity");

    String[] cli = {"sensitivity", "--preset", "medway-2019", "--months", "6", "--metric",
        "caseload", "--month", "6", "--parameters", "referralLevel,annualTurnover", "--lever",
        "posts:longTerm=0..10/10", "--replications", "4", "--sobol-points", "16", "--bootstrap",
        "100", "--seed", "3", "--quiet", "--format"};
    assertThat(api.get(location + "/results").bodyAsString())
        .isEqualTo(Cli.run(ComparisonApiTest.append(cli, "json")));
    assertThat(api.get(location + "/results?format=csv").bodyAsString())
        .isEqualTo(Cli.run(ComparisonApiTest.append(cli, "csv")));
  }

  @Test
  void goalSeekWhoseTargetNoLeverMovesFailsWithTheCliMessage() {
    JsonObject request = goalSeek().put("months", 3)
        .put("targets", new JsonArray().add("referrals <= 10 at month 1"))
        .put("levers", new JsonArray().add("posts:longTerm=0..3"));
    JsonObject done = api.awaitEnd(api.submit("/api/v1/goal-seeks", request), WAIT);
    assertThat(done.getString("status")).isEqualTo("failed");
    assertThat(done.getString("error"))
        .startsWith("targets: target \"referrals <= 10 at month 1\" is met");
  }

  @Test
  void runningGoalSeekIsCancelled() {
    JsonObject request = goalSeek().put("months", 120)
        .put("targets", new JsonArray().add("caseload <= 18 at month 120"))
        .put("screenReplications", 16_000).put("maxReplications", 16_000);
    String location = api.submit("/api/v1/goal-seeks", request);
    JsonObject running = api.awaitProgress(location, WAIT);
    assertThat(running.getJsonObject("progress").getValue("total")).isNull();
    assertProblem(api.get(location + "/results"), 409);
    assertThat(api.delete(location).statusCode()).isEqualTo(202);
    assertThat(api.awaitEnd(location, WAIT).getString("status")).isEqualTo("cancelled");
    assertThat(api.get(location + "/events").bodyAsString()).startsWith("event: progress\n")
        .contains("\"status\":\"cancelled\"");
    assertProblem(api.delete(location), 409);
  }

  @Test
  void runningSensitivityCountsToItsKnownTotal() {
    // the central scenario and both ends of one parameter and one lever: 5 x 10,000
    JsonObject request = sensitivity().put("months", 120).put("month", 120)
        .put("method", "tornado").put("parameters", new JsonArray().add("referralLevel"))
        .put("levers", new JsonArray().add("posts:longTerm=0..10/10"))
        .put("replications", 10_000);
    String location = api.submit("/api/v1/sensitivities", request);
    JsonObject running = api.awaitProgress(location, WAIT);
    JsonObject progress = running.getJsonObject("progress");
    assertThat(progress.getLong("total")).isEqualTo(5 * 10_000);
    assertThat(progress.getDouble("fraction")).isGreaterThan(0).isLessThan(1)
        .isEqualTo(progress.getLong("done") / 50_000.0);
    assertThat(api.delete(location).statusCode()).isEqualTo(202);
    JsonObject ended = api.awaitEnd(location, WAIT);
    assertThat(ended.getString("status")).isEqualTo("cancelled");
    // once ended, done says what it ran; the plan's total is not stored
    assertThat(ended.getJsonObject("progress").getValue("total")).isNull();
  }

  private static JsonObject without(JsonObject request, String field) {
    request.remove(field);
    return request;
  }

  @Test
  void unknownPresetIsNotFound() {
    assertProblem(api.post("/api/v1/goal-seeks", goalSeek().put("preset", "nope")), 404);
    assertProblem(api.post("/api/v1/sensitivities", sensitivity().put("preset", "nope")), 404);
  }

  static Stream<Arguments> badGoalSeeks() {
    return Stream.of(
        Arguments.of(goalSeek().put("levers", new JsonArray().add("foo=0..3")), "levers[0]",
            "unknown lever 'foo'"),
        Arguments.of(goalSeek().put("levers", new JsonArray().add("posts:assessment=2..2")),
            "levers[0]", "range 2..2 has one value"),
        Arguments.of(goalSeek().put("levers", new JsonArray().add("agencyCover=0.5..1/0.1")
            .add("agencyCap=0..60/10")), "levers[1]", "both set the whole agency policy"),
        Arguments.of(goalSeek().put("levers", new JsonArray().add("posts:longTerm=0..4")
            .add("posts:longTerm=0..8")), "levers[1]", "posts:longTerm from month 1 repeats"
            + " an earlier lever (posts:longTerm from month 1): give it once"),
        Arguments.of(goalSeek().put("levers", new JsonArray().add("posts:longTerm=0..100000/50000")
            .add("posts:assessment=0..100000/50000")), "levers", "more than the 200000 a scenario"
            + " may fund"),
        Arguments.of(goalSeek().put("levers", new JsonArray().add("posts:nope=0..3")),
            "levers[0]", "unknown team 'nope'"),
        Arguments.of(goalSeek().put("levers", new JsonArray().add("campaign=1..2/1")
            .add("posts:longTerm=100..0/4")), "levers[1]", "posts:longTerm 100..0/4 runs"
            + " strongest first: a range goes from the weakest value to the strongest, and more"
            + " posts are stronger (a higher value); write posts:longTerm=0..100/4"),
        Arguments.of(goalSeek().put("levers", new JsonArray()), "levers", "non-empty"),
        Arguments.of(without(goalSeek(), "levers"), "levers", "required"),
        Arguments.of(goalSeek().put("levers", new JsonArray().add(3)), "levers[0]",
            "must be a string"),
        Arguments.of(goalSeek().put("probability", 1.5), "probability",
            "must be strictly between 0 and 1, was 1.5"),
        Arguments.of(without(goalSeek(), "probability"), "probability", "required"),
        Arguments.of(goalSeek().put("probability", "high"), "probability", "must be"),
        Arguments.of(goalSeek().put("targets", new JsonArray()), "targets",
            "give at least one target"),
        Arguments.of(goalSeek().put("targets", new JsonArray().add("nonsense")), "targets[0]",
            ""),
        Arguments.of(goalSeek().put("targets", new JsonArray().add("caseload <= 18 at month 9")),
            "targets[0]", "month 9"),
        Arguments.of(goalSeek().put("objective", "speed"), "objective",
            "must be cost or posts, was 'speed'"),
        // the server's limit (100,000 here) in each reason, not the CLI's 1,000,000
        Arguments.of(goalSeek().put("screenReplications", 100), "screenReplications",
            "must be a multiple of 64 from 64 to 100,000, was 100"),
        Arguments.of(goalSeek().put("maxReplications", 32), "maxReplications",
            "must be from the screen replications (64) to 100,000, was 32"),
        // a screen beyond the server's limit is the screen's fault, not the maximum's
        Arguments.of(goalSeek().put("screenReplications", 200_000), "screenReplications",
            "must be at most 100000 on this server, was 200000"),
        Arguments.of(without(goalSeek().put("screenReplications", 8192), "maxReplications"),
            "maxReplications", "must be from the screen replications (8192) to 100,000, was"
                + " 4096 (the default where it is not given)"),
        Arguments.of(goalSeek().put("months", 0), "months", "at least 1"),
        Arguments.of(goalSeek().put("levers", new JsonArray(java.util.Collections.nCopies(11,
            "campaign=1..2"))), "levers", "10"),
        Arguments.of(goalSeek().put("maxReplications", 200_000), "maxReplications",
            "must be at most 100000 on this server, was 200000"),
        Arguments.of(goalSeek().put("levers", new JsonArray().add("posts:longTerm=0..10")
            .add("campaign=1..3/0.01").add("retention=1..0.8/0.001")), "levers", "combinations"));
  }

  @ParameterizedTest
  @MethodSource("badGoalSeeks")
  void badGoalSeeksAreRefusedWithTheCliReason(JsonObject request, String field, String reason) {
    assertBadField(api.post("/api/v1/goal-seeks", request), field, reason);
  }

  private static JsonObject sensitivity() {
    return new JsonObject().put("preset", "medway-2019").put("months", 6)
        .put("metric", "caseload").put("month", 6);
  }

  /** Medway 2019's uncertain parameters, as a reason lists them. */
  private static final String MEDWAY_UNCERTAIN = " [referralLevel, referralGrowth, nfaShare,"
      + " notInNeedShare, annualTurnover, fillProbability, agencyCoverShare,"
      + " establishmentGrowth]";

  static Stream<Arguments> badSensitivities() {
    return Stream.of(
        Arguments.of(sensitivity().put("method", "all"), "method",
            "must be tornado, sobol or both, was 'all'"),
        Arguments.of(sensitivity().put("parameters", new JsonArray()), "parameters",
            "must name at least one uncertain parameter"),
        Arguments.of(sensitivity().put("replications", 0), "replications",
            "must be from 1 to 100,000, was 0"),
        Arguments.of(sensitivity().put("sobolPoints", 8), "sobolPoints",
            "must be from 16 to 100,000, was 8"),
        Arguments.of(sensitivity().put("bootstrap", -1), "bootstrap",
            "must be 0 (no intervals) or from 100 to 10,000, was -1"),
        Arguments.of(sensitivity().put("bootstrap", 20), "bootstrap",
            "must be 0 (no intervals) or from 100 to 10,000, was 20: fewer resamples make"
            + " intervals of the extremes of a handful"),
        Arguments.of(without(sensitivity(), "metric"), "metric", "required"),
        Arguments.of(sensitivity().put("metric", "nope"), "metric",
            "'nope' is not a metric; did you mean"),
        Arguments.of(without(sensitivity(), "month"), "month", "give exactly one of"),
        Arguments.of(sensitivity().put("month", 7), "month", "outside the horizon"),
        Arguments.of(without(sensitivity(), "month").put("snapshot", "2020-01-01"), "snapshot",
            "30 September"),
        Arguments.of(without(sensitivity(), "month").put("snapshot", "soon"), "snapshot",
            "'soon' is not a date YYYY-09-30"),
        // the server's reason whole (the valid names), only the client's name cut
        Arguments.of(sensitivity().put("parameters", new JsonArray().add("nope")),
            "parameters[0]", "'nope' is not an uncertain parameter of this scenario; it has"
            + MEDWAY_UNCERTAIN),
        Arguments.of(sensitivity().put("parameters", new JsonArray().add("n".repeat(90))),
            "parameters[0]", "'" + "n".repeat(60) + "...' is not an uncertain parameter of"
            + " this scenario; it has" + MEDWAY_UNCERTAIN),
        // the CLI's rules, shared: a parameter named twice; a tornado with nothing to swing
        Arguments.of(sensitivity().put("parameters", new JsonArray().add("referralLevel")
            .add("referralLevel")), "parameters[1]", "'referralLevel' is given twice"),
        Arguments.of(sensitivity().put("method", "tornado").put("set", new JsonObject()
            .put("uncertainty", new JsonArray())), "parameters", "nothing to swing: the scenario"
            + " has no uncertain parameters ('uncertainty' in docs/scenario-format.md) and no"
            + " lever is given"),
        Arguments.of(sensitivity().put("levers", new JsonArray().add("foo=0..3")),
            "levers[0]", "unknown lever 'foo'"),
        // A drawn growth of funded posts (z up to 2.66 for 128 Sobol points) past the limit
        Arguments.of(sensitivity().put("months", 120).put("set", new JsonObject()
            .put("teams[0].establishment", 100_000)), "parameters", "the study would draw an"
            + " invalid scenario, establishmentGrowth at z 2.66: parameters.funding"
            + ".establishmentGrowth: the teams' funded posts in month"),
        Arguments.of(sensitivity().put("set", new JsonObject()
            .put("teams[1].establishment", 100_000)).put("levers", new JsonArray()
            .add("campaign=1..2").add("posts:longTerm=0..100000/50000")), "levers[1]",
            "at 100000: interventions[0].fte: the teams' funded posts in month 1 would be"),
        Arguments.of(sensitivity().put("sobolPoints", 100_000).put("replications", 32),
            "sobolPoints", "must be at most 100000 on this server"),
        // Sobol simulates sobolPoints x (d + 2) scenarios, not sobolPoints: medway's 8
        // uncertain parameters make 100,000 points of one replication a million.
        Arguments.of(sensitivity().put("sobolPoints", 100_000).put("replications", 1)
            .put("method", "sobol"), "sobolPoints", "must be at most 100000 on this server,"
            + " were 1000000 (Sobol 100000 points x (8 parameters + 2) x 1 = 1000000)"),
        Arguments.of(sensitivity().put("sobolPoints", 10_000).put("replications", 1),
            "sobolPoints", "were 100017 (Sobol 10000 points x (8 parameters + 2) x 1 = 100000,"
            + " tornado (1 + 2 x (8 parameters + 0 levers)) x 1 = 17)"),
        Arguments.of(sensitivity().put("method", "tornado").put("replications", 5_000)
            .put("levers", new JsonArray().add("posts:longTerm=0..4").add("campaign=1..2")),
            "replications", "were 105000 (tornado (1 + 2 x (8 parameters + 2 levers)) x 5000"
            + " = 105000)"));
  }

  @ParameterizedTest
  @MethodSource("badSensitivities")
  void badSensitivitiesAreRefusedWithTheCliReason(JsonObject request, String field,
      String reason) {
    assertBadField(api.post("/api/v1/sensitivities", request), field, reason);
  }
}
