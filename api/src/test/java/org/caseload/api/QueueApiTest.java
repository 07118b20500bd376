package org.caseload.api;

import static org.assertj.core.api.Assertions.assertThat;
import static org.caseload.api.ProblemAssertions.assertProblem;

import io.vertx.core.Future;
import io.vertx.core.Vertx;
import io.vertx.core.buffer.Buffer;
import io.vertx.core.json.JsonObject;
import io.vertx.ext.web.client.HttpResponse;
import io.vertx.junit5.VertxExtension;
import java.time.Duration;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;

/**
 * The bounded pool and queue: one slot and one queued run, then 429 with Retry-After; a
 * queued run cancelled at once; many concurrent submissions all run, with the same results
 * for the same seed.
 */
@ExtendWith(VertxExtension.class)
class QueueApiTest {

  private static final Duration WAIT = Duration.ofSeconds(60);

  @Test
  void fullQueueGets429AndQueuedRunsCancelAtOnce(Vertx vertx) {
    try (TestServer api = TestServer.start(vertx, c -> c.withRuns(1, 1, 1))) {
      String running = api.submit("/api/v1/runs", RunApiTest.longRun());
      api.awaitProgress(running, WAIT);
      String queued = api.submit("/api/v1/runs", RunApiTest.longRun());
      assertThat(api.get(queued).bodyAsJsonObject().getString("status")).isEqualTo("queued");

      HttpResponse<Buffer> refused = api.post("/api/v1/runs", RunApiTest.longRun());
      assertProblem(refused, 429);
      assertThat(Integer.parseInt(refused.getHeader("Retry-After"))).isPositive();
      assertProblem(api.post("/api/v1/comparisons", new JsonObject()
          .put("baseline", new JsonObject().put("preset", "synthetic-small"))
          .put("variants", List.of(new JsonObject().put("preset", "synthetic-small")))), 429);

      JsonObject cancelled = api.delete(queued).bodyAsJsonObject();
      assertThat(cancelled.getString("status")).isEqualTo("cancelled");
      assertThat(cancelled.getString("error")).isEqualTo("cancelled before it started");

      // the freed place in the queue takes a new run
      String next = api.submit("/api/v1/runs", new JsonObject().put("preset", "synthetic-small")
          .put("replications", 20).put("months", 3));
      assertThat(api.delete(running).statusCode()).isEqualTo(202);
      assertThat(api.awaitEnd(running, WAIT).getString("status")).isEqualTo("cancelled");
      assertThat(api.awaitEnd(next, WAIT).getString("status")).isEqualTo("succeeded");
    }
  }

  /**
   * A run whose every chunk is in flight (two chunks of 64 replications on two threads) has
   * reported no progress yet; cancelling it is still a 202, and it ends cancelled.
   */
  @Test
  void runWithEveryChunkInFlightIsCancelled(Vertx vertx) {
    try (TestServer api = TestServer.start(vertx, c -> c.withRuns(1, 1, 2))) {
      String location = api.submit("/api/v1/runs", new JsonObject()
          .put("preset", "england-2022").put("replications", 128).put("months", 120));
      long deadline = System.nanoTime() + WAIT.toNanos();
      JsonObject running;
      do {
        running = api.get(location).bodyAsJsonObject();
        assertThat(System.nanoTime()).as("still queued: " + running).isLessThan(deadline);
      } while (!running.getString("status").equals("running"));
      TestServer.sleep(1_500);
      running = api.get(location).bodyAsJsonObject();
      assertThat(running.getString("status")).isEqualTo("running");
      assertThat(running.getJsonObject("progress").getLong("done")).isZero();

      HttpResponse<Buffer> cancel = api.delete(location);
      assertThat(cancel.statusCode()).as(cancel.bodyAsString()).isEqualTo(202);
      assertThat(cancel.bodyAsJsonObject().getBoolean("cancelRequested")).isTrue();
      JsonObject run = api.awaitEnd(location, WAIT);
      assertThat(run.getString("status")).isEqualTo("cancelled");
      assertThat(run.getBoolean("cancelRequested")).isTrue();
    }
  }

  @Test
  void concurrentSubmissionsAllRunAndSameSeedsGiveSameResults(Vertx vertx) {
    try (TestServer api = TestServer.start(vertx, c -> c.withRuns(2, 16, 1))) {
      List<Future<HttpResponse<Buffer>>> posts = new ArrayList<>();
      for (int i = 0; i < 12; i++) {
        JsonObject request = new JsonObject().put("preset", "synthetic-small")
            .put("replications", 100).put("months", 12).put("seed", i % 4);
        posts.add(api.client.post("/api/v1/runs").sendJsonObject(request));
      }
      Future.all(posts).await();
      Map<Long, String> bySeed = new HashMap<>();
      for (Future<HttpResponse<Buffer>> post : posts) {
        HttpResponse<Buffer> response = post.result();
        assertThat(response.statusCode()).as(response.bodyAsString()).isEqualTo(202);
        String location = response.getHeader("Location");
        JsonObject run = api.awaitEnd(location, WAIT);
        assertThat(run.getString("status")).isEqualTo("succeeded");
        String results = api.get(location + "/results").bodyAsString();
        String earlier = bySeed.putIfAbsent(run.getLong("seed"), results);
        if (earlier != null) {
          assertThat(results).isEqualTo(earlier);
        }
      }
      assertThat(bySeed).hasSize(4);
      assertThat(bySeed.values()).doesNotHaveDuplicates();
    }
  }
}
