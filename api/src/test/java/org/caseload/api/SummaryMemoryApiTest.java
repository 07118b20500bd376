package org.caseload.api;

import static org.assertj.core.api.Assertions.assertThat;
import static org.caseload.api.ProblemAssertions.assertBadField;

import io.vertx.core.Vertx;
import io.vertx.core.json.JsonArray;
import io.vertx.core.json.JsonObject;
import io.vertx.junit5.VertxExtension;
import java.nio.file.Files;
import java.nio.file.Path;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestInstance;
import org.junit.jupiter.api.extension.ExtendWith;

/**
 * Requests whose summaries would not fit the server's memory even on one thread are refused
 * before anything is stored or queued (a 400 naming the field), where they had run the server
 * out of memory and stopped it with every run in it: a comparison of ten variants at 100,000
 * replications over 120 months (about 1.8 GiB of tallies on one thread), and a scenario of
 * 2,000 local teams (a 591 KB body; here 400, as a body may hold at most 10,000 values). One
 * that fits on fewer threads than the server's runs on them. The server here gives its runs'
 * summaries 512 MiB (one slot), as a 1 GiB server of the default serve options gives about
 * 614 MiB.
 */
@ExtendWith(VertxExtension.class)
@TestInstance(TestInstance.Lifecycle.PER_CLASS)
class SummaryMemoryApiTest {

  private static final long BUDGET = 512L << 20;

  private TestServer api;

  @BeforeAll
  void start(Vertx vertx) {
    api = TestServer.start(vertx, c -> c.withLimits(new Limits(100_000, 120, 1 << 20,
        Limits.DEFAULT_SWEEP_REPLICATIONS, BUDGET)).withRuns(1, 4, 2));
  }

  @AfterAll
  void stop() {
    if (api != null) {
      api.close();
    }
  }

  private static JsonObject comparison(int variants, int replications, int months) {
    JsonArray list = new JsonArray();
    for (int i = 0; i < variants; i++) {
      list.add(new JsonObject().put("interventions", new JsonArray().add(new JsonObject()
          .put("type", "posts").put("startMonth", 1).put("team", "assessment")
          .put("fte", i + 1))));
    }
    return new JsonObject().put("baseline", new JsonObject().put("preset", "medway-2019"))
        .put("variants", list).put("replications", replications).put("months", months);
  }

  @Test
  void tenVariantsAtTheLimits_areRefusedNamingVariants() {
    assertBadField(api.post("/api/v1/comparisons", comparison(10, 100_000, 120)), "variants",
        "the run is too large for this server: its summaries would take about");
    // one variant: about 230 MiB on one thread (it runs on as many as fit)
    String fits = api.submit("/api/v1/comparisons", comparison(1, 100_000, 120));
    assertThat(api.delete(fits).statusCode()).isIn(202, 409);
  }

  @Test
  void aSmallerComparison_isAccepted() {
    String location = api.submit("/api/v1/comparisons", comparison(10, 200, 12));
    assertThat(location).contains("/api/v1/comparisons/");
    assertThat(api.delete(location).statusCode()).isIn(202, 409);
  }

  @Test
  void fourHundredLocalTeams_areRefusedNamingMonths() throws Exception {
    JsonObject scenario = new JsonObject(Files.readString(Path.of("..", "examples",
        "medway-2019-localities.json")));
    JsonArray teams = scenario.getJsonArray("teams");
    JsonObject template = teams.getJsonObject(1);
    JsonArray many = new JsonArray().add(teams.getJsonObject(0));
    for (int i = 0; i < 400; i++) {
      many.add(template.copy().put("name", "t" + i).put("establishment", 1)
          .put("permanent", new JsonArray()).put("agencyWorkers", 0).put("pipeline", 0)
          .put("demandShare", 1.0 / 400).put("cases", new JsonObject().put("assessment", 0)
              .put("childProtection", 0).put("lookedAfter", 0).put("childInNeed", 0)));
    }
    scenario.put("teams", many);
    assertBadField(api.post("/api/v1/runs", new JsonObject().put("scenario", scenario)
        .put("replications", 100).put("months", 120)), "months",
        "the run is too large for this server");
  }
}
