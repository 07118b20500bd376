package org.caseload.api;

import static org.assertj.core.api.Assertions.assertThat;
import static org.caseload.api.ProblemAssertions.assertBadField;
import static org.caseload.api.ProblemAssertions.assertProblem;

import io.vertx.core.buffer.Buffer;
import io.vertx.core.json.JsonArray;
import io.vertx.core.json.JsonObject;
import io.vertx.ext.web.client.HttpResponse;
import java.time.Duration;
import java.nio.charset.StandardCharsets;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;

/**
 * {@code /runs}: results equal the CLI's for the same scenario and seed, runs of stored
 * scenarios, the scenario as run, cancelling, and what is refused before anything is queued.
 */
class RunApiTest extends ServerPerClass {

  private static final Duration WAIT = Duration.ofSeconds(60);
  static final String TARGET = "caseload <= 18 at month 12";

  /** A run that takes minutes: for cancelling and for a busy queue. */
  static JsonObject longRun() {
    return new JsonObject().put("preset", "medway-2019-example").put("replications", 100_000)
        .put("months", 120);
  }

  @Test
  void resultsEqualTheCliForTheSameScenarioAndSeed() {
    JsonObject request = new JsonObject().put("preset", "medway-2019-example")
        .put("replications", 200).put("months", 12).put("seed", 42)
        .put("targets", new JsonArray().add(TARGET));
    String location = api.submit("/api/v1/runs", request);
    JsonObject run = api.awaitEnd(location, WAIT);
    assertThat(run.getString("status")).isEqualTo("succeeded");
    assertThat(run.getLong("seed")).isEqualTo(42);
    assertThat(run.getString("generator")).startsWith("SplitMix64");
    assertThat(run.getString("codeVersion")).startsWith("0.");
    assertThat(run.getJsonObject("progress").getLong("done")).isEqualTo(200);

    String[] cli = {"run", "--preset", "medway-2019-example", "--replications", "200",
        "--months", "12", "--seed", "42", "--target", TARGET, "--quiet", "--format"};
    HttpResponse<Buffer> json = api.get(location + "/results");
    assertThat(json.getHeader("Content-Type")).isEqualTo("application/json");
    assertThat(json.bodyAsString()).isEqualTo(Cli.run(concat(cli, "json")));
    HttpResponse<Buffer> csv = api.get(location + "/results?format=csv");
    assertThat(csv.getHeader("Content-Type")).startsWith("text/csv");
    assertThat(csv.bodyAsString()).isEqualTo(Cli.run(concat(cli, "csv")));
    assertThat(api.client.get(location + "/results").putHeader("Accept", "text/csv").send()
        .await().bodyAsString()).isEqualTo(csv.bodyAsString());

    String again = api.awaitEnd(api.submit("/api/v1/runs", request), WAIT).getString("id");
    assertThat(api.get("/api/v1/runs/" + again + "/results").bodyAsString())
        .isEqualTo(json.bodyAsString());
  }

  @Test
  void runOfAStoredScenarioIsListedAndKeepsTheScenarioAsRun() {
    JsonObject scenario = ScenarioApiTest.scenario("stored for a run");
    HttpResponse<Buffer> created = api.post("/api/v1/scenarios",
        new JsonObject().put("scenario", scenario));
    String id = created.bodyAsJsonObject().getString("id");
    String location = api.submit("/api/v1/runs", new JsonObject().put("scenarioId", id)
        .put("replications", 50).put("months", 6).put("seed", 3));
    JsonObject run = api.awaitEnd(location, WAIT);
    assertThat(run.getString("status")).isEqualTo("succeeded");
    assertThat(run.getString("scenarioId")).isEqualTo(id);
    assertThat(run.getInteger("scenarioVersion")).isEqualTo(1);

    JsonObject asRun = api.get(location + "/scenario").bodyAsJsonObject();
    assertThat(asRun.getString("name")).isEqualTo("stored for a run");
    assertThat(asRun.getInteger("horizonMonths")).isEqualTo(6);

    JsonObject listed = api.get("/api/v1/scenarios/" + id + "/runs").bodyAsJsonObject();
    assertThat(listed.getLong("total")).isEqualTo(1);
    assertThat(listed.getJsonArray("items").getJsonObject(0).getString("id"))
        .isEqualTo(run.getString("id"));

    // the inline form of the same scenario gives the same results
    String inline = api.submit("/api/v1/runs", new JsonObject().put("scenario", scenario)
        .put("replications", 50).put("months", 6).put("seed", 3));
    api.awaitEnd(inline, WAIT);
    assertThat(api.get(inline + "/results").bodyAsString())
        .isEqualTo(api.get(location + "/results").bodyAsString());

    // deleting the scenario keeps its runs and their results
    assertThat(api.delete("/api/v1/scenarios/" + id).statusCode()).isEqualTo(204);
    JsonObject kept = api.get(location).bodyAsJsonObject();
    assertThat(kept.getString("status")).isEqualTo("succeeded");
    assertThat(kept.getValue("scenarioId")).isNull();
    assertThat(api.get(location + "/results").statusCode()).isEqualTo(200);
    assertProblem(api.get("/api/v1/scenarios/" + id + "/runs"), 404);
  }

  /** A page past the end of a scenario's runs is empty and still says how many there are. */
  @Test
  void scenarioRunsPagedPastTheEndKeepTheirTotal() {
    String id = api.post("/api/v1/scenarios", new JsonObject()
        .put("scenario", ScenarioApiTest.scenario("paged runs"))).bodyAsJsonObject()
        .getString("id");
    for (int i = 0; i < 4; i++) {
      api.awaitEnd(api.submit("/api/v1/runs", new JsonObject().put("scenarioId", id)
          .put("replications", 2).put("months", 2).put("seed", i)), WAIT);
    }
    String runs = "/api/v1/scenarios/" + id + "/runs?limit=2&offset=";
    JsonObject middle = api.get(runs + 2).bodyAsJsonObject();
    assertThat(middle.getJsonArray("items").size()).isEqualTo(2);
    assertThat(middle.getLong("total")).isEqualTo(4);
    for (int offset : new int[] {4, 5, 1000}) {
      JsonObject beyond = api.get(runs + offset).bodyAsJsonObject();
      assertThat(beyond.getJsonArray("items").size()).as("offset " + offset).isZero();
      assertThat(beyond.getLong("total")).as("offset " + offset).isEqualTo(4);
    }
  }

  @Test
  void runningRunIsCancelledAndHasNoResults() {
    String location = api.submit("/api/v1/runs", longRun());
    api.awaitProgress(location, WAIT);
    assertThat(assertProblem(api.get(location + "/results"), 409)).containsExactly("status");

    HttpResponse<Buffer> cancel = api.delete(location);
    assertThat(cancel.statusCode()).isEqualTo(202);
    JsonObject run = api.awaitEnd(location, WAIT);
    assertThat(run.getString("status")).isEqualTo("cancelled");
    assertThat(run.getJsonObject("progress").getLong("done")).isBetween(1L, 99_999L);
    assertThat(run.getString("finishedAt")).isNotNull();

    assertProblem(api.delete(location), 409);
    assertProblem(api.get(location + "/results"), 409);
  }

  /**
   * A cancel asked when every replication is done and the results are being made and stored:
   * answered 202 only if the run then ends cancelled, else 409 and the run succeeds (it had been
   * answered 202 and the run had still succeeded, an outside trial, 4 times in 4).
   */
  @Test
  void aCancelAnswered202_alwaysEndsTheRunCancelled() {
    for (int attempt = 0; attempt < 3; attempt++) {
      String location = api.submit("/api/v1/runs", new JsonObject()
          .put("preset", "medway-2019-example").put("replications", 1_000).put("months", 120));
      JsonObject progress;
      do {
        progress = api.get(location).bodyAsJsonObject();
      } while (!progress.getString("status").equals("succeeded")
          && progress.getJsonObject("progress").getLong("done") < 1_000);
      HttpResponse<Buffer> cancel = api.delete(location);
      JsonObject run = api.awaitEnd(location, WAIT);
      if (cancel.statusCode() == 202) {
        assertThat(run.getString("status")).as("attempt " + attempt).isEqualTo("cancelled");
        assertProblem(api.get(location + "/results"), 409);
      } else {
        assertThat(cancel.statusCode()).isEqualTo(409);
        assertThat(run.getString("status")).isEqualTo("succeeded");
        assertThat(run.getBoolean("cancelRequested")).isFalse();
        assertThat(api.get(location + "/results").statusCode()).isEqualTo(200);
      }
    }
  }

  /**
   * A whole number written with an exponent or a fraction (1e2, 3.0) is that number, as the
   * contract's JSON Schema "integer" and the scenario format read it, as written; a fraction
   * is refused, however close to a whole number.
   */
  @Test
  void wholeNumbersWrittenWithAnExponentOrAFractionAreRead() {
    HttpResponse<Buffer> response = api.post("/api/v1/runs",
        "{\"preset\":\"synthetic-small\",\"replications\":1e2,\"months\":3.0,\"seed\":7.0}");
    assertThat(response.statusCode()).as(response.bodyAsString()).isEqualTo(202);
    JsonObject run = api.awaitEnd(response.getHeader("Location"), WAIT);
    assertThat(run.getString("status")).isEqualTo("succeeded");
    assertThat(run.getLong("replications")).isEqualTo(100);
    assertThat(run.getInteger("months")).isEqualTo(3);
    assertThat(run.getLong("seed")).isEqualTo(7);

    // the number written, not its double: beyond 2^53 a double no longer holds every whole
    // number (9007199254740993.0 had run as seed ...992), and a fraction of twenty digits is
    // not 1 (it had run one replication); found by an outside API trial
    HttpResponse<Buffer> big = api.post("/api/v1/runs", "{\"preset\":\"synthetic-small\","
        + "\"replications\":1,\"months\":1,\"seed\":9007199254740993.0}");
    assertThat(big.statusCode()).as(big.bodyAsString()).isEqualTo(202);
    JsonObject bigRun = api.awaitEnd(big.getHeader("Location"), WAIT);
    assertThat(bigRun.getLong("seed")).isEqualTo(9007199254740993L);
    // and the request echoed is one that runs the same: its seed the whole number, not the
    // double 9.007199254740992E15 (an outside trial sent an echo again and got other numbers)
    JsonObject echoed = bigRun.getJsonObject("request");
    assertThat(echoed.getValue("seed")).isEqualTo(9007199254740993L);
    assertThat(echoed.getValue("months")).isEqualTo(1);
    assertThat(api.awaitEnd(api.submit("/api/v1/runs", echoed), WAIT).getLong("seed"))
        .isEqualTo(9007199254740993L);
    HttpResponse<Buffer> written = api.post("/api/v1/runs", "{\"preset\":\"synthetic-small\","
        + "\"replications\":1e0,\"months\":1.0,\"seed\":12345678901234567890e-1}");
    assertThat(written.statusCode()).as(written.bodyAsString()).isEqualTo(202);
    assertThat(api.get(written.getHeader("Location")).bodyAsString())
        .contains("\"request\":{\"preset\":\"synthetic-small\",\"replications\":1,\"months\":1,"
            + "\"seed\":1234567890123456789}");
    assertBadField(api.post("/api/v1/runs", "{\"preset\":\"synthetic-small\","
        + "\"replications\":0.99999999999999999999}"), "replications",
        "must be a whole number, was 0.99999999999999999999");
    assertBadField(api.post("/api/v1/runs", "{\"preset\":\"synthetic-small\","
        + "\"seed\":1e-400}"), "seed", "must be a whole number, was 1E-400");
    assertBadField(api.post("/api/v1/runs", "{\"preset\":\"synthetic-small\","
        + "\"seed\":9223372036854775808.0}"), "seed", "must be between -9223372036854775808"
        + " and 9223372036854775807, was 9223372036854775808");
    assertBadField(api.post("/api/v1/runs",
        "{\"preset\":\"synthetic-small\",\"replications\":1e300}"), "replications",
        "must be between 1 and 100000, was 1E+300");
    // a number whose double is 0 is quoted as written, not as 0.0, a value not sent (an
    // outside trial): the contract's bound, and goal-seek's probability
    assertBadField(api.post("/api/v1/runs", "{\"preset\":\"synthetic-small\","
        + "\"replications\":1e-400}"), "replications", "must be at least 1, was 1E-400");
    assertBadField(api.post("/api/v1/runs", "{\"preset\":\"synthetic-small\","
        + "\"months\":-1e-400}"), "months", "must be at least 1, was -1E-400");
    assertBadField(api.post("/api/v1/goal-seeks", "{\"preset\":\"synthetic-small\","
        + "\"targets\":[\"caseload <= 18 at month 12\"],\"levers\":[\"campaign=1..2\"],"
        + "\"probability\":1e-400}"), "probability",
        "is too close to 0 to compute with (a double reads it as 0), was 1E-400");
    assertBadField(api.post("/api/v1/goal-seeks", "{\"preset\":\"synthetic-small\","
        + "\"targets\":[\"caseload <= 18 at month 12\"],\"levers\":[\"campaign=1..2\"],"
        + "\"probability\":0.99999999999999999999}"), "probability",
        "is too close to 1 to compute with (a double reads it as 1), was 0.99999999999999999999");
    assertBadField(api.post("/api/v1/goal-seeks", "{\"preset\":\"synthetic-small\","
        + "\"targets\":[\"caseload <= 18 at month 12\"],\"levers\":[\"campaign=1..2\"],"
        + "\"probability\":-1e-400}"), "probability",
        "must be strictly between 0 and 1, was -1E-400");
  }

  /**
   * Malformed bodies are told what and where (line and column), in words of JSON, never the
   * reader's settings: a '+' sign, a comment, NaN and Infinity, data after the value, bytes
   * that are not UTF-8.
   */
  @Test
  void malformedBodiesSayWhatAndWhereWithoutTheReadersSettings() {
    Map<String, String> reasons = new LinkedHashMap<>();
    reasons.put("{\"preset\":\"x\",\"replications\":+1}",
        "is not valid JSON: unexpected character '+' in numeric value: JSON numbers have no '+'"
        + " sign (at column 30)");
    reasons.put("{\"preset\":\"x\" /* c */}",
        "is not valid JSON: comments are not allowed in JSON (at column 15)");
    reasons.put("{\"preset\":\"x\",\"replications\":NaN}",
        "is not valid JSON: 'NaN' is not a JSON value (at column 33)");
    reasons.put("{\"preset\":\"x\",\"replications\":-Infinity}",
        "is not valid JSON: '-Infinity' is not a JSON value (at column 39)");
    reasons.put("{\"preset\":\"x\"}{}",
        "has more after the JSON value that ends at column 15; send one JSON object");
    reasons.put("{\"preset\":\"x\"}\n#",
        "has more after the JSON value that ends at column 15; send one JSON object");
    for (Map.Entry<String, String> body : reasons.entrySet()) {
      assertThat(reason(api.post("/api/v1/runs", body.getKey()))).as(body.getKey())
          .isEqualTo(body.getValue());
    }
    byte[] notUtf8 = "{\"preset\":\"\u00e9\n\u0001\"}".getBytes(StandardCharsets.UTF_8);
    notUtf8[notUtf8.length - 3] = (byte) 0xff;
    assertThat(reason(api.client.post("/api/v1/runs").putHeader("Content-Type",
            "application/json").sendBuffer(Buffer.buffer(notUtf8)).await()))
        .isEqualTo("is not valid UTF-8: byte 0xff at line 2, column 1 is not a character's");
    for (String body : new String[] {"NaN", "-Infinity", "{\"preset\":\"x\"} {\"a\":1}"}) {
      assertThat(reason(api.post("/api/v1/runs", body))).as(body)
          .doesNotContain("Feature", "ALLOW_", "`").isNotEqualTo("is not valid JSON");
    }
  }

  /**
   * Path parameters are strings as sent, even when they look like JSON: a preset name such as
   * -1 or [] is a preset there is not (404), an id such as -1 is not a UUID, and a control
   * character is said to be one.
   */
  @Test
  void pathParametersThatLookLikeJsonAreReadAsTheTextSent() {
    for (String name : new String[] {"-1", "1.5", "%5B%5D", "%7B%7D", "1e3", "%22x%22x"}) {
      assertThat(assertProblem(api.get("/api/v1/presets/" + name), 404)).as(name)
          .containsExactly("name");
      assertThat(api.get("/api/v1/presets/" + name).bodyAsJsonObject().getJsonArray("errors")
          .getJsonObject(0).getString("reason")).as(name).startsWith("no preset \"");
    }
    assertBadField(api.get("/api/v1/presets/" + "x".repeat(101)), "name",
        "must have at most 100 characters");
    assertBadField(api.get("/api/v1/presets/a%00b"), "name", "must not contain control characters");
    for (String kind : new String[] {"runs/:runId", "comparisons/:comparisonId",
        "goal-seeks/:goalSeekId", "sensitivities/:sensitivityId", "sweeps/:sweepId",
        "scenarios/:scenarioId"}) {
      String[] parts = kind.split("/:");
      for (String id : new String[] {"-1", "1.5", "%5B%5D", "%7B%7D", "worcs"}) {
        HttpResponse<Buffer> response = api.get("/api/v1/" + parts[0] + "/" + id);
        assertBadField(response, parts[1], "must be a UUID");
        assertThat(response.bodyAsString()).as(kind + " " + id).doesNotContain("string");
      }
      assertBadField(api.get("/api/v1/" + parts[0] + "/%00"), parts[1], "must not contain control characters");
    }
  }

  /** A missing resource's 404 names its id as the contract does, as a malformed id's 400. */
  @Test
  void missingResourcesAreNamedByTheContractsIdParameter() {
    String none = "00000000-0000-4000-8000-000000000000";
    for (String kind : new String[] {"runs/runId", "comparisons/comparisonId",
        "goal-seeks/goalSeekId", "sensitivities/sensitivityId", "sweeps/sweepId",
        "scenarios/scenarioId"}) {
      String[] parts = kind.split("/");
      assertThat(assertProblem(api.get("/api/v1/" + parts[0] + "/" + none), 404)).as(kind)
          .containsExactly(parts[1]);
      assertThat(assertProblem(api.delete("/api/v1/" + parts[0] + "/" + none), 404)).as(kind)
          .containsExactly(parts[1]);
    }
  }

  /** The reason of a 400 naming the body alone. */
  private static String reason(HttpResponse<Buffer> response) {
    assertThat(assertProblem(response, 400)).containsExactly("body");
    return response.bodyAsJsonObject().getJsonArray("errors").getJsonObject(0)
        .getString("reason");
  }

  @Test
  void badRunRequestsAreRefusedNamingTheField() {
    assertBadField(api.post("/api/v1/runs", "{\"preset\":\"medway-2019\",\"replications\":0}"),
        "replications", "must be at least 1, was 0");
    assertBadField(api.post("/api/v1/runs",
        "{\"preset\":\"medway-2019\",\"replications\":\"many\"}"), "replications",
        "must be a whole number, was the string \"many\"");
    assertBadField(api.post("/api/v1/runs", "{\"preset\":\"medway-2019\",\"months\":2.5}"),
        "months", "must be a whole number, was the number 2.5");
    // a number beyond a double is said to be one, not "the number Infinity"
    assertBadField(api.post("/api/v1/runs",
        "{\"preset\":\"medway-2019\",\"replications\":1e1000}"), "replications",
        "a number too large for a double (above 1.8e308)");
    assertBadField(api.post("/api/v1/runs", "{\"preset\":\"medway-2019\",\"months\":[3]}"),
        "months", "must be a whole number, was an array");
    assertBadField(api.post("/api/v1/runs", "{\"preset\":true}"), "preset",
        "must be a string, was true");
    assertBadField(api.post("/api/v1/runs", "{\"preset\":\"medway-2019\",\"replications\":\""
        + "x".repeat(5_000) + "\"}"), "replications",
        "must be a whole number, was the string \"" + "x".repeat(60) + "...\"");
    assertBadField(api.post("/api/v1/runs", "{\"scenarioId\":\"worcs\"}"), "scenarioId",
        "must be a UUID");
    assertBadField(api.get("/api/v1/runs/worcs"), "runId", "must be a UUID");
    assertBadField(api.get("/api/v1/runs/00000000-0000-4000-8000-000000000000/results?wait=x"),
        "wait", "must be a whole number, was the string \"x\"");
    assertBadField(api.post("/api/v1/runs",
        "{\"preset\":\"medway-2019\",\"replications\":100001}"), "replications", "100000");
    assertBadField(api.post("/api/v1/runs", "{\"preset\":\"medway-2019\",\"months\":121}"),
        "months", "120");
    assertBadField(api.post("/api/v1/runs", "{\"preset\":\"medway-2019\",\"seed\":1.5}"),
        "seed", "");
    assertBadField(api.post("/api/v1/runs",
        "{\"preset\":\"medway-2019\",\"targets\":[\"caseload <= 18 at month 99\"]}"),
        "targets[0]", "beyond the horizon");
    assertBadField(api.post("/api/v1/runs",
        "{\"preset\":\"medway-2019\",\"targets\":[\"happiness >= 3 at month 1\"]}"),
        "targets[0]", "");
    assertBadField(api.post("/api/v1/runs", "{\"preset\":\"medway-2019\",\"targets\":"
        + "[\"caseload <= 18 at month 12\",\"vacancyRate <= 15 at month 12\"]}"), "targets[1]",
        "target \"vacancyRate <= 15 at month 12\": vacancyRate is a share from 0 to 1: for 15%"
        + " write 0.15");
    assertBadField(api.post("/api/v1/runs", "{\"preset\":\"medway-2019\",\"set\":"
        + "{\"uncertainty\":[{\"parameter\":\"fillProbability\",\"sd\":0.9}]}}"),
        "set.uncertainty[0].sd", "must be from 0 to 0.5 for fillProbability (");
    assertBadField(api.post("/api/v1/runs", "{\"replications\":10}"), "scenario",
        "exactly one");
    assertBadField(api.post("/api/v1/runs",
        "{\"preset\":\"medway-2019\",\"scenarioId\":\"00000000-0000-4000-8000-000000000000\"}"),
        "scenario", "exactly one");
    assertThat(assertProblem(api.post("/api/v1/runs",
        "{\"scenarioId\":\"00000000-0000-4000-8000-000000000000\"}"), 404))
        .containsExactly("scenarioId");
    assertThat(assertProblem(api.post("/api/v1/runs", "{\"preset\":\"medway\"}"), 404))
        .containsExactly("preset");
    assertBadField(api.post("/api/v1/runs",
        "{\"scenario\":" + ScenarioApiTest.scenario("x").put("horizonMonths", 0) + "}"),
        "scenario.horizonMonths", "");
    assertProblem(api.get("/api/v1/runs/00000000-0000-4000-8000-000000000000"), 404);
    assertProblem(api.get("/api/v1/comparisons/00000000-0000-4000-8000-000000000000"), 404);
  }

  /**
   * The id of an active run asked for as another kind, with {@code ?wait}: 404 at once, not
   * once the run has ended.
   */
  @Test
  void anActiveRunsIdAsAnotherKindIs404AtOnceWhateverTheWait() {
    String location = api.submit("/api/v1/runs", new JsonObject().put("preset", "medway-2019")
        .put("replications", 100_000).put("months", 120));
    String id = location.substring(location.lastIndexOf('/') + 1);
    try {
      for (String other : List.of("/api/v1/comparisons/", "/api/v1/goal-seeks/",
          "/api/v1/sensitivities/", "/api/v1/sweeps/")) {
        for (String path : List.of(other + id + "?wait=8", other + id + "/results?wait=8")) {
          long start = System.nanoTime();
          assertThat(assertProblem(api.get(path), 404)).as(path).hasSize(1);
          assertThat((System.nanoTime() - start) / 1e9).as(path).isLessThan(4);
        }
      }
      assertThat(api.get(location).bodyAsJsonObject().getString("status"))
          .as("the run has not ended").isIn("queued", "running");
    } finally {
      api.delete(location);
      api.awaitEnd(location, java.time.Duration.ofSeconds(60));
    }
  }

  private static String[] concat(String[] head, String last) {
    List<String> all = new java.util.ArrayList<>(List.of(head));
    all.add(last);
    return all.toArray(String[]::new);
  }
}
