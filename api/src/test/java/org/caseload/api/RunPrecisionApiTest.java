package org.caseload.api;

import static org.assertj.core.api.Assertions.assertThat;
import static org.caseload.api.ProblemAssertions.assertBadField;

import io.vertx.core.json.JsonArray;
import io.vertx.core.json.JsonObject;
import java.time.Duration;
import org.junit.jupiter.api.Test;

/**
 * A run's {@code precision}: it stops as {@code caseload run --precision} does, to the byte,
 * and what cannot be read is a 400 naming the field (refused while the request is read, before
 * a run exists).
 */
class RunPrecisionApiTest extends ServerPerClass {

  private static final Duration WAIT = Duration.ofSeconds(120);

  @Test
  void stopsAsTheCommandLineDoes_toTheByte() {
    JsonObject request = new JsonObject().put("preset", "medway-2019").put("months", 6)
        .put("replications", 5000).put("precision", new JsonArray()
            .add(new JsonObject().put("metric", "caseload").put("halfWidth", 0.2)));
    String location = api.submit("/api/v1/runs", request);
    JsonObject run = api.awaitEnd(location, WAIT);
    assertThat(run.getString("status")).isEqualTo("succeeded");
    JsonObject result = new JsonObject(api.get(location + "/results").bodyAsString());
    assertThat(result.getBoolean("stoppedEarly")).isTrue();
    assertThat(result.getLong("requestedReplications")).isEqualTo(5000);
    assertThat(result.getLong("replications")).isBetween(128L, 4999L);
    assertThat(result.getLong("replications") % 64).isZero();
    // its progress is what it made, whole (it had stayed at done / 5,000 once succeeded)
    JsonObject progress = run.getJsonObject("progress");
    assertThat(progress.getLong("done")).isEqualTo(result.getLong("replications"));
    assertThat(progress.getLong("total")).isEqualTo(result.getLong("replications"));
    assertThat(progress.getDouble("fraction")).isEqualTo(1.0);
    assertThat(api.get(location + "/results").bodyAsString()).isEqualTo(Cli.run("run",
        "--preset", "medway-2019", "--months", "6", "--replications", "5000", "--precision",
        "caseload=0.2", "--quiet", "--format", "json"));
  }

  @Test
  void whatCannotBeRead_isRefusedNamingTheField() {
    String run = "{\"preset\":\"medway-2019\",\"replications\":10,\"precision\":";
    assertBadField(api.post("/api/v1/runs", run + "\"caseload=0.1\"}"), "precision", "");
    assertBadField(api.post("/api/v1/runs", run + "[{\"metric\":\"caseloda\","
        + "\"halfWidth\":0.1}]}"), "precision[0].metric", "did you mean 'caseload'?");
    assertBadField(api.post("/api/v1/runs", run + "[{\"metric\":\"caseload\","
        + "\"halfWidth\":0}]}"), "precision[0].halfWidth", "");
    assertBadField(api.post("/api/v1/runs", run + "[{\"metric\":\"caseload\","
        + "\"halfWidth\":-1}]}"), "precision[0].halfWidth", "");
    assertBadField(api.post("/api/v1/runs", run + "[{\"metric\":\"caseload\","
        + "\"halfWidth\":\"0.1\"}]}"), "precision[0].halfWidth", "");
    assertBadField(api.post("/api/v1/runs", run + "[{\"metric\":\"caseload\","
        + "\"halfWidth\":1e400}]}"), "precision[0].halfWidth", "");
    assertBadField(api.post("/api/v1/runs", run + "[{\"metric\":\"caseload\","
        + "\"halfWidth\":NaN}]}"), "body", "'NaN' is not a JSON value");
    // a share's half-width in points (5 for ±5 points) had stopped a run at 128 replications
    assertBadField(api.post("/api/v1/runs", run + "[{\"metric\":\"vacancyRate\","
        + "\"halfWidth\":5}]}"), "precision[0].halfWidth",
        "vacancyRate is a share from 0 to 1, so its half-width must be below 1: for 5 points"
            + " write 0.05");
    assertBadField(api.post("/api/v1/runs", run + "[{\"metric\":\"vacancyRate\","
        + "\"halfWidth\":1}]}"), "precision[0].halfWidth", "for 1 point write 0.01");
    assertBadField(api.post("/api/v1/runs", run + "[{\"metric\":\"caseload\"}]}"),
        "precision[0].halfWidth", "");
    assertBadField(api.post("/api/v1/runs", run + "[{\"metric\":\"caseload\","
        + "\"halfWidth\":0.1},{\"metric\":\"caseload\",\"halfWidth\":0.2}]}"),
        "precision[1].metric", "caseload is given twice");
    assertBadField(api.post("/api/v1/runs", run + "[{\"metric\":\"caseload\","
        + "\"halfWidth\":0.1,\"months\":3}]}"), "precision[0].months", "");
  }
}
