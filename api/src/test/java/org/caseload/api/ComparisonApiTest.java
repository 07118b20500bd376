package org.caseload.api;

import static org.assertj.core.api.Assertions.assertThat;
import static org.caseload.api.ProblemAssertions.assertBadField;
import static org.caseload.api.ProblemAssertions.assertProblem;

import io.vertx.core.json.JsonArray;
import io.vertx.core.json.JsonObject;
import java.time.Duration;
import org.junit.jupiter.api.Test;

/** {@code /comparisons}: paired on common random numbers, equal to {@code caseload compare}. */
class ComparisonApiTest extends ServerPerClass {

  private static final Duration WAIT = Duration.ofSeconds(60);
  private static final String POSTS =
      "{\"type\":\"posts\",\"startMonth\":1,\"endMonth\":null,\"team\":\"children\",\"fte\":3}";

  @Test
  void comparisonEqualsTheCliAndListsUnderItsBaseline() {
    JsonObject baseline = ScenarioApiTest.scenario("compared baseline");
    String id = api.post("/api/v1/scenarios", new JsonObject().put("scenario", baseline))
        .bodyAsJsonObject().getString("id");
    JsonObject request = new JsonObject()
        .put("baseline", new JsonObject().put("scenarioId", id))
        .put("variants", new JsonArray()
            .add(new JsonObject().put("preset", "synthetic-small"))
            .add(new JsonObject().put("interventions", new JsonArray().add(new JsonObject(POSTS)))))
        .put("replications", 150).put("months", 12).put("seed", 9);
    String location = api.submit("/api/v1/comparisons", request);
    assertThat(location).startsWith("/api/v1/comparisons/");
    JsonObject comparison = api.awaitEnd(location, WAIT);
    assertThat(comparison.getString("status")).isEqualTo("succeeded");
    assertThat(comparison.getString("kind")).isEqualTo("comparison");

    java.nio.file.Path file;
    try {
      file = java.nio.file.Files.createTempFile("baseline", ".json");
      java.nio.file.Files.writeString(file, baseline.encode());
    } catch (java.io.IOException e) {
      throw new java.io.UncheckedIOException(e);
    }
    // the CLI takes --variant scenarios first, then --with additions
    String[] cli = {"compare", "--scenario", file.toString(), "--variant", "synthetic-small",
        "--with", POSTS, "--replications", "150", "--months", "12", "--seed", "9", "--quiet",
        "--format"};
    assertThat(api.get(location + "/results").bodyAsString())
        .isEqualTo(Cli.run(append(cli, "json")));
    assertThat(api.get(location + "/results?format=csv").bodyAsString())
        .isEqualTo(Cli.run(append(cli, "csv")));

    JsonObject listed = api.get("/api/v1/scenarios/" + id + "/runs").bodyAsJsonObject();
    assertThat(listed.getJsonArray("items").getJsonObject(0).getString("kind"))
        .isEqualTo("comparison");
    // listed without the request, which GET of the comparison gives
    assertThat(listed.getJsonArray("items").getJsonObject(0).containsKey("request")).isFalse();
    assertThat(comparison.getJsonObject("request")).isNotNull();
    assertProblem(api.get("/api/v1/runs/" + comparison.getString("id")), 404);
  }

  /**
   * A comparison with a stored scenario as a variant is among that scenario's runs (once,
   * even when it is named twice), besides its baseline's; deleting the scenario keeps the
   * comparison and drops it from no other list.
   */
  @Test
  void comparisonListsUnderAStoredVariant() {
    String variant = api.post("/api/v1/scenarios", new JsonObject()
        .put("scenario", ScenarioApiTest.scenario("compared variant"))).bodyAsJsonObject()
        .getString("id");
    String baseline = api.post("/api/v1/scenarios", new JsonObject()
        .put("scenario", ScenarioApiTest.scenario("compared baseline of a variant")))
        .bodyAsJsonObject().getString("id");
    String location = api.submit("/api/v1/comparisons", new JsonObject()
        .put("baseline", new JsonObject().put("scenarioId", baseline))
        .put("variants", new JsonArray()
            .add(new JsonObject().put("scenarioId", variant.toUpperCase(java.util.Locale.ROOT)))
            .add(new JsonObject().put("scenarioId", variant)))
        .put("replications", 4).put("months", 2));
    String id = api.awaitEnd(location, WAIT).getString("id");
    String ofPreset = api.submit("/api/v1/comparisons", new JsonObject()
        .put("baseline", new JsonObject().put("preset", "synthetic-small"))
        .put("variants", new JsonArray().add(new JsonObject().put("scenarioId", variant)))
        .put("replications", 4).put("months", 2));
    String presetId = api.awaitEnd(ofPreset, WAIT).getString("id");

    JsonObject listed = api.get("/api/v1/scenarios/" + variant + "/runs").bodyAsJsonObject();
    assertThat(listed.getLong("total")).isEqualTo(2);
    assertThat(listed.getJsonArray("items").stream()
        .map(item -> ((JsonObject) item).getString("id")).toList())
        .containsExactly(presetId, id);
    JsonObject ofBaseline = api.get("/api/v1/scenarios/" + baseline + "/runs")
        .bodyAsJsonObject();
    assertThat(ofBaseline.getLong("total")).isEqualTo(1);

    assertThat(api.delete("/api/v1/scenarios/" + variant).statusCode()).isEqualTo(204);
    assertProblem(api.get("/api/v1/scenarios/" + variant + "/runs"), 404);
    assertThat(api.get(location).bodyAsJsonObject().getString("scenarioId")).isEqualTo(baseline);
    assertThat(api.get(ofPreset).bodyAsJsonObject().getString("status"))
        .isEqualTo("succeeded");
    assertThat(api.get("/api/v1/scenarios/" + baseline + "/runs").bodyAsJsonObject()
        .getLong("total")).isEqualTo(1);
  }

  @Test
  void comparisonStreamsProgressAndIsCancelled() {
    JsonObject request = new JsonObject()
        .put("baseline", new JsonObject().put("preset", "medway-2019-example"))
        .put("variants", new JsonArray().add(new JsonObject().put("interventions",
            new JsonArray().add(new JsonObject(POSTS).put("team", "assessment")))))
        .put("replications", 100_000).put("months", 120);
    String location = api.submit("/api/v1/comparisons", request);
    api.awaitProgress(location, WAIT);
    assertProblem(api.get(location + "/results"), 409);
    assertThat(api.delete(location).statusCode()).isEqualTo(202);
    assertThat(api.awaitEnd(location, WAIT).getString("status")).isEqualTo("cancelled");
    String events = api.get(location + "/events").bodyAsString();
    assertThat(events).startsWith("event: progress\n").contains("event: end\n")
        .contains("\"status\":\"cancelled\"");
    assertProblem(api.delete(location), 409);
  }

  @Test
  void badComparisonsAreRefusedNamingTheField() {
    JsonObject base = new JsonObject().put("preset", "synthetic-small");
    assertBadField(api.post("/api/v1/comparisons", new JsonObject().put("baseline", base)),
        "variants", "required");
    assertBadField(api.post("/api/v1/comparisons", new JsonObject().put("baseline", base)
        .put("variants", new JsonArray())), "variants", "");
    assertBadField(api.post("/api/v1/comparisons", new JsonObject().put("baseline", base)
        .put("variants", new JsonArray().add(new JsonObject().put("interventions",
            new JsonArray().add(new JsonObject(POSTS).put("team", "nobody")))))),
        "variants[0].interventions[0].team", "");
    assertBadField(api.post("/api/v1/comparisons", new JsonObject().put("baseline", base)
        .put("variants", new JsonArray().add(new JsonObject().put("preset", "medway-2019")))),
        "variants[0]", "base date");
    assertBadField(api.post("/api/v1/comparisons", new JsonObject().put("baseline", base)
        .put("variants", new JsonArray().add(new JsonObject().put("preset", "synthetic-small")
            .put("scenarioId", "00000000-0000-4000-8000-000000000000")))),
        "variants[0]", "exactly one");
    assertBadField(api.post("/api/v1/comparisons", new JsonObject().put("baseline", base)
        .put("variants", new JsonArray().add(new JsonObject().put("interventions",
            new JsonArray().add(new JsonObject(POSTS)))))
        .put("targets", new JsonArray().add("agencyRate <= 20 in every month"))),
        "targets[0]", "agencyRate is a share from 0 to 1: for 20% write 0.2");
  }

  static String[] append(String[] head, String last) {
    String[] all = java.util.Arrays.copyOf(head, head.length + 1);
    all[head.length] = last;
    return all;
  }
}
