package org.caseload.api;

import static org.assertj.core.api.Assertions.assertThat;

import io.vertx.core.AbstractVerticle;
import io.vertx.core.DeploymentOptions;
import io.vertx.core.Vertx;
import io.vertx.core.VertxOptions;
import java.lang.management.ManagementFactory;
import java.lang.management.ThreadMXBean;
import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.time.Clock;
import java.time.OffsetDateTime;
import java.util.UUID;
import java.util.concurrent.atomic.AtomicLong;
import org.caseload.api.domain.RunKind;
import org.caseload.api.domain.RunStatus;
import org.caseload.api.store.Database;
import org.caseload.api.store.DatabaseAddress;
import org.caseload.api.store.RunStore;
import org.caseload.api.store.StoredRun;
import org.junit.jupiter.api.Test;

/**
 * Storing a large result (an all-England sweep's may be 80 MB; 64 MB here) holds none of the
 * event loops for long: the text goes to PostgreSQL in pieces, each its own message, where it
 * had gone as one statement the pool's loop encoded whole (two texts of 38 MB held it 180 ms
 * to 260 ms of CPU, and a loop stalled 4.3 s was seen under load). Bounded at 100 ms of a
 * loop's CPU time between two ticks of a 1 ms timer on it, as the other loop checks
 * (LoopProbe). The stored texts are the ones given, a character outside the BMP across a
 * piece's end (2^20 chars in: the pieces are 2^18) and a null result included.
 */
class StoredResultLoopTest {

  private static final String LINE =
      "month,1,2019-10-31,caseload,18.25,1.2,0.1,16,16.5,17,18,19,20,21,1\n";

  /** Two loops, both the pool's (Database takes two), each with a probe timer on it. */
  @Test
  void aLargeResult_isStoredWhole_withoutHoldingALoop() throws Exception {
    String url = TestDatabase.fresh();
    Vertx vertx = Vertx.vertx(new VertxOptions().setEventLoopPoolSize(2));
    AtomicLong longest = new AtomicLong();
    try {
      Database database = Database.open(vertx, url, null);
      RunStore store = new RunStore(database.pool(), Clock.systemUTC(), 1);
      // the probes go on both loops (verticles are given loops in turn)
      // each measures the CPU time its loop's thread spent between two ticks: what work on
      // the loop costs, apart from the JVM's pauses and a busy machine (as LoopProbe's busy)
      vertx.deployVerticle(() -> new AbstractVerticle() {
        final ThreadMXBean threads = ManagementFactory.getThreadMXBean();
        long last;

        @Override
        public void start() {
          last = threads.getCurrentThreadCpuTime();
          vertx.setPeriodic(1, t -> {
            long now = threads.getCurrentThreadCpuTime();
            longest.accumulateAndGet(now - last, Math::max);
            last = now;
          });
        }
      }, new DeploymentOptions().setInstances(2)).await();
      UUID id = UUID.randomUUID();
      OffsetDateTime now = OffsetDateTime.now();
      store.insert(new StoredRun(id, RunKind.RUN, null, null, RunStatus.QUEUED, "{}", "[]", 1,
          16, 2, "test", "test", 0, null, now, null, null, false)).await();
      store.markRunning(id, now).await();
      String csv = "x".repeat(1024 * 1024 - 1) + "\ud83d\ude00\n" + LINE.repeat(900_000);
      String json = "{\"r\":\"" + "\u00e9".repeat(2_000_000) + "\"}";
      Thread.sleep(200);
      longest.set(0);
      assertThat(store.succeed(id, 16, json, csv).await()).isTrue();
      long held = longest.get() / 1_000_000;
      assertThat(stored(url, id, "result_csv")).isEqualTo(csv);
      assertThat(stored(url, id, "result_json")).isEqualTo(json);
      assertThat(held).as("longest CPU time a loop spent between two of its 1 ms ticks, ms")
          .isLessThan(100);

      UUID none = UUID.randomUUID();
      store.insert(new StoredRun(none, RunKind.RUN, null, null, RunStatus.QUEUED, "{}", "[]", 1,
          16, 2, "test", "test", 0, null, now, null, null, false)).await();
      assertThat(store.succeed(none, 16, "", null).await()).isTrue();
      assertThat(stored(url, none, "result_json")).isEmpty();
      assertThat(stored(url, none, "result_csv")).isNull();
      database.close();
    } finally {
      vertx.close().await();
      TestDatabase.drop(url);
    }
  }

  private static String stored(String url, UUID id, String column) throws Exception {
    DatabaseAddress address = DatabaseAddress.parse(url);
    try (Connection sql = DriverManager.getConnection(address.jdbcUrl(), address.user(),
        address.password()); PreparedStatement read = sql.prepareStatement(
            "SELECT " + column + " FROM runs WHERE id = ?")) {
      read.setObject(1, id);
      try (ResultSet rows = read.executeQuery()) {
        assertThat(rows.next()).isTrue();
        return rows.getString(1);
      }
    }
  }
}
