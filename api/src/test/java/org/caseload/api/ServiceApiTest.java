package org.caseload.api;

import static org.assertj.core.api.Assertions.assertThat;
import static org.caseload.api.ProblemAssertions.assertBadField;
import static org.caseload.api.ProblemAssertions.assertProblem;

import io.vertx.core.buffer.Buffer;
import io.vertx.core.json.JsonObject;
import io.vertx.ext.web.client.HttpResponse;
import java.time.Duration;
import org.caseload.sim.presets.Presets;
import org.junit.jupiter.api.Test;

/**
 * Presets, calibrations, the contract, health and metrics; and what any client may send
 * wrong: malformed JSON, wrong types, unknown fields, huge numbers, wrong content types,
 * unknown paths and methods. All are problems, never a 500.
 */
class ServiceApiTest extends ServerPerClass {

  @Test
  void presetsAreListedAndServedAsShipped() {
    JsonObject list = api.get("/api/v1/presets").bodyAsJsonObject();
    assertThat(list.getJsonArray("items").size()).isEqualTo(Presets.names().size());
    // a calibrated preset says what it was calibrated from (the page asks for its notes
    // with it); a hand-made example does not
    for (Object o : list.getJsonArray("items")) {
      JsonObject item = (JsonObject) o;
      JsonObject from = item.getJsonObject("calibratedFrom");
      assertThat(from != null).as(item.getString("name"))
          .isEqualTo(Presets.calibratedNames().contains(item.getString("name")));
      if (item.getString("name").equals("medway-2019")) {
        assertThat(from).isEqualTo(new JsonObject().put("la", "Medway").put("year", 2019)
            .put("months", 36));
      }
    }
    HttpResponse<Buffer> medway = api.get("/api/v1/presets/medway-2019");
    assertThat(medway.statusCode()).isEqualTo(200);
    assertThat(medway.bodyAsString()).isEqualTo(Presets.json("medway-2019").orElseThrow());
    assertThat(assertProblem(api.get("/api/v1/presets/medway"), 404)).containsExactly("name");
  }

  @Test
  void calibrationOfMedway2019IsThePreset() {
    HttpResponse<Buffer> response = api.post("/api/v1/calibrations",
        new JsonObject().put("la", "Medway").put("year", 2019).put("months", 36));
    assertThat(response.statusCode()).as(response.bodyAsString()).isEqualTo(200);
    JsonObject body = response.bodyAsJsonObject();
    assertThat(body.getJsonObject("scenario"))
        .isEqualTo(new JsonObject(Presets.json("medway-2019").orElseThrow()));
    assertThat(body.getJsonArray("notes")).isNotEmpty();
    assertThat(body.getJsonArray("yearsRead")).contains(2019);

    assertThat(assertProblem(api.post("/api/v1/calibrations",
        new JsonObject().put("la", "Atlantis").put("year", 2019)), 404)).containsExactly("la");
    // a name two councils have had is the one with a return that year (Dorset 2018: the
    // county council's; by name alone it had been the unitary council, with none that year)
    HttpResponse<Buffer> dorset = api.post("/api/v1/calibrations",
        new JsonObject().put("la", "Dorset").put("year", 2018));
    assertThat(dorset.statusCode()).as(dorset.bodyAsString()).isEqualTo(200);
    assertThat(dorset.bodyAsJsonObject().getJsonArray("yearsRead")).contains(2018);
    assertBadField(api.post("/api/v1/calibrations",
        new JsonObject().put("la", "Medway").put("year", 2031)), "year", "");
    // the years a scenario's base date may have, for a calibration as for a sweep
    assertBadField(api.post("/api/v1/calibrations",
        new JsonObject().put("la", "Medway").put("year", 1999)), "year", "2000");
    assertBadField(api.post("/api/v1/sweeps", new JsonObject().put("year", 1999)), "year",
        "2000");
    assertBadField(api.post("/api/v1/calibrations", new JsonObject().put("la", "Medway")),
        "year", "required");
    // a year with no return blames the year; a return published only jointly, the council
    assertBadField(api.post("/api/v1/calibrations",
        new JsonObject().put("la", "Medway").put("year", 2015)), "year",
        "Medway 2015: the workforce return is not published for that year");
    assertBadField(api.post("/api/v1/calibrations",
        new JsonObject().put("la", "West Northamptonshire").put("year", 2021)), "la",
        "published only jointly with North Northamptonshire");
    // agency FTE suppressed in the return: estimated from the headcount, and said
    HttpResponse<Buffer> westminster = api.post("/api/v1/calibrations",
        new JsonObject().put("la", "Westminster").put("year", 2022));
    assertThat(westminster.statusCode()).as(westminster.bodyAsString()).isEqualTo(200);
    assertThat(westminster.bodyAsJsonObject().getJsonArray("notes").encode())
        .contains("agency FTE: not published for 2022; estimated as 4.6");
  }

  @Test
  void actualsAreTheWorkforceCensusByYearWithRatesAsFractions() {
    HttpResponse<Buffer> response = api.get("/api/v1/actuals?la=Medway");
    assertThat(response.statusCode()).as(response.bodyAsString()).isEqualTo(200);
    JsonObject body = response.bodyAsJsonObject();
    assertThat(body.getString("area")).isEqualTo("Medway");
    JsonObject y2019 = body.getJsonArray("years").stream().map(JsonObject.class::cast)
        .filter(y -> y.getInteger("year") == 2019).findFirst().orElseThrow();
    // data/dfe/csww_indicators_2017_to_2022.csv, Medway 2019: 162.1 in post, caseload
    // 20.3, vacancy rate 20.4%, agency rate 29.7% (the calibration's first note says so too)
    assertThat(y2019.getString("date")).isEqualTo("2019-09-30");
    assertThat(y2019.getDouble("inPostFte")).isEqualTo(162.1);
    assertThat(y2019.getDouble("caseload")).isEqualTo(20.3);
    assertThat(y2019.getDouble("vacancyRate")).isEqualTo(0.204);
    assertThat(y2019.getDouble("agencyRate")).isEqualTo(0.297);

    // Kensington and Chelsea 2022: the agency FTE and rate withheld ('x'), the turnover rate
    // published (11.9%); a withheld rate had been sent as 0, drawn on the page as 'published 0%'
    JsonObject kc2022 = api.get("/api/v1/actuals?la=Kensington%20and%20Chelsea")
        .bodyAsJsonObject().getJsonArray("years").stream().map(JsonObject.class::cast)
        .filter(y -> y.getInteger("year") == 2022).findFirst().orElseThrow();
    assertThat(kc2022.containsKey("agencyRate")).isTrue();
    assertThat(kc2022.getValue("agencyRate")).as("agencyRate withheld").isNull();
    assertThat(kc2022.getValue("agencyFte")).as("agencyFte withheld").isNull();
    assertThat(kc2022.getDouble("turnoverRate")).isEqualTo(0.119);

    assertThat(body.getJsonArray("publishedJointlyAs")).isEmpty();

    // North Northamptonshire's return is published with West Northamptonshire's from 2021: its
    // own years are none, and the answer names where they are (it had said nothing)
    JsonObject north = api.get("/api/v1/actuals?la=North%20Northamptonshire").bodyAsJsonObject();
    assertThat(north.getJsonArray("years")).isEmpty();
    JsonObject joint = north.getJsonArray("publishedJointlyAs").getJsonObject(0);
    assertThat(joint.getString("area"))
        .isEqualTo("North Northamptonshire / West Northamptonshire");
    JsonObject jointYears = api.get("/api/v1/actuals?la=" + java.net.URLEncoder.encode(
        joint.getString("area"), java.nio.charset.StandardCharsets.UTF_8)).bodyAsJsonObject();
    assertThat(jointYears.getJsonArray("years")).isNotEmpty();

    assertThat(assertProblem(api.get("/api/v1/actuals?la=Atlantis"), 404)).containsExactly("la");
    assertThat(assertProblem(api.get("/api/v1/actuals"), 400)).containsExactly("la");
  }

  @Test
  void thePlannersPageAndItsAssetsAreServedFromTheJar() {
    HttpResponse<Buffer> page = api.get("/");
    assertThat(page.statusCode()).isEqualTo(200);
    assertThat(page.getHeader("Content-Type")).startsWith("text/html");
    assertThat(page.getHeader("Content-Security-Policy")).contains("default-src 'self'");
    assertThat(page.bodyAsString()).contains("<script type=\"module\" crossorigin src=\"/assets/index.js\">");
    assertThat(api.get("/assets/index.js").statusCode()).isEqualTo(200);
    HttpResponse<Buffer> docs = api.get("/api/v1/docs");
    assertThat(docs.statusCode()).isEqualTo(200);
    assertThat(docs.bodyAsString()).contains("/assets/api-docs/swagger-ui-bundle.js");
    assertThat(assertProblem(api.get("/assets/no-such-file.js"), 404)).containsExactly("path");
  }

  @Test
  void aPageFileAskedWithATrailingSlashIsNotFound() {
    for (String path : new String[] {"/assets/index.js/", "/assets/index.css/",
        "/assets/api-docs/init.js/", "/assets/api-docs/swagger-ui.css/", "/app.js/"}) {
      assertThat(assertProblem(api.get(path), 404)).as(path).containsExactly("path");
    }
    assertThat(api.get("/assets/index.js").statusCode()).isEqualTo(200);
  }

  @Test
  void contractIsServedAndHealthAndMetricsReport() {
    HttpResponse<Buffer> contract = api.get("/api/v1/openapi.yaml");
    assertThat(contract.statusCode()).isEqualTo(200);
    assertThat(contract.bodyAsString()).startsWith("openapi: 3.1.0").contains("/api/v1/runs:");

    HttpResponse<Buffer> health = api.get("/health");
    assertThat(health.statusCode()).isEqualTo(200);
    assertThat(health.bodyAsJsonObject().getJsonObject("checks").getString("database"))
        .isEqualTo("up");
    assertThat(api.get("/health/live").statusCode()).isEqualTo(200);

    String run = api.submit("/api/v1/runs", new JsonObject().put("preset", "synthetic-small")
        .put("replications", 64).put("months", 3));
    api.awaitEnd(run, Duration.ofSeconds(60));
    String metrics = api.metrics();
    assertThat(metrics).contains("vertx_http_server_requests_total",
        "vertx_http_server_response_time_seconds_bucket", "caseload_runs_queued ",
        "caseload_runs_running ", "caseload_replications_per_second ",
        "caseload_runs_ended_total{status=\"succeeded\"}");
    assertThat(metrics).containsPattern("caseload_replications_total [1-9][0-9]");
    // Sizes are counted and summed but not bucketed (276 buckets per series made /metrics
    // about 2 MB); response times keep their histogram.
    assertThat(metrics).contains("vertx_http_server_response_bytes_count")
        .doesNotContain("vertx_http_server_response_bytes_bucket")
        .doesNotContain("vertx_http_server_request_bytes_bucket");
  }

  @Test
  void badRequestsAreProblemsNamingTheFieldNever500() {
    assertBadField(api.post("/api/v1/scenarios", "{\"scenario\": {"), "body",
        "not valid JSON");
    assertBadField(api.post("/api/v1/scenarios", "[1,2]"), "body", "");
    assertBadField(api.post("/api/v1/scenarios", "{\"scenario\": 5}"), "scenario", "");
    assertBadField(api.post("/api/v1/scenarios",
        "{\"scenario\": {}, \"extra\": true}"), "extra", "not a known field");
    assertBadField(api.post("/api/v1/runs",
        "{\"preset\":\"medway-2019\",\"replications\":1e999}"), "replications", "");
    assertBadField(api.post("/api/v1/runs",
        "{\"preset\":\"medway-2019\",\"seed\":123456789012345678901234567890}"), "seed", "");
    assertBadField(api.post("/api/v1/runs",
        "{\"preset\":\"medway-2019\",\"replications\":\"many\"}"), "replications", "");
    assertBadField(api.post("/api/v1/runs",
        "{\"preset\":\"medway-2019\",\"preset\":\"synthetic-small\"}"), "body",
        "duplicate key 'preset'");
    String scenario = ScenarioApiTest.scenario("huge").put("horizonMonths", 1e300).encode();
    assertBadField(api.post("/api/v1/scenarios", "{\"scenario\":" + scenario + "}"),
        "scenario.horizonMonths", "");
    assertBadField(api.post("/api/v1/scenarios", ""), "body", "");

    HttpResponse<Buffer> text = api.client.post("/api/v1/scenarios")
        .putHeader("Content-Type", "text/plain").sendBuffer(Buffer.buffer("{}")).await();
    assertThat(assertProblem(text, 415)).containsExactly("Content-Type");
    assertProblem(api.get("/api/v1/no-such-thing"), 404);
    assertProblem(api.client.patch("/api/v1/scenarios").send().await(), 405);
    assertProblem(api.post("/api/v1/scenarios",
        "{\"scenario\":\"" + "x".repeat(1_100_000) + "\"}"), 413);
  }
}
