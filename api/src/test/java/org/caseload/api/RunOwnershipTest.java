package org.caseload.api;

import static org.assertj.core.api.Assertions.assertThat;
import static org.caseload.api.ProblemAssertions.assertProblem;

import io.vertx.core.Vertx;
import io.vertx.core.json.JsonObject;
import io.vertx.junit5.VertxExtension;
import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.PreparedStatement;
import java.sql.SQLException;
import java.time.Duration;
import java.util.UUID;
import org.caseload.api.runs.RunService;
import org.caseload.api.store.DatabaseAddress;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;

/**
 * Several servers on one database: a run's end is stored only from queued or running, so a
 * recovery and a finishing run cannot overwrite each other, a server reports a run as
 * stored once it has ended, and a success carries no error.
 */
@ExtendWith(VertxExtension.class)
class RunOwnershipTest {

  private static final Duration WAIT = Duration.ofSeconds(60);

  @Test
  void aRunEndedByARecoveryStaysEndedAndItsServerReportsItSo(Vertx vertx) throws SQLException {
    try (TestServer api = TestServer.start(vertx)) {
      String run = api.submit("/api/v1/runs", RunApiTest.longRun());
      api.awaitProgress(run, WAIT);
      // as another server's start would
      try (Connection sql = connect(DatabaseAddress.parse(api.databaseUrl));
          PreparedStatement fail = sql.prepareStatement("UPDATE runs SET status = 'failed',"
              + " error = ?, finished_at = now() WHERE id = ? AND status = 'running'")) {
        fail.setString(1, RunService.INTERRUPTED);
        fail.setObject(2, id(run));
        assertThat(fail.executeUpdate()).isEqualTo(1);
      }

      JsonObject reported = api.get(run).bodyAsJsonObject();
      assertThat(reported.getString("status")).as(reported.encode()).isEqualTo("failed");
      assertThat(reported.getString("error")).isEqualTo(RunService.INTERRUPTED);
      assertProblem(api.delete(run), 409);
      // the live run stops, and its own end (cancelled) does not overwrite the stored one
      long deadline = System.nanoTime() + WAIT.toNanos();
      while (!api.get("/metrics").bodyAsString().contains("caseload_runs_running 0.0")) {
        assertThat(System.nanoTime()).as("the live run's end").isLessThan(deadline);
        TestServer.sleep(50);
      }
      JsonObject after = api.get(run).bodyAsJsonObject();
      assertThat(after.getString("status")).isEqualTo("failed");
      assertThat(after.getString("error")).isEqualTo(RunService.INTERRUPTED);
    }
  }

  @Test
  void aSucceededRunCarriesNoError(Vertx vertx) throws SQLException {
    try (TestServer api = TestServer.start(vertx)) {
      String run = api.submit("/api/v1/runs", new JsonObject()
          .put("preset", "medway-2019-example").put("replications", 6_000).put("months", 24));
      api.awaitProgress(run, WAIT);
      // an error left on the row while it runs (as the defect's recovery left one)
      try (Connection sql = connect(DatabaseAddress.parse(api.databaseUrl));
          PreparedStatement stale = sql.prepareStatement(
              "UPDATE runs SET error = 'stale' WHERE id = ? AND status = 'running'")) {
        stale.setObject(1, id(run));
        assertThat(stale.executeUpdate()).as("the run still running").isEqualTo(1);
      }
      JsonObject ended = api.awaitEnd(run, WAIT);
      assertThat(ended.getString("status")).isEqualTo("succeeded");
      assertThat(ended.getString("error")).isNull();
    }
  }

  private static UUID id(String location) {
    return UUID.fromString(location.substring(location.lastIndexOf('/') + 1));
  }

  private static Connection connect(DatabaseAddress address) throws SQLException {
    return DriverManager.getConnection(address.jdbcUrl(), address.user(), address.password());
  }
}
