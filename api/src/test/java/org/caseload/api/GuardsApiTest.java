package org.caseload.api;

import static org.assertj.core.api.Assertions.assertThat;
import static org.caseload.api.ProblemAssertions.assertBadField;
import static org.caseload.api.ProblemAssertions.assertProblem;

import io.vertx.core.Vertx;
import io.vertx.core.buffer.Buffer;
import io.vertx.core.json.JsonObject;
import io.vertx.ext.web.client.HttpResponse;
import io.vertx.junit5.VertxExtension;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;

/** The bearer token and the configurable limits. */
@ExtendWith(VertxExtension.class)
class GuardsApiTest {

  @Test
  void everyApiCallNeedsTheTokenWhenOneIsSet(Vertx vertx) {
    try (TestServer api = TestServer.start(vertx, c -> c.withToken("s3cret-token"))) {
      HttpResponse<Buffer> none = api.client.get("/api/v1/presets").send().await();
      assertThat(assertProblem(none, 401)).containsExactly("Authorization");
      assertThat(none.getHeader("WWW-Authenticate")).startsWith("Bearer");
      assertProblem(api.client.get("/api/v1/presets").bearerTokenAuthentication("wrong")
          .send().await(), 401);
      assertProblem(api.client.post("/api/v1/runs").sendJsonObject(
          new JsonObject().put("preset", "synthetic-small")).await(), 401);
      assertProblem(api.client.get("/api/v1/openapi.yaml").send().await(), 401);
      assertProblem(api.client.get("/api/v1/scenarios/00000000-0000-4000-8000-000000000000")
          .send().await(), 401);

      assertProblem(api.client.get("/api/v1/presets").putHeader("Authorization", "Basic abc")
          .send().await(), 401);
      assertThat(api.get("/api/v1/presets").statusCode()).isEqualTo(200);
      assertThat(api.client.get("/api/v1/presets")
          .putHeader("Authorization", "bearer s3cret-token").send().await().statusCode())
          .as("the scheme is case-insensitive").isEqualTo(200);
      HttpResponse<Buffer> contract = api.get("/api/v1/openapi.yaml");
      assertThat(contract.statusCode()).as(contract.bodyAsString()).isEqualTo(200);
      assertThat(api.client.get("/health").send().await().statusCode()).isEqualTo(200);
      assertThat(api.client.get("/metrics").send().await().statusCode()).isEqualTo(200);
    }
  }

  /**
   * A council's name that is not plain text (a bidi override, a C1 control, a line separator)
   * is refused naming {@code la}, as in a body or a path: the 404 had echoed it raw.
   */
  @Test
  void aCouncilNameThatIsNotPlainText_isRefusedNamingLa(Vertx vertx) {
    try (TestServer api = TestServer.start(vertx, c -> c)) {
      for (String la : new String[] {"%E2%80%AEevil%E2%80%AC", "%C2%85x", "%C2%9Bx", "x%E2%80%A8y"}) {
        HttpResponse<Buffer> response = api.get("/api/v1/actuals?la=" + la);
        assertBadField(response, "la", "U+");
        assertThat(response.bodyAsString()).as(la).doesNotContain("\u202e").doesNotContain("\u202E")
            .doesNotContain("‮").doesNotContain("").doesNotContain(" ");
      }
      assertThat(api.get("/api/v1/actuals?la=Medway").statusCode()).isEqualTo(200);
    }
  }

  /**
   * A query value whose decoded text has a % (sent as %25) is that text, refused or answered by
   * its own parameter's rules: it had been refused as "body is not valid here" on a GET with no
   * body (the contract's validator decoding it a second time).
   */
  @Test
  void aPercentSignInAQueryValue_isReadOnce(Vertx vertx) {
    try (TestServer api = TestServer.start(vertx, c -> c)) {
      assertBadField(api.get("/api/v1/actuals?la=100%25"), "la", "must not contain a % sign");
      assertBadField(api.get("/api/v1/scenarios?limit=5%25"), "limit", "");
      String run = api.submit("/api/v1/runs", new io.vertx.core.json.JsonObject()
          .put("preset", "synthetic-small").put("replications", 10).put("months", 3));
      assertBadField(api.get(run + "?wait=%25"), "wait", "");
      assertBadField(api.get(run + "/results?format=csv%25"), "format", "");
    }
  }

  /** A query parameter given twice is refused, whichever comes first (both orders were read). */
  @Test
  void aQueryParameterGivenTwice_isRefusedByName(Vertx vertx) {
    try (TestServer api = TestServer.start(vertx, c -> c)) {
      assertBadField(api.get("/api/v1/scenarios?limit=3&limit=99"), "limit", "given once");
      assertBadField(api.get("/api/v1/scenarios?limit=99&limit=3"), "limit", "given once");
      assertBadField(api.get("/api/v1/actuals?la=Medway&la=Kent"), "la", "given once");
      assertThat(api.get("/api/v1/scenarios?limit=3&offset=0").statusCode()).isEqualTo(200);
      // an expectation the server does not meet is a 417 that says so, not a 400
      HttpResponse<Buffer> expect = api.client.post("/api/v1/runs").putHeader("Expect", "foo")
          .putHeader("Content-Type", "application/json")
          .sendBuffer(Buffer.buffer("{\"preset\":\"synthetic-small\"}")).await();
      assertThat(assertProblem(expect, 417)).containsExactly("Expect");
    }
  }

  @Test
  void limitsAreConfigurable(Vertx vertx) {
    Limits limits = new Limits(500, 24, 4096);
    try (TestServer api = TestServer.start(vertx, c -> c.withLimits(limits))) {
      assertBadField(api.post("/api/v1/runs",
          "{\"preset\":\"synthetic-small\",\"replications\":501}"), "replications", "500");
      assertBadField(api.post("/api/v1/runs",
          "{\"preset\":\"synthetic-small\",\"months\":25}"), "months", "24");
      // medway-2019's own horizon (36 months) is beyond this server's limit
      assertBadField(api.post("/api/v1/runs", "{\"preset\":\"medway-2019\"}"), "months",
          "limit of 24");
      // a calibration's months and a sweep's are bounded by the same limit
      assertBadField(api.post("/api/v1/calibrations",
          "{\"la\":\"Medway\",\"year\":2019,\"months\":25}"), "months", "between 1 and 24");
      assertBadField(api.post("/api/v1/sweeps", "{\"year\":2019,\"months\":25}"), "months",
          "between 1 and 24");
      HttpResponse<Buffer> large = api.post("/api/v1/scenarios",
          "{\"scenario\":\"" + "x".repeat(5000) + "\"}");
      assertProblem(large, 413);
      assertThat(large.bodyAsJsonObject().getString("detail")).contains("4096 bytes");
      assertThat(api.post("/api/v1/runs",
          "{\"preset\":\"synthetic-small\",\"replications\":500,\"months\":24}").statusCode())
          .isEqualTo(202);
    }
  }
}
