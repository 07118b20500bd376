package org.caseload.api;

import static org.assertj.core.api.Assertions.assertThat;
import static org.caseload.api.ProblemAssertions.assertProblem;

import io.vertx.core.Vertx;
import io.vertx.core.buffer.Buffer;
import io.vertx.core.json.JsonObject;
import io.vertx.ext.web.client.HttpResponse;
import io.vertx.junit5.VertxExtension;
import java.io.IOException;
import java.net.ServerSocket;
import java.nio.file.Files;
import java.nio.file.Path;
import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Statement;
import java.time.Duration;
import org.caseload.api.store.DatabaseAddress;
import org.caseload.api.store.EmbeddedDatabase;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;

/**
 * PostgreSQL going away and coming back: requests get 503 with Retry-After meanwhile, the
 * server recovers by itself, takes its owner lock again (else another server's start would
 * fail its runs), nothing stored is lost, and a run that finished while the database was
 * away is stored when it returns. Uses a PostgreSQL of its own (embedded) so
 * it can stop it.
 */
@ExtendWith(VertxExtension.class)
class DatabaseLossTest {

  @Test
  void serverAnswers503WhileTheDatabaseIsAwayAndRecovers(Vertx vertx)
      throws IOException, SQLException {
    Path folder = Files.createTempDirectory("caseload-db-loss");
    int port;
    try (ServerSocket socket = new ServerSocket(0)) {
      port = socket.getLocalPort();
    }
    EmbeddedDatabase postgres = EmbeddedDatabase.start(folder, port);
    try (TestServer api = TestServer.start(vertx, TestServer.config(postgres.address().url()))) {
      String scenario = api.post("/api/v1/scenarios",
          new JsonObject().put("scenario", ScenarioApiTest.scenario("survives")))
          .getHeader("Location");
      // a run of a second or two, which finishes while the database is away
      String run = api.submit("/api/v1/runs", new JsonObject()
          .put("preset", "medway-2019-example").put("replications", 3000).put("months", 24));

      postgres.close();
      HttpResponse<Buffer> lost = api.get(scenario);
      assertProblem(lost, 503);
      assertThat(Integer.parseInt(lost.getHeader("Retry-After"))).isPositive();
      assertProblem(api.post("/api/v1/scenarios",
          new JsonObject().put("scenario", ScenarioApiTest.scenario("refused"))), 503);
      assertProblem(api.get(run), 503);
      HttpResponse<Buffer> health = api.get("/health");
      assertThat(health.statusCode()).isEqualTo(503);
      assertThat(health.bodyAsJsonObject().getJsonObject("checks").getString("database"))
          .isEqualTo("down");
      // refused, not timed out: the detail says so (it had said "did not answer within 3 s")
      assertThat(health.bodyAsJsonObject().getString("detail"))
          .startsWith("the database refused the server");
      TestServer.sleep(4_000);

      postgres = EmbeddedDatabase.start(folder, port);
      long deadline = System.nanoTime() + Duration.ofSeconds(30).toNanos();
      while (api.get("/health").statusCode() != 200) {
        assertThat(System.nanoTime()).as("health after the database returned")
            .isLessThan(deadline);
        TestServer.sleep(100);
      }
      while (advisoryLocks(postgres) != 1) {
        assertThat(System.nanoTime()).as("the owner lock taken again").isLessThan(deadline);
        TestServer.sleep(100);
      }
      assertThat(api.get(scenario).bodyAsJsonObject().getString("name")).isEqualTo("survives");
      JsonObject ended = api.awaitEnd(run, Duration.ofSeconds(60));
      assertThat(ended.getString("status")).isEqualTo("succeeded");
      assertThat(api.get(run + "/results").statusCode()).isEqualTo(200);
    } finally {
      postgres.close();
    }
  }

  /** The advisory locks granted in the server's database: its owner lock, once held. */
  private static int advisoryLocks(EmbeddedDatabase postgres) throws SQLException {
    DatabaseAddress address = postgres.address();
    try (Connection sql = DriverManager.getConnection(address.jdbcUrl(), address.user(),
        address.password()); Statement statement = sql.createStatement();
        ResultSet rows = statement.executeQuery("SELECT count(*) FROM pg_locks WHERE"
            + " locktype = 'advisory' AND granted AND database = (SELECT oid FROM pg_database"
            + " WHERE datname = current_database())")) {
      rows.next();
      return rows.getInt(1);
    }
  }
}
