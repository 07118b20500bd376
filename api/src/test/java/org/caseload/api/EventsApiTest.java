package org.caseload.api;

import static org.assertj.core.api.Assertions.assertThat;

import io.vertx.core.Vertx;
import io.vertx.core.http.HttpClient;
import io.vertx.core.http.HttpClientResponse;
import io.vertx.core.http.HttpMethod;
import io.vertx.core.json.JsonObject;
import io.vertx.junit5.VertxExtension;
import io.vertx.junit5.VertxTestContext;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;

/**
 * {@code /runs/{id}/events}: progress as server-sent events (the run without its request),
 * then one end event (the run whole).
 */
@ExtendWith(VertxExtension.class)
class EventsApiTest {

  @Test
  void progressStreamsUntilTheRunEnds(Vertx vertx, VertxTestContext context) throws Exception {
    TestServer api = TestServer.start(vertx);
    // long enough (a few seconds) for several progress events at a quarter second each
    String location = api.submit("/api/v1/runs", new JsonObject()
        .put("preset", "medway-2019-example").put("replications", 6000).put("months", 24));
    HttpClient client = vertx.createHttpClient();
    StringBuilder stream = new StringBuilder();
    client.request(HttpMethod.GET, api.server.port(), "127.0.0.1", location + "/events")
        .compose(request -> request.send())
        .onComplete(context.succeeding((HttpClientResponse response) -> {
          context.verify(() -> {
            assertThat(response.statusCode()).isEqualTo(200);
            assertThat(response.getHeader("Content-Type")).isEqualTo("text/event-stream");
          });
          response.handler(chunk -> stream.append(chunk.toString()));
          response.endHandler(v -> context.verify(() -> {
            List<JsonObject> progress = new ArrayList<>();
            JsonObject end = null;
            for (String event : stream.toString().split("\n\n")) {
              String[] lines = event.split("\n");
              JsonObject data = new JsonObject(lines[1].substring("data: ".length()));
              if (lines[0].equals("event: progress")) {
                progress.add(data);
              } else if (lines[0].equals("event: end")) {
                end = data;
              }
            }
            assertThat(end).as(stream.toString()).isNotNull();
            assertThat(end.getString("status")).isEqualTo("succeeded");
            assertThat(end.getJsonObject("progress").getLong("done")).isEqualTo(6000);
            // the stored request (up to a megabyte) is in the end event, not in every progress
            assertThat(end.getJsonObject("request").getString("preset"))
                .isEqualTo("medway-2019-example");
            for (JsonObject p : progress) {
              assertThat(p.fieldNames()).as(p.encode()).doesNotContain("request")
                  .contains("id", "status", "progress", "links");
            }
            long last = -1;
            int between = 0;
            for (JsonObject p : progress) {
              long done = p.getJsonObject("progress").getLong("done");
              assertThat(done).isGreaterThanOrEqualTo(last);
              last = done;
              if (done > 0 && done < 6000) {
                between++;
              }
            }
            assertThat(between).as(stream.toString()).isGreaterThanOrEqualTo(2);
            context.completeNow();
          }));
        }));
    assertThat(context.awaitCompletion(120, TimeUnit.SECONDS)).isTrue();
    client.close().await();
    api.close();
    if (context.failed()) {
      throw new AssertionError(context.causeOfFailure());
    }
  }

  /**
   * Clients that leave at once (a reset after the request) leave no event stream following the
   * run and no waiter on its end: a security review had 5,000 such requests leave about 1,000
   * quarter-second timers on the event loop (the stream's close came while its run was read)
   * and 3,000 waiters on the run, until a run of hours ended. The gauges count what is left;
   * a client still reading counts, so the test can tell.
   */
  @Test
  void clientsThatLeave_leaveNoStreamOrWaiterBehind(Vertx vertx) throws Exception {
    try (TestServer api = TestServer.start(vertx)) {
      String location = api.submit("/api/v1/runs", new JsonObject()
          .put("preset", "medway-2019").put("replications", 100_000).put("months", 120));
      int port = api.server.port();
      try (java.net.Socket reader = new java.net.Socket("127.0.0.1", port)) {
        reader.getOutputStream().write(RawHttp.request("GET", location + "/events", "", "")
            .getBytes(java.nio.charset.StandardCharsets.US_ASCII));
        reader.getInputStream().read(); // the stream has begun
        assertThat(awaitGauge(api, "caseload_runs_event_streams", 1)).isEqualTo(1);
        for (int i = 0; i < 300; i++) {
          String target = i % 2 == 0 ? location + "/events" : location + "?wait=60";
          try (java.net.Socket leaving = new java.net.Socket("127.0.0.1", port)) {
            leaving.setSoLinger(true, 0); // close with a reset, as the review did
            leaving.getOutputStream().write(RawHttp.request("GET", target, "", "")
                .getBytes(java.nio.charset.StandardCharsets.US_ASCII));
          }
        }
        Thread.sleep(2_000); // time for the server to have taken up every one of them
        assertThat(awaitGauge(api, "caseload_runs_event_streams", 1)).isEqualTo(1);
        assertThat(awaitGauge(api, "caseload_runs_waiters", 0)).isZero();
        // waits seen waiting, then their clients reset: the gauge counts them, then none
        List<java.net.Socket> waiting = new ArrayList<>();
        try {
          for (int i = 0; i < 20; i++) {
            java.net.Socket socket = new java.net.Socket("127.0.0.1", port);
            socket.setSoLinger(true, 0);
            socket.getOutputStream().write(RawHttp.request("GET", location + "?wait=60", "", "")
                .getBytes(java.nio.charset.StandardCharsets.US_ASCII));
            waiting.add(socket);
          }
          assertThat(awaitGauge(api, "caseload_runs_waiters", 20)).isEqualTo(20);
        } finally {
          for (java.net.Socket socket : waiting) {
            socket.close();
          }
        }
        assertThat(awaitGauge(api, "caseload_runs_waiters", 0)).isZero();
      }
      assertThat(awaitGauge(api, "caseload_runs_event_streams", 0)).isZero();
      assertThat(api.client.delete(location).send().await().statusCode()).isEqualTo(202);
    }
  }

  /** The gauge's value once it is {@code expected}, or its last value after 20 seconds. */
  private static double awaitGauge(TestServer api, String name, double expected)
      throws InterruptedException {
    java.util.regex.Pattern line = java.util.regex.Pattern.compile(
        "(?m)^" + name + "(?:\\{[^}]*\\})? (\\S+)$");
    double value = Double.NaN;
    for (long end = System.nanoTime() + 20_000_000_000L; System.nanoTime() < end; ) {
      java.util.regex.Matcher m = line.matcher(api.get("/metrics").bodyAsString());
      value = m.find() ? Double.parseDouble(m.group(1)) : Double.NaN;
      if (value == expected) {
        return value;
      }
      Thread.sleep(100);
    }
    return value;
  }

  /** HEAD of a running run's stream answers its headers at once, not when the run ends. */
  @Test
  void headOfARunningStream_answersAtOnce(Vertx vertx) {
    try (TestServer api = TestServer.start(vertx)) {
      String location = api.submit("/api/v1/runs", new JsonObject()
          .put("preset", "medway-2019").put("replications", 100_000).put("months", 120));
      long start = System.nanoTime();
      RawHttp.Response head = RawHttp.send(api.server.port(),
          RawHttp.request("HEAD", location + "/events", "", ""));
      assertThat((System.nanoTime() - start) / 1e9).as("seconds").isLessThan(10);
      assertThat(head.status()).isEqualTo(200);
      assertThat(head.header("content-type")).isEqualTo("text/event-stream");
      assertThat(head.body()).isEmpty();
      assertThat(api.client.delete(location).send().await().statusCode()).isEqualTo(202);
    }
  }

  @Test
  void finishedRunStreamsItsEndAtOnce(Vertx vertx) {
    try (TestServer api = TestServer.start(vertx)) {
      String location = api.submit("/api/v1/runs", new JsonObject()
          .put("preset", "synthetic-small").put("replications", 10).put("months", 3));
      api.awaitEnd(location, java.time.Duration.ofSeconds(60));
      String body = api.get(location + "/events").bodyAsString();
      assertThat(body).startsWith("event: progress\n").contains("event: end\n")
          .contains("\"status\":\"succeeded\"");
      ProblemAssertions.assertProblem(api.get(
          "/api/v1/runs/00000000-0000-4000-8000-000000000000/events"), 404);
    }
  }
}
