package org.caseload.api;

import static org.assertj.core.api.Assertions.assertThat;

import io.vertx.core.Vertx;
import io.vertx.core.json.JsonArray;
import io.vertx.core.json.JsonObject;
import io.vertx.junit5.VertxExtension;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.List;
import java.util.Random;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.concurrent.atomic.AtomicLong;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestInstance;
import org.junit.jupiter.api.extension.ExtendWith;

/**
 * Hostile input, as an attacker sends it: seeded mutations of a valid body for every
 * operation that takes one (wrong types, missing and unknown fields, NaN, 1e400, huge
 * integers, deep nesting, control characters, lone surrogates, huge strings within and
 * beyond the limit, broken JSON), path and header mutations (normalisation variants,
 * encodings, missing or malformed Host, made-up methods) and every content type. Whatever
 * is sent: never a 5xx, every error is problem+json naming a field and a reason with nothing
 * of the server's internals, and the event loop never stalls 100 ms.
 *
 * <p>Fixed seeds: the same requests every run (the order between the four senders varies).
 */
@ExtendWith(VertxExtension.class)
@TestInstance(TestInstance.Lifecycle.PER_CLASS)
class HostileInputTest {

  private static final long SEED = 20_110_011L;
  private static final int SENDERS = 4;
  private static final int PER_SENDER = 1_350;
  private static final List<String> LEAKS = List.of("Exception", "java.", "jackson",
      "StreamReadConstraints", "io.vertx", "netty", "`", "at org.");
  private static final List<String> CONTENT_TYPES = List.of("application/json",
      "application/json; charset=utf-8", "Application/JSON", "application/jsonx",
      "application/json-patch+json", "application/merge-patch+json",
      "application/x-www-form-urlencoded", "multipart/form-data; boundary=b", "text/plain",
      "application/xml", "text/csv", "application/json; charset=latin1", "*/*", "", "json",
      "application/problem+json", "application/octet-stream");

  private TestServer api;
  private String scenarioId;
  private String runId;
  private final List<String[]> bodies = new ArrayList<>();
  private final List<String[]> routes = new ArrayList<>();

  private final AtomicInteger sent = new AtomicInteger();
  private final AtomicInteger serverErrors = new AtomicInteger();
  private final AtomicInteger nonProblems = new AtomicInteger();
  private final AtomicInteger leaks = new AtomicInteger();
  private final List<String> examples = java.util.Collections.synchronizedList(new ArrayList<>());
  private final AtomicLong[] byStatus = new AtomicLong[6];

  @BeforeAll
  void start(Vertx vertx) {
    api = TestServer.start(vertx, c -> c.withLimits(new Limits(2_000, 24, 1 << 20))
        .withRuns(1, 4, 1));
    JsonObject scenario = ScenarioApiTest.scenario("hostile");
    scenarioId = api.post("/api/v1/scenarios", new JsonObject().put("scenario", scenario))
        .bodyAsJsonObject().getString("id");
    JsonObject run = new JsonObject().put("preset", "synthetic-small").put("replications", 10)
        .put("months", 2).put("seed", 7)
        .put("targets", new JsonArray().add("caseload <= 20 at month 1"));
    runId = api.submit("/api/v1/runs", run).replaceFirst(".*/", "");
    JsonObject comparison = new JsonObject()
        .put("baseline", new JsonObject().put("preset", "synthetic-small"))
        .put("variants", new JsonArray().add(new JsonObject().put("interventions",
            new JsonArray().add(new JsonObject().put("type", "posts").put("startMonth", 1)
                .put("team", "children").put("fte", 2)))))
        .put("replications", 10).put("months", 2);
    bodies.add(new String[] {"POST", "/api/v1/scenarios",
        new JsonObject().put("scenario", scenario).encode()});
    bodies.add(new String[] {"PUT", "/api/v1/scenarios/" + scenarioId,
        new JsonObject().put("version", 1).put("scenario", scenario).encode()});
    bodies.add(new String[] {"POST", "/api/v1/runs", run.encode()});
    bodies.add(new String[] {"POST", "/api/v1/comparisons", comparison.encode()});
    bodies.add(new String[] {"POST", "/api/v1/goal-seeks", new JsonObject()
        .put("preset", "synthetic-small").put("months", 2).put("seed", 7)
        .put("targets", new JsonArray().add("caseload <= 20 at month 2")).put("probability", 0.8)
        .put("levers", new JsonArray().add("posts:children=0..4/2").add("campaign=1..2"))
        .put("screenReplications", 64).put("maxReplications", 128).encode()});
    bodies.add(new String[] {"POST", "/api/v1/sensitivities", new JsonObject()
        .put("preset", "synthetic-small").put("months", 2).put("metric", "caseload")
        .put("month", 2).put("levers", new JsonArray().add("posts:children=0..4/2"))
        .put("method", "tornado").put("replications", 4).encode()});
    bodies.add(new String[] {"POST", "/api/v1/calibrations",
        new JsonObject().put("la", "Medway").put("year", 2019).put("months", 12).encode()});
    for (String[] route : new String[][] {{"GET", "/api/v1/presets"},
        {"GET", "/api/v1/presets/synthetic-small"}, {"GET", "/api/v1/scenarios"},
        {"GET", "/api/v1/scenarios/" + scenarioId}, {"DELETE", "/api/v1/scenarios/" + ID},
        {"GET", "/api/v1/scenarios/" + scenarioId + "/runs"}, {"GET", "/api/v1/runs/" + runId},
        {"GET", "/api/v1/runs/" + runId + "/results"}, {"GET", "/api/v1/runs/" + runId
            + "/scenario"}, {"DELETE", "/api/v1/runs/" + runId},
        {"GET", "/api/v1/comparisons/" + ID}, {"GET", "/api/v1/comparisons/" + ID + "/results"},
        {"DELETE", "/api/v1/comparisons/" + ID}, {"GET", "/api/v1/goal-seeks/" + ID},
        {"GET", "/api/v1/goal-seeks/" + ID + "/results"}, {"DELETE", "/api/v1/goal-seeks/" + ID},
        {"GET", "/api/v1/sensitivities/" + ID}, {"DELETE", "/api/v1/sensitivities/" + ID},
        {"GET", "/api/v1/sensitivities/" + ID + "/results?format=csv"},
        {"GET", "/api/v1/openapi.yaml"},
        {"GET", "/health"}, {"GET", "/metrics"}}) {
      routes.add(route);
    }
    for (int i = 0; i < byStatus.length; i++) {
      byStatus[i] = new AtomicLong();
    }
  }

  private static final String ID = "00000000-0000-4000-8000-000000000000";

  @AfterAll
  void stop() {
    if (api != null) {
      api.close();
    }
  }

  @Test
  void noHostileRequestGetsA5xxAPlainErrorOrStallsTheEventLoop() throws Exception {
    long start = System.nanoTime();
    ExecutorService senders = Executors.newFixedThreadPool(SENDERS);
    double stall;
    double busy;
    double answer;
    try (LoopProbe probe = LoopProbe.start(api.server.port())) {
      List<Future<?>> done = new ArrayList<>();
      for (int s = 0; s < SENDERS; s++) {
        Random random = new Random(SEED + s);
        done.add(senders.submit(() -> {
          for (int i = 0; i < PER_SENDER; i++) {
            check(next(random));
          }
        }));
      }
      for (Future<?> f : done) {
        f.get(110, TimeUnit.SECONDS);
      }
      stall = probe.longestStallMillis();
      busy = probe.longestBusyMillis();
      answer = probe.longestAnswerMillis();
    } finally {
      senders.shutdownNow();
    }
    double seconds = (System.nanoTime() - start) / 1e9;
    System.out.printf("hostile suite: %d requests in %.1f s; 2xx %d, 3xx %d, 4xx %d, 5xx %d;"
        + " non-problem 4xx %d; leaks %d; longest event-loop stall working %.1f ms (of any"
        + " cause, busy machine included, %.1f ms); longest /health/live answer %.1f ms%n",
        sent.get(), seconds, byStatus[2].get(), byStatus[3].get(), byStatus[4].get(),
        serverErrors.get(), nonProblems.get(), leaks.get(), busy, stall, answer);
    assertThat(sent.get()).isGreaterThanOrEqualTo(5_000);
    assertThat(examples).as("examples of failures").isEmpty();
    assertThat(serverErrors.get()).isZero();
    assertThat(nonProblems.get()).isZero();
    assertThat(leaks.get()).isZero();
    assertThat(byStatus[4].get()).as("most requests are refused").isGreaterThan(3_000);
    assertThat(busy).as("longest stall working on the event loop, ms").isLessThan(100);
    assertThat(seconds).isLessThan(120);
  }

  private void check(byte[] request) {
    RawHttp.Response response = RawHttp.send(api.server.port(), request);
    sent.incrementAndGet();
    int status = response.status();
    String head = new String(request, 0, Math.min(request.length, 160),
        StandardCharsets.UTF_8);
    if (status < 100 || status >= 500) {
      serverErrors.incrementAndGet();
      example(head, response);
      return;
    }
    byStatus[status / 100].incrementAndGet();
    if (status < 400) {
      return;
    }
    if (head.startsWith("HEAD ") ? !response.isProblem() : !problem(response)) {
      nonProblems.incrementAndGet();
      example(head, response);
    }
    if (LEAKS.stream().anyMatch(response.body()::contains)) {
      leaks.incrementAndGet();
      example(head, response);
    }
  }

  private static boolean problem(RawHttp.Response response) {
    if (!response.isProblem()) {
      return false;
    }
    try {
      JsonObject body = response.json();
      JsonArray errors = body.getJsonArray("errors");
      return body.getInteger("status") == response.status() && errors != null
          && !errors.isEmpty() && errors.stream().allMatch(e ->
              !((JsonObject) e).getString("field", "").isBlank()
                  && !((JsonObject) e).getString("reason", "").isBlank());
    } catch (RuntimeException e) {
      return false;
    }
  }

  private void example(String request, RawHttp.Response response) {
    if (examples.size() < 20) {
      String body = response.body();
      examples.add(request.replace("\r\n", " | ") + " -> " + response.status() + " "
          + response.headers() + " " + body.substring(0, Math.min(body.length(), 300)));
    }
  }

  /** One hostile request, chosen and built from {@code random}. */
  private byte[] next(Random random) {
    int kind = random.nextInt(100);
    if (kind < 60) {
      String[] base = bodies.get(random.nextInt(bodies.size()));
      String body = Mutations.body(base[2], random);
      return RawHttp.request(base[0], base[1], "Content-Type: application/json\r\n", body)
          .getBytes(StandardCharsets.UTF_8);
    }
    if (kind < 72) {
      String[] base = bodies.get(random.nextInt(bodies.size()));
      String type = CONTENT_TYPES.get(random.nextInt(CONTENT_TYPES.size()));
      String body = random.nextBoolean() ? base[2] : "a=" + "x".repeat(random.nextInt(5_000));
      return RawHttp.request(base[0], base[1], type.isEmpty() ? "" : "Content-Type: " + type
          + "\r\n", body).getBytes(StandardCharsets.UTF_8);
    }
    if (kind < 90) {
      String[] route = routes.get(random.nextInt(routes.size()));
      String target = Mutations.path(route[1], random);
      String method = random.nextInt(8) == 0 ? Mutations.method(random) : route[0];
      return RawHttp.request(method, target, "", "").getBytes(StandardCharsets.UTF_8);
    }
    String[] route = routes.get(random.nextInt(routes.size()));
    return Mutations.headers(route[0], route[1], random);
  }
}
