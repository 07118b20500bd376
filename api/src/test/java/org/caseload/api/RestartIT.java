package org.caseload.api;

import static org.assertj.core.api.Assertions.assertThat;

import io.vertx.core.json.JsonObject;
import java.net.http.HttpResponse;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import org.caseload.api.runs.RunService;
import org.junit.jupiter.api.Test;

/**
 * Crashes and restarts of the runnable jar: after kill -9 (and after a plain stop) the runs
 * that were in flight are reported failed, nothing stays running, and stored scenarios and
 * finished results are intact; with the embedded PostgreSQL, data survives a kill -9 too. A
 * second process started on the same database leaves the first one's run alone.
 */
class RestartIT {

  private static final Duration WAIT = Duration.ofSeconds(120);

  @Test
  void runsInFlightAreFailedAfterKillAndStopAndNothingStoredIsLost() throws Exception {
    String url = TestDatabase.fresh();
    ServerProcess first = ServerProcess.start("--db-url", url);
    String scenario = created(first.post("/api/v1/scenarios",
        new JsonObject().put("scenario", ScenarioApiTest.scenario("kept")).encode()));
    String finished = submitted(first.post("/api/v1/runs", new JsonObject()
        .put("scenarioId", scenario.substring(scenario.lastIndexOf('/') + 1))
        .put("replications", 64).put("months", 6).encode()));
    assertThat(awaitEnd(first, finished).getString("status")).isEqualTo("succeeded");
    String results = first.get(finished + "/results").body();
    String killed = submitted(first.post("/api/v1/runs", RunApiTest.longRun().encode()));
    awaitRunning(first, killed);
    first.kill();

    ServerProcess second = ServerProcess.start("--db-url", url);
    JsonObject afterKill = new JsonObject(second.get(killed).body());
    assertThat(afterKill.getString("status")).isEqualTo("failed");
    assertThat(afterKill.getString("error")).isEqualTo(RunService.INTERRUPTED);
    assertThat(afterKill.getString("finishedAt")).isNotNull();
    assertThat(new JsonObject(second.get(scenario).body()).getString("name")).isEqualTo("kept");
    assertThat(second.get(finished + "/results").body()).isEqualTo(results);

    String stopped = submitted(second.post("/api/v1/runs", RunApiTest.longRun().encode()));
    awaitRunning(second, stopped);
    second.stop();
    assertThat(second.log()).doesNotContain("Exception");

    ServerProcess third = ServerProcess.start("--db-url", url);
    try {
      JsonObject afterStop = new JsonObject(third.get(stopped).body());
      assertThat(afterStop.getString("status")).isEqualTo("failed");
      assertThat(afterStop.getString("error")).isEqualTo(RunService.INTERRUPTED);
      assertThat(afterStop.getJsonObject("progress").getLong("done")).isPositive();
    } finally {
      third.stop();
      TestDatabase.drop(url);
    }
  }

  @Test
  void aSecondProcessLeavesTheFirstsRunAloneUntilTheFirstIsKilled() throws Exception {
    String url = TestDatabase.fresh();
    ServerProcess first = ServerProcess.start("--db-url", url);
    ServerProcess second = null;
    ServerProcess third = null;
    try {
      String run = submitted(first.post("/api/v1/runs", RunApiTest.longRun().encode()));
      awaitRunning(first, run);
      second = ServerProcess.start("--db-url", url);
      JsonObject seenBySecond = new JsonObject(second.get(run).body());
      assertThat(seenBySecond.getString("status")).as(second.log()).isEqualTo("running");
      assertThat(seenBySecond.getString("error")).isNull();
      JsonObject seenByFirst = new JsonObject(first.get(run).body());
      assertThat(seenByFirst.getString("status")).isEqualTo("running");
      assertThat(seenByFirst.getString("error")).isNull();
      assertThat(second.log()).doesNotContain("left unfinished");

      first.kill();
      third = ServerProcess.start("--db-url", url);
      JsonObject afterKill = new JsonObject(third.get(run).body());
      assertThat(afterKill.getString("status")).isEqualTo("failed");
      assertThat(afterKill.getString("error")).isEqualTo(RunService.INTERRUPTED);
      assertThat(third.log()).contains("1 runs were left unfinished");
    } finally {
      first.kill();
      if (second != null) {
        second.stop();
      }
      if (third != null) {
        third.stop();
      }
      TestDatabase.drop(url);
    }
  }

  @Test
  void embeddedDatabaseKeepsDataAcrossAKill() throws Exception {
    Path folder = Files.createTempDirectory("caseload-embedded");
    ServerProcess first = ServerProcess.start("--embedded-data", folder.toString());
    String scenario = created(first.post("/api/v1/scenarios",
        new JsonObject().put("scenario", ScenarioApiTest.scenario("embedded")).encode()));
    first.kill();

    // the killed server's PostgreSQL is still running on the folder; the new one stops it
    ServerProcess second = ServerProcess.start("--embedded-data", folder.toString());
    HttpResponse<String> kept = second.get(scenario);
    assertThat(kept.statusCode()).as(second.log()).isEqualTo(200);
    assertThat(new JsonObject(kept.body()).getString("name")).isEqualTo("embedded");

    // a plain stop stores the run in flight as failed before its PostgreSQL stops
    String stopped = submitted(second.post("/api/v1/runs", RunApiTest.longRun().encode()));
    awaitRunning(second, stopped);
    second.stop();
    assertThat(second.log()).doesNotContain("ERROR").doesNotContain("Exception");
    ServerProcess third = ServerProcess.start("--embedded-data", folder.toString());
    try {
      JsonObject afterStop = new JsonObject(third.get(stopped).body());
      assertThat(afterStop.getString("status")).isEqualTo("failed");
      assertThat(afterStop.getJsonObject("progress").getLong("done")).isPositive();
      assertThat(third.log()).doesNotContain("left unfinished");
    } finally {
      third.stop();
    }
  }

  private static String created(HttpResponse<String> response) {
    assertThat(response.statusCode()).as(response.body()).isEqualTo(201);
    return response.headers().firstValue("Location").orElseThrow();
  }

  private static String submitted(HttpResponse<String> response) {
    assertThat(response.statusCode()).as(response.body()).isEqualTo(202);
    return response.headers().firstValue("Location").orElseThrow();
  }

  private static JsonObject awaitEnd(ServerProcess server, String location) throws Exception {
    long deadline = System.nanoTime() + WAIT.toNanos();
    while (true) {
      JsonObject run = new JsonObject(server.get(location).body());
      if (!run.getString("status").equals("queued") && !run.getString("status").equals("running")) {
        return run;
      }
      assertThat(System.nanoTime()).as("run end").isLessThan(deadline);
      Thread.sleep(50);
    }
  }

  private static void awaitRunning(ServerProcess server, String location) throws Exception {
    long deadline = System.nanoTime() + WAIT.toNanos();
    while (true) {
      JsonObject run = new JsonObject(server.get(location).body());
      if (run.getString("status").equals("running")
          && run.getJsonObject("progress").getLong("done") > 0) {
        return;
      }
      assertThat(System.nanoTime()).as("run progress").isLessThan(deadline);
      Thread.sleep(50);
    }
  }
}
