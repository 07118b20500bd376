package org.caseload.api;

import static org.assertj.core.api.Assertions.assertThat;
import static org.caseload.api.ProblemAssertions.assertProblem;

import io.vertx.core.Vertx;
import io.vertx.core.buffer.Buffer;
import io.vertx.ext.web.client.HttpResponse;
import io.vertx.core.json.JsonObject;
import io.vertx.junit5.VertxExtension;
import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Statement;
import java.time.Duration;
import java.util.UUID;
import org.caseload.api.runs.RunService;
import org.caseload.api.store.Database;
import org.caseload.api.store.DatabaseAddress;
import org.caseload.api.store.OwnerLock;
import org.flywaydb.core.Flyway;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;

/**
 * Several servers on one database: a server's start fails only the runs whose owning server
 * is gone (its advisory lock can be taken, or the run has no owner, as rows stored before
 * owners were recorded), never those another live server is computing; a run's end is
 * stored only from queued or running, so a recovery and a finishing run cannot overwrite
 * each other, and a success carries no error.
 */
@ExtendWith(VertxExtension.class)
class RunOwnershipTest {

  private static final Duration WAIT = Duration.ofSeconds(60);

  /**
   * The TCP keepalive the owner lock's session asks for (so that the lock of a server whose
   * machine vanished is freed within minutes) is accepted by this PostgreSQL and takes effect
   * on a TCP session.
   */
  @Test
  void theOwnerLocksKeepaliveIsAcceptedAndTakes() throws SQLException {
    try (Connection sql = connect(TestDatabase.server());
        Statement statement = sql.createStatement()) {
      for (String set : OwnerLock.KEEPALIVE.split(";")) {
        statement.execute(set.trim());
      }
      for (String[] expected : new String[][] {{"tcp_keepalives_idle", "1min"},
          {"tcp_keepalives_interval", "10s"}, {"tcp_keepalives_count", "6"}}) {
        try (ResultSet shown = statement.executeQuery("SHOW " + expected[0])) {
          assertThat(shown.next()).isTrue();
          assertThat(shown.getString(1)).as(expected[0]).isIn(expected[1],
              expected[1].replace("1min", "60").replace("10s", "10"));
        }
      }
    }
  }

  /**
   * While serving, a server fails the runs of a server that is gone once its owner lock has
   * been seen free for a round of recovery (here 300 ms), without waiting for a start; the
   * runs of a live server, whose lock is held (read from pg_locks), stay running.
   */
  @Test
  void runsOfAServerThatDies_areFailedWhileServing(Vertx vertx) throws Exception {
    String url = TestDatabase.fresh();
    DatabaseAddress address = DatabaseAddress.parse(url);
    long live = -5_151_515_151L; // both halves of the key in pg_locks, and its sign
    long dying = 6_161_616_161L;
    UUID ownedByLive = UUID.randomUUID();
    UUID ownedByDying = UUID.randomUUID();
    System.setProperty("caseload.recoveryMillis", "300");
    try (Connection sql = connect(address); Connection liveServer = connect(address);
        Connection dyingServer = connect(address)) {
      Database.migrate(address);
      insert(sql, ownedByLive, "running", live);
      insert(sql, ownedByDying, "running", dying);
      try (Statement lock = liveServer.createStatement();
          Statement other = dyingServer.createStatement()) {
        lock.execute("SELECT pg_advisory_lock(" + live + ")");
        other.execute("SELECT pg_advisory_lock(" + dying + ")");
      }
      try (TestServer server = TestServer.start(vertx, TestServer.config(url))) {
        Thread.sleep(1_000); // three rounds: both owners alive
        assertThat(server.get(run(ownedByDying)).bodyAsJsonObject().getString("status"))
            .isEqualTo("running");
        dyingServer.close(); // its session ends: the lock is free
        long until = System.nanoTime() + 10_000_000_000L;
        while (!"failed".equals(server.get(run(ownedByDying)).bodyAsJsonObject()
            .getString("status")) && System.nanoTime() < until) {
          Thread.sleep(100);
        }
        assertInterrupted(server, ownedByDying);
        JsonObject alive = server.get(run(ownedByLive)).bodyAsJsonObject();
        assertThat(alive.getString("status")).isEqualTo("running");
        assertThat(alive.getString("error")).isNull();
      }
    } finally {
      System.clearProperty("caseload.recoveryMillis");
      TestDatabase.drop(url);
    }
  }

  @Test
  void aSecondServerLeavesTheFirstServersRunningRunAlone(Vertx vertx) {
    try (TestServer first = TestServer.start(vertx)) {
      String run = first.submit("/api/v1/runs", RunApiTest.longRun());
      first.awaitProgress(run, WAIT);

      try (TestServer second = first.second(vertx)) {
        JsonObject seenBySecond = second.get(run).bodyAsJsonObject();
        assertThat(seenBySecond.getString("status")).as(seenBySecond.encode())
            .isEqualTo("running");
        assertThat(seenBySecond.getString("error")).isNull();
        JsonObject seenByFirst = first.get(run).bodyAsJsonObject();
        assertThat(seenByFirst.getString("status")).isEqualTo("running");
        assertThat(seenByFirst.getString("error")).isNull();
        assertThat(seenByFirst.getJsonObject("progress").getLong("done")).isPositive();
        assertThat(first.delete(run).statusCode()).isEqualTo(202);
        JsonObject ended = first.awaitEnd(run, WAIT);
        assertThat(ended.getString("status")).isEqualTo("cancelled");
        // the live status and the stored one give the same start, to the microsecond
        assertThat(ended.getString("startedAt")).isEqualTo(seenByFirst.getString("startedAt"))
            .isEqualTo(seenBySecond.getString("startedAt"));
        assertThat(ended.getString("error")).isEqualTo("cancelled");
        assertThat(second.get(run).bodyAsJsonObject().getString("status"))
            .isEqualTo("cancelled");
      }
    }
  }

  /**
   * Behind a load balancer a planner's cancel may reach the server that is not computing the
   * run: it is recorded in the database and the server computing the run stops it within a
   * second or so (a queued one before it starts); that server stores its runs' progress once
   * a second, so the other shows it. The other server had shown 0 done until the end and
   * answered the cancel 409 "running on another server".
   */
  @Test
  void aCancelAskedOfAnotherServer_stopsTheRun_andItsProgressShowsThere(Vertx vertx) {
    try (TestServer first = TestServer.start(vertx)) {
      String running = first.submit("/api/v1/runs", RunApiTest.longRun());
      String alsoRunning = first.submit("/api/v1/runs", RunApiTest.longRun());
      String queued = first.submit("/api/v1/runs", RunApiTest.longRun()); // two run slots
      first.awaitProgress(running, WAIT);
      first.awaitProgress(alsoRunning, WAIT);
      assertThat(first.get(queued).bodyAsJsonObject().getString("status")).isEqualTo("queued");
      try (TestServer second = first.second(vertx)) {
        JsonObject seen = second.awaitProgress(running, WAIT); // stored by the first
        assertThat(seen.getBoolean("cancelRequested")).isFalse();

        HttpResponse<Buffer> asked = second.delete(queued);
        assertThat(asked.statusCode()).as(asked.bodyAsString()).isEqualTo(202);
        assertThat(asked.bodyAsJsonObject().getBoolean("cancelRequested")).isTrue();
        JsonObject unstarted = first.awaitEnd(queued, WAIT);
        assertThat(unstarted.getString("status")).isEqualTo("cancelled");
        assertThat(unstarted.getString("startedAt")).isNull();

        asked = second.delete(running);
        assertThat(asked.statusCode()).as(asked.bodyAsString()).isEqualTo(202);
        assertThat(second.get(running).bodyAsJsonObject().getBoolean("cancelRequested"))
            .isTrue();
        JsonObject ended = second.awaitEnd(running, WAIT);
        assertThat(ended.getString("status")).isEqualTo("cancelled");
        assertThat(ended.getString("error")).isEqualTo("cancelled");
        assertThat(ended.getJsonObject("progress").getLong("done"))
            .isGreaterThanOrEqualTo(seen.getJsonObject("progress").getLong("done"))
            .isLessThan(100_000);
        assertProblem(second.delete(running), 409); // ended
        // the owner's own cancel is unchanged
        assertThat(first.delete(alsoRunning).statusCode()).isEqualTo(202);
        assertThat(first.awaitEnd(alsoRunning, WAIT).getString("status")).isEqualTo("cancelled");
      }
    }
  }

  /**
   * Behind a load balancer a planner's requests reach either server: a {@code ?wait} and an
   * event stream on the server not computing the run follow its stored status until it ends.
   * They had answered at once: {@code ?wait} without waiting, and the stream with an
   * {@code end} event saying "running".
   */
  @Test
  void waitsAndEventsOnAnotherServer_followTheRunToItsEnd(Vertx vertx) throws Exception {
    try (TestServer first = TestServer.start(vertx)) {
      String run = first.submit("/api/v1/runs", RunApiTest.longRun());
      first.awaitProgress(run, WAIT);
      try (TestServer second = first.second(vertx)) {
        long start = System.nanoTime();
        JsonObject waited = second.get(run + "?wait=2").bodyAsJsonObject();
        assertThat(waited.getString("status")).isEqualTo("running");
        assertThat(Duration.ofNanos(System.nanoTime() - start)).isGreaterThan(
            Duration.ofMillis(1_900));

        java.util.concurrent.ExecutorService clients =
            java.util.concurrent.Executors.newFixedThreadPool(2);
        try {
          var events = clients.submit(() -> second.get(run + "/events").bodyAsString());
          var results = clients.submit(() -> second.get(run + "/results?wait=60"));
          TestServer.sleep(1_500);
          assertThat(events.isDone()).as("the stream ended while the run ran").isFalse();
          assertThat(results.isDone()).as("?wait answered while the run ran").isFalse();
          assertThat(first.delete(run).statusCode()).isEqualTo(202);

          String stream = events.get(30, java.util.concurrent.TimeUnit.SECONDS);
          String end = stream.substring(stream.indexOf("event: end"));
          assertThat(end).as(stream).contains("\"status\":\"cancelled\"");
          assertThat(stream).contains("event: progress");
          // the first stores its progress once a second: the second's events show it
          assertThat(java.util.regex.Pattern.compile("\"done\":([0-9]+)").matcher(
              stream.substring(0, stream.indexOf("event: end"))).results()
              .mapToLong(m -> Long.parseLong(m.group(1))).max().orElse(0)).as(stream)
              .isPositive();
          var answer = results.get(30, java.util.concurrent.TimeUnit.SECONDS);
          assertProblem(answer, 409);
          assertThat(answer.bodyAsString()).contains("was cancelled");
        } finally {
          clients.shutdownNow();
        }
      }
    }
  }

  @Test
  void runsOfServersThatAreGoneAreRecoveredAndThoseOfALiveOneAreNot(Vertx vertx)
      throws SQLException {
    String url = TestDatabase.fresh();
    DatabaseAddress address = DatabaseAddress.parse(url);
    // a row stored by a server of before owners: migrated to V3, then to the end
    Flyway.configure().dataSource(address.jdbcUrl(), address.user(), address.password())
        .locations("classpath:db/migration").target("3").load().migrate();
    UUID legacy = UUID.randomUUID();
    long live = 4_242_424_242L;
    long gone = -77L;
    UUID ownedByLive = UUID.randomUUID();
    UUID queuedOfGone = UUID.randomUUID();
    UUID succeededOfGone = UUID.randomUUID();
    try (Connection sql = connect(address); Connection liveServer = connect(address)) {
      insert(sql, legacy, "running", null);
      Database.migrate(address);
      insert(sql, ownedByLive, "running", live);
      insert(sql, queuedOfGone, "queued", gone);
      insert(sql, succeededOfGone, "succeeded", gone);
      try (Statement lock = liveServer.createStatement()) {
        lock.execute("SELECT pg_advisory_lock(" + live + ")");
      }

      try (TestServer started = TestServer.start(vertx, TestServer.config(url))) {
        assertInterrupted(started, legacy);
        assertInterrupted(started, queuedOfGone);
        JsonObject alive = started.get(run(ownedByLive)).bodyAsJsonObject();
        assertThat(alive.getString("status")).isEqualTo("running");
        assertThat(alive.getString("error")).isNull();
        JsonObject succeeded = started.get(run(succeededOfGone)).bodyAsJsonObject();
        assertThat(succeeded.getString("status")).isEqualTo("succeeded");
        assertThat(succeeded.getString("error")).isNull();

        // its server dies: its session ends and the next server's start recovers the run
        liveServer.close();
        try (TestServer next = started.second(vertx)) {
          assertInterrupted(next, ownedByLive);
          assertThat(next.get(run(succeededOfGone)).bodyAsJsonObject().getString("status"))
              .isEqualTo("succeeded");
        }
      }
    } finally {
      TestDatabase.drop(url); // also when a step failed before the server took it over
    }
  }

  @Test
  void aRunEndedByARecoveryStaysEndedAndItsServerReportsItSo(Vertx vertx) throws SQLException {
    try (TestServer api = TestServer.start(vertx)) {
      String run = api.submit("/api/v1/runs", RunApiTest.longRun());
      api.awaitProgress(run, WAIT);
      // as another server's start would (with owners, only while this one's lock is lost)
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

  private static void assertInterrupted(TestServer api, UUID id) {
    JsonObject run = api.get(run(id)).bodyAsJsonObject();
    assertThat(run.getString("status")).as(run.encode()).isEqualTo("failed");
    assertThat(run.getString("error")).isEqualTo(RunService.INTERRUPTED);
    assertThat(run.getString("finishedAt")).isNotNull();
  }

  private static String run(UUID id) {
    return "/api/v1/runs/" + id;
  }

  private static UUID id(String location) {
    return UUID.fromString(location.substring(location.lastIndexOf('/') + 1));
  }

  private static Connection connect(DatabaseAddress address) throws SQLException {
    return DriverManager.getConnection(address.jdbcUrl(), address.user(), address.password());
  }

  /** A run row as a server would have stored it; {@code owner} null: no owner column. */
  private static void insert(Connection sql, UUID id, String status, Long owner)
      throws SQLException {
    try (PreparedStatement insert = sql.prepareStatement("INSERT INTO runs (id, kind, status,"
        + " request, scenarios, seed, replications, months, generator, code_version,"
        + " created_at" + (owner == null ? "" : ", owner") + ") VALUES (?, 'run', ?, '{}',"
        + " '[]', 1, 10, 6, 'SplitMix64', '0.test', now()" + (owner == null ? "" : ", ?")
        + ")")) {
      insert.setObject(1, id);
      insert.setString(2, status);
      if (owner != null) {
        insert.setLong(3, owner);
      }
      assertThat(insert.executeUpdate()).isEqualTo(1);
    }
  }
}
