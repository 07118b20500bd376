package org.caseload.api;

import static org.assertj.core.api.Assertions.assertThat;

import io.vertx.core.Vertx;
import io.vertx.junit5.VertxExtension;
import io.vertx.openapi.contract.OpenAPIContract;
import io.vertx.openapi.contract.Operation;
import java.util.ArrayList;
import java.util.List;
import java.util.function.UnaryOperator;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestInstance;
import org.junit.jupiter.api.extension.ExtendWith;

/**
 * With a token set, every operation of the OpenAPI contract refuses a request without it,
 * whatever spelling of the path reaches the route (double slashes, dot segments,
 * percent-encoded letters, encoded slashes, trailing slashes); and nothing such a request
 * asks for happens. Only {@code /health}, {@code /health/live} and {@code /metrics} are open.
 */
@ExtendWith(VertxExtension.class)
@TestInstance(TestInstance.Lifecycle.PER_CLASS)
class AuthScopeApiTest {

  private static final String TOKEN = "s3cret-token";
  private static final String ID = "00000000-0000-4000-8000-000000000000";

  /** The spellings of a path a router may normalise to the same route. */
  static final List<UnaryOperator<String>> VARIANTS = List.of(
      p -> p,
      p -> "/" + p,
      p -> "/." + p,
      p -> "/x/.." + p,
      p -> p.replace("/api/", "/%61pi/"),
      p -> p.replace("/v1/", "/%761/"),
      p -> p.replace("/api/v1/", "/api//v1/"),
      p -> p.replace("/api/v1/", "/api/./v1/"),
      p -> p.replace("/api/v1/", "/api/v1/x/../"),
      p -> p.replace("/api/v1/", "/api%2Fv1/"),
      p -> p.replace("/api/v1/", "/api/v1%2F"),
      p -> p.replace("/api/v1/", "/%2e/api/v1/"),
      p -> p.replace("/api/v1/", "/api/v1/%2e/"),
      p -> p.replace("/api/v1/", "/API/V1/"),
      p -> p + "/",
      p -> p + "/.",
      p -> p + "?x=1",
      p -> p + "#f",
      p -> p.replace("/api/v1/", "/api/v1/;x=1/"),
      p -> p.replace("/api/v1/", "//api//v1//"),
      p -> "/health/.." + p,
      p -> "/metrics/../.." + p);

  private TestServer api;
  private final List<String[]> routes = new ArrayList<>();

  @BeforeAll
  void start(Vertx vertx) {
    api = TestServer.start(vertx, c -> c.withToken(TOKEN));
    OpenAPIContract contract = OpenAPIContract.from(vertx, "openapi.yaml").await();
    for (Operation operation : contract.operations()) {
      routes.add(new String[] {operation.getHttpMethod().name(),
          operation.getOpenAPIPath().replaceAll("\\{[^}]+}", ID)});
    }
    routes.add(new String[] {"GET", "/api/v1/openapi.yaml"});
  }

  @AfterAll
  void stop() {
    if (api != null) {
      api.close();
    }
  }

  @Test
  void everyRouteInEverySpellingNeedsTheToken() {
    assertThat(routes).hasSizeGreaterThanOrEqualTo(20);
    int port = api.server.port();
    int checked = 0;
    for (String[] route : routes) {
      for (UnaryOperator<String> variant : VARIANTS) {
        String target = variant.apply(route[1]);
        String body = route[0].equals("POST") || route[0].equals("PUT")
            ? "{\"preset\":\"synthetic-small\",\"replications\":1,\"months\":1}" : "";
        RawHttp.Response response = RawHttp.send(port, RawHttp.request(route[0], target,
            body.isEmpty() ? "" : "Content-Type: application/json\r\n", body));
        assertThat(response.status()).as("%s %s: %s", route[0], target, response)
            .isIn(400, 401);
        assertThat(response.isProblem()).as("%s %s: %s", route[0], target, response).isTrue();
        checked++;
      }
    }
    assertThat(checked).isEqualTo(routes.size() * VARIANTS.size());
    assertThat(api.get("/api/v1/scenarios").bodyAsJsonObject().getLong("total"))
        .as("no request without the token stored anything").isZero();
    assertThat(api.get("/api/v1/scenarios").statusCode()).isEqualTo(200);
  }

  @Test
  void withTheTokenTheCanonicalPathsAreRouted() {
    for (String[] route : routes) {
      RawHttp.Response response = RawHttp.send(api.server.port(), RawHttp.request(route[0],
          route[1], "Authorization: Bearer " + TOKEN + "\r\n"
              + (route[0].equals("GET") || route[0].equals("DELETE") ? ""
                  : "Content-Type: application/json\r\n"),
          route[0].equals("GET") || route[0].equals("DELETE") ? "" : "{}"));
      assertThat(response.status()).as("%s %s: %s", route[0], route[1], response)
          .isNotIn(401, 405, 500);
    }
  }

  /** HEAD wherever GET is: the GET's status and headers, no body, and the same token rule. */
  @Test
  void headIsAnsweredAsGetWithoutABody() {
    int port = api.server.port();
    String token = "Authorization: Bearer " + TOKEN + "\r\n";
    for (String[] target : new String[][] {{"/health", ""}, {"/api/v1/presets", token},
        {"/api/v1/presets/medway-2019", token}, {"/", ""}}) {
      RawHttp.Response get = RawHttp.send(port, RawHttp.request("GET", target[0], target[1],
          ""));
      RawHttp.Response head = RawHttp.send(port, RawHttp.request("HEAD", target[0], target[1],
          ""));
      assertThat(get.status()).as(target[0]).isEqualTo(200);
      assertThat(head.status()).as("HEAD %s: %s", target[0], head).isEqualTo(200);
      assertThat(head.header("content-type")).isEqualTo(get.header("content-type"));
      assertThat(head.body()).as("HEAD %s", target[0]).isEmpty();
    }
    RawHttp.Response noToken = RawHttp.send(port, RawHttp.request("HEAD", "/api/v1/presets",
        "", ""));
    assertThat(noToken.status()).isEqualTo(401);
    RawHttp.Response missing = RawHttp.send(port, RawHttp.request("HEAD",
        "/api/v1/presets/no-such", token, ""));
    assertThat(missing.status()).isEqualTo(404);
    assertThat(missing.body()).isEmpty();
  }

  /**
   * A HEAD's headers are the GET's, nosniff and no-store included (rerouting a HEAD as GET had
   * dropped those the request guard set): for a run, its CSV results and events, the page, and
   * the answers 400, 401 and 404.
   */
  @Test
  void headAnswersCarryTheGetsHeaders() {
    int port = api.server.port();
    String token = "Authorization: Bearer " + TOKEN + "\r\n";
    String run = api.submit("/api/v1/runs", new io.vertx.core.json.JsonObject()
        .put("preset", "synthetic-small").put("replications", 2).put("months", 1));
    api.awaitEnd(run, java.time.Duration.ofSeconds(60));
    for (String[] target : new String[][] {{run, token}, {run + "/results?format=csv", token},
        {run + "/events", token}, {run + "?wait=x", token}, {run, ""},
        {"/api/v1/runs/" + ID, token}, {"/api/v1/presets", token}, {"/health", ""},
        {"/", ""}}) {
      RawHttp.Response get = RawHttp.send(port, RawHttp.request("GET", target[0], target[1],
          ""));
      RawHttp.Response head = RawHttp.send(port, RawHttp.request("HEAD", target[0], target[1],
          ""));
      assertThat(head.status()).as("HEAD %s: %s", target[0], head).isEqualTo(get.status());
      java.util.Map<String, String> expected = new java.util.TreeMap<>(get.headers());
      java.util.Map<String, String> got = new java.util.TreeMap<>(head.headers());
      // the framing of a body not sent: Vert.x leaves it out of a HEAD's answer
      for (String unlike : List.of("date", "content-length", "transfer-encoding")) {
        expected.remove(unlike);
        got.remove(unlike);
      }
      assertThat(got).as("HEAD %s", target[0]).isEqualTo(expected)
          .containsKey("x-content-type-options").containsKey("cache-control");
      assertThat(head.body()).as("HEAD %s", target[0]).isEmpty();
    }
  }

  @Test
  void onlyHealthMetricsAndThePagesFilesAreOpen() {
    int port = api.server.port();
    for (String open : List.of("/health", "/health/live", "/metrics", "//health",
        "/./metrics", "/", "/assets/index.js", "/assets/index.css", "/api/v1/docs",
        "/api/v1/x/../docs", "/assets/api-docs/swagger-ui-bundle.js", "/api/v1/docs/",
        "/health/")) {
      assertThat(RawHttp.send(port, RawHttp.request("GET", open, "", "")).status())
          .as(open).isEqualTo(200);
    }
    for (String closed : List.of("/api", "/api/v1", "/no-such-thing", "/healthz",
        "/health/../api/v1/presets", "/metrics/x", "/assets", "/assets/",
        "/assets/../api/v1/presets", "/index.html", "/api/v1/docs/x",
        "/api/v1/docs/../openapi.yaml", "/api/v1/openapi.yaml", "/api/v1/presets/",
        "/api/v1/openapi.yaml/")) {
      RawHttp.Response response = RawHttp.send(port, RawHttp.request("GET", closed, "", ""));
      assertThat(response.status()).as("%s: %s", closed, response).isEqualTo(401);
      assertThat(response.isProblem()).isTrue();
    }
    // %2F is not decoded: the path stays under /assets/, open, and names no file.
    RawHttp.Response encoded = RawHttp.send(port, RawHttp.request("GET",
        "/assets/..%2Fapi/v1/presets", "", ""));
    assertThat(encoded.status()).as("%s", encoded).isEqualTo(404);
    assertThat(encoded.isProblem()).isTrue();
    RawHttp.Response wrong = RawHttp.send(port, RawHttp.request("GET", "/api/v1/presets",
        "Authorization: Bearer " + TOKEN + "x\r\n", ""));
    assertThat(wrong.status()).isEqualTo(401);
    RawHttp.Response prefix = RawHttp.send(port, RawHttp.request("GET", "/api/v1/presets",
        "Authorization: Bearer " + TOKEN.substring(0, 3) + "\r\n", ""));
    assertThat(prefix.status()).isEqualTo(401);
  }
}
