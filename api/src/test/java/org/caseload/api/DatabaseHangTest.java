package org.caseload.api;

import static org.assertj.core.api.Assertions.assertThat;
import static org.caseload.api.ProblemAssertions.assertProblem;

import io.vertx.core.Vertx;
import io.vertx.core.buffer.Buffer;
import io.vertx.core.json.JsonObject;
import io.vertx.ext.web.client.HttpResponse;
import io.vertx.junit5.VertxExtension;
import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.ResultSet;
import java.sql.Statement;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import org.caseload.api.store.Database;
import org.caseload.api.store.DatabaseAddress;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.Timeout;
import org.junit.jupiter.api.extension.ExtendWith;

/**
 * A database that hangs rather than refuses (an integrator's trial stopped PostgreSQL with
 * SIGSTOP: requests went unanswered for 90 s, and a run submitted meanwhile was stored when
 * it resumed, one its client never heard of): requests are answered 503 with Retry-After
 * within the deadline, and what they gave up on is not stored once the database answers
 * again: no run or scenario created, replaced or deleted. The server reaches a real
 * PostgreSQL through a relay that stops passing bytes.
 */
@ExtendWith(VertxExtension.class)
class DatabaseHangTest {

  @Test
  @Timeout(180) // without a deadline the requests would wait for good: fail, not hang
  void aDatabaseThatHangs_isA503WithinTheDeadline_andNothingGivenUpOnIsStored(Vertx vertx)
      throws Exception {
    DatabaseAddress real = DatabaseAddress.parse(TestDatabase.fresh());
    try (PausableProxy proxy = new PausableProxy(real.host(), real.port());
        TestServer api = TestServer.start(vertx, TestServer.config(new DatabaseAddress(
            "127.0.0.1", proxy.port(), real.database(), real.user(), real.password()).url()))) {
      String kept = api.post("/api/v1/scenarios", new JsonObject().put("scenario",
          ScenarioApiTest.scenario("kept"))).getHeader("Location");
      // connections open in the pool, as a server's are after a while: requests then wait on
      // a query the database does not answer, not on a connection it does not open
      ExecutorService clients = Executors.newFixedThreadPool(16);
      try {
        List<Future<Integer>> warm = new ArrayList<>();
        for (int i = 0; i < 32; i++) {
          warm.add(clients.submit(() -> api.get(kept).statusCode()));
        }
        for (Future<Integer> status : warm) {
          assertThat(status.get()).isEqualTo(200);
        }
      } finally {
        clients.shutdown();
      }

      proxy.pause();
      try {
        gaveUp(api, kept);
      } finally {
        proxy.resume();
      }
      // the database answers again: the server with it, and what was given up on is gone
      long until = System.nanoTime() + 30_000_000_000L;
      while (api.get(kept).statusCode() != 200 && System.nanoTime() < until) {
        Thread.sleep(200);
      }
      assertThat(api.get(kept).statusCode()).isEqualTo(200);
      // the held writes complete as the database answers, and are undone then
      try (Connection sql = DriverManager.getConnection(real.jdbcUrl(), real.user(),
          real.password()); Statement statement = sql.createStatement()) {
        // the held writes have landed (committed or rolled back) when no session of the
        // server's is in a statement or a transaction: before, the counts could pass early
        for (long end = System.nanoTime() + 20_000_000_000L; System.nanoTime() < end
            && count(statement, "SELECT count(*) FROM pg_stat_activity WHERE datname ="
                + " current_database() AND pid <> pg_backend_pid() AND state IN ('active',"
                + " 'idle in transaction', 'idle in transaction (aborted)')") > 0; ) {
          Thread.sleep(200);
        }
        long runs = -1;
        long scenarios = -1;
        for (long end = System.nanoTime() + 20_000_000_000L; System.nanoTime() < end; ) {
          runs = count(statement, "SELECT count(*) FROM runs");
          scenarios = count(statement, "SELECT count(*) FROM scenarios");
          if (runs == 0 && scenarios == 1) {
            break;
          }
          Thread.sleep(200);
        }
        assertThat(runs).as("runs").isZero();
        assertThat(scenarios).as("scenarios").isEqualTo(1);
      }
      JsonObject stored = api.get(kept).bodyAsJsonObject();
      assertThat(stored.getInteger("version")).as("not replaced").isEqualTo(1);
      assertThat(stored.getString("name")).isEqualTo("kept");
    }
  }

  /** While the database hangs: each request a 503 at the deadline. */
  private static void gaveUp(TestServer api, String kept) {
    long deadline = Database.REQUEST_DEADLINE.toMillis();
    long start = System.nanoTime();
    HttpResponse<Buffer> run = api.post("/api/v1/runs", new JsonObject()
        .put("preset", "synthetic-small").put("replications", 10).put("months", 2));
    long millis = (System.nanoTime() - start) / 1_000_000;
    assertProblem(run, 503);
    assertThat(Integer.parseInt(run.getHeader("Retry-After"))).isPositive();
    // at the deadline or sooner (a connection the pool waits 5 s for), not after 90 s
    assertThat(millis).as("answered by the deadline").isLessThan(deadline + 5_000);
    assertProblem(api.post("/api/v1/scenarios", new JsonObject().put("scenario",
        ScenarioApiTest.scenario("given up on"))), 503);
    assertProblem(api.get(kept), 503);
    // a replacement and a deletion given up on: neither made when the database answers
    assertProblem(api.put(kept, new JsonObject().put("version", 1).put("scenario",
        ScenarioApiTest.scenario("replaced, given up on"))), 503);
    assertProblem(api.delete(kept), 503);
  }

  private static long count(Statement statement, String query) throws Exception {
    try (ResultSet rows = statement.executeQuery(query)) {
      rows.next();
      return rows.getLong(1);
    }
  }
}
