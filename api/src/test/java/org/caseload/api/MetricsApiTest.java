package org.caseload.api;

import static org.assertj.core.api.Assertions.assertThat;
import static org.caseload.api.ProblemAssertions.assertProblem;

import io.vertx.core.buffer.Buffer;
import io.vertx.core.json.JsonObject;
import java.time.Duration;
import java.util.Set;
import java.util.TreeSet;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.junit.jupiter.api.Test;

/**
 * {@code /metrics}: every response to a route's path carries that route's template as its
 * {@code route} label whatever its status (a 202 and a 400 are one route's series, not
 * {@code /api/v1/runs>/api/v1/runs} or {@code ""}), a path no route has carries
 * {@code unmatched} (never the path: no client can mint series), and every meter has a
 * description.
 */
class MetricsApiTest extends ServerPerClass {

  private static final Pattern REQUESTS = Pattern.compile(
      "^vertx_http_server_requests_total\\{([^}]*)} ", Pattern.MULTILINE);
  private static final Pattern LABEL = Pattern.compile("(\\w+)=\"([^\"]*)\"");

  @Test
  void everyResponseOfARouteCarriesItsTemplateWhateverItsStatus() {
    String run = api.submit("/api/v1/runs", new JsonObject().put("preset", "synthetic-small")
        .put("replications", 8).put("months", 3));
    assertProblem(api.post("/api/v1/runs", "{\"preset\":\"synthetic-small\","
        + "\"replications\":\"many\"}"), 400);
    assertProblem(api.post("/api/v1/runs", "{\"preset\":"), 400);
    assertProblem(api.client.post("/api/v1/runs").putHeader("Content-Type", "text/plain")
        .sendBuffer(Buffer.buffer("{}")).await(), 415);
    assertThat(api.get(run).statusCode()).isEqualTo(200);
    assertProblem(api.get("/api/v1/runs/00000000-0000-4000-8000-000000000000"), 404);
    assertProblem(api.get("/api/v1/runs/not-a-uuid"), 400);
    assertProblem(api.get("//api/v1/./runs/not-a-uuid-either"), 400);
    assertProblem(api.client.delete("/api/v1/presets").send().await(), 405);
    assertProblem(api.get("/api/v1/no-such-thing-1234"), 404);
    assertProblem(api.get("/no/such/thing/5678"), 404);

    String metrics = api.metrics();
    Set<String> runs = series(metrics, "/api/v1/runs");
    assertThat(runs).as(metrics).contains("POST 202", "POST 400", "POST 415");
    assertThat(series(metrics, "/api/v1/runs/:runId")).as(metrics)
        .contains("GET 200", "GET 404", "GET 400");
    assertThat(series(metrics, "/api/v1/presets")).as(metrics).contains("DELETE 405");
    assertThat(series(metrics, "unmatched")).as(metrics).containsExactly("GET 404");
    assertThat(routes(metrics)).as(metrics).allSatisfy(route -> {
      assertThat(route).isNotEmpty().doesNotContain(">").doesNotContain("such")
          .doesNotContain("uuid");
      assertThat(route.equals("unmatched") || route.startsWith("/")).isTrue();
    });
    // the response-time histogram is labelled the same way
    assertThat(metrics).containsPattern("vertx_http_server_response_time_seconds_count\\{"
        + "code=\"400\",method=\"POST\",route=\"/api/v1/runs\"}");
  }

  @Test
  void everyMeterHasADescription() {
    String run = api.submit("/api/v1/runs", new JsonObject().put("preset", "synthetic-small")
        .put("replications", 8).put("months", 3));
    api.awaitEnd(run, Duration.ofSeconds(60));
    String metrics = api.metrics();
    assertThat(metrics).contains("# HELP caseload_runs_ended_total ",
        "caseload_runs_ended_total{status=\"succeeded\"}");
    assertThat(metrics.lines().filter(line -> line.startsWith("# HELP "))).as(metrics)
        .isNotEmpty().allSatisfy(help -> assertThat(help.split(" ", 4))
            .as("help text of %s", help).hasSize(4)
            .satisfies(parts -> assertThat(parts[3]).isNotBlank()));
  }

  /** The route labels of the request counters. */
  private static Set<String> routes(String metrics) {
    Set<String> routes = new TreeSet<>();
    Matcher rows = REQUESTS.matcher(metrics);
    while (rows.find()) {
      routes.add(label(rows.group(1), "route"));
    }
    return routes;
  }

  /** "METHOD CODE" of each request counter of {@code route}. */
  private static Set<String> series(String metrics, String route) {
    Set<String> found = new TreeSet<>();
    Matcher rows = REQUESTS.matcher(metrics);
    while (rows.find()) {
      if (route.equals(label(rows.group(1), "route"))) {
        found.add(label(rows.group(1), "method") + " " + label(rows.group(1), "code"));
      }
    }
    return found;
  }

  private static String label(String labels, String name) {
    Matcher label = LABEL.matcher(labels);
    while (label.find()) {
      if (label.group(1).equals(name)) {
        return label.group(2);
      }
    }
    return null;
  }
}
