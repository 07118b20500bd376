package org.caseload.api;

import static org.assertj.core.api.Assertions.assertThat;

import io.vertx.core.json.JsonObject;
import java.time.Duration;
import java.util.Map;
import org.junit.jupiter.api.Test;

/**
 * {@code .../results} chooses CSV by {@code Accept} as RFC 9110 reads it: media types in any
 * case, {@code q} weights honoured (a type at {@code q=0} is refused, the heavier of JSON and
 * CSV wins, JSON on a tie or when neither is named). The header had been read as "starts with
 * text/csv": {@code text/csv;q=0} got CSV, {@code application/json;q=0.1, text/csv} JSON, and
 * {@code TEXT/CSV} JSON.
 */
class ResultsAcceptApiTest extends ServerPerClass {

  @Test
  void acceptIsNegotiatedWithItsWeights() {
    String location = api.submit("/api/v1/runs", new JsonObject().put("preset",
        "synthetic-small").put("replications", 8).put("months", 2));
    assertThat(api.awaitEnd(location, Duration.ofSeconds(60)).getString("status"))
        .isEqualTo("succeeded");
    Map<String, String> expected = Map.ofEntries(
        Map.entry("text/csv", "text/csv"),
        Map.entry("TEXT/CSV", "text/csv"),
        Map.entry("text/csv; charset=utf-8", "text/csv"),
        Map.entry("application/json;q=0.1, text/csv", "text/csv"),
        Map.entry("application/json;q=0.5, text/csv;q=0.9", "text/csv"),
        Map.entry("text/*", "text/csv"),
        Map.entry("text/csv;q=0", "application/json"),
        Map.entry("text/csv;q=0, application/json", "application/json"),
        Map.entry("text/csv;q=0.5, application/json", "application/json"),
        Map.entry("application/json, text/csv", "application/json"),
        Map.entry("text/csv, application/json", "application/json"),
        Map.entry("text/csvx", "application/json"),
        Map.entry("text/csv;q=0, */*", "application/json"),
        Map.entry("*/*", "application/json"),
        Map.entry("application/xml", "application/json"),
        // weights as Vert.x reads them: clamped to 0..1, one that is not a number as 1
        Map.entry("text/csv;q=abc", "text/csv"),
        Map.entry("text/csv;q=NaN", "application/json"),
        Map.entry("text/csv;q=2", "text/csv"),
        Map.entry("text/csv;q=-1", "application/json"),
        Map.entry(";;;,,,/", "application/json"));
    expected.forEach((accept, type) -> assertThat(api.client.get(location + "/results")
        .putHeader("Accept", accept).send().await().getHeader("Content-Type")).as(accept)
        .startsWith(type));
    // ?format says it outright, whatever Accept says
    assertThat(api.client.get(location + "/results?format=json").putHeader("Accept",
        "text/csv").send().await().getHeader("Content-Type")).startsWith("application/json");
  }
}
