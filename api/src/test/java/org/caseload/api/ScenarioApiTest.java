package org.caseload.api;

import static org.assertj.core.api.Assertions.assertThat;
import static org.caseload.api.ProblemAssertions.assertBadField;
import static org.caseload.api.ProblemAssertions.assertProblem;

import io.vertx.core.buffer.Buffer;
import io.vertx.core.json.JsonArray;
import io.vertx.core.json.JsonObject;
import io.vertx.ext.web.client.HttpResponse;
import java.util.List;
import org.caseload.core.scenario.InvalidScenarioException;
import org.caseload.core.scenario.Problem;
import org.caseload.core.scenario.ScenarioJson;
import org.caseload.sim.presets.Presets;
import org.junit.jupiter.api.Test;

/** {@code /scenarios}: create, list in pages, get, update with versions, delete. */
class ScenarioApiTest extends ServerPerClass {

  static JsonObject scenario(String name) {
    return new JsonObject(Presets.json("synthetic-small").orElseThrow()).put("name", name);
  }

  private HttpResponse<Buffer> create(String name) {
    return api.post("/api/v1/scenarios", new JsonObject().put("scenario", scenario(name)));
  }

  @Test
  void createdScenarioIsStoredAsTheCliReadsIt() {
    HttpResponse<Buffer> created = create("stored as read");
    assertThat(created.statusCode()).isEqualTo(201);
    String location = created.getHeader("Location");
    JsonObject body = created.bodyAsJsonObject();
    assertThat(location).isEqualTo("/api/v1/scenarios/" + body.getString("id"));
    assertThat(body.getInteger("version")).isEqualTo(1);

    JsonObject got = api.get(location).bodyAsJsonObject();
    assertThat(got.getString("name")).isEqualTo("stored as read");
    String expected = ScenarioJson.write(ScenarioJson.read(scenario("stored as read").encode()));
    assertThat(new JsonObject(expected)).isEqualTo(got.getJsonObject("scenario"));
  }

  @Test
  void updateNeedsTheCurrentVersionAndStaleOnesGet409() {
    String location = create("versioned").getHeader("Location");
    JsonObject update = new JsonObject().put("version", 1).put("scenario", scenario("renamed"));
    HttpResponse<Buffer> first = api.put(location, update);
    assertThat(first.statusCode()).isEqualTo(200);
    assertThat(first.bodyAsJsonObject().getInteger("version")).isEqualTo(2);
    assertThat(first.bodyAsJsonObject().getString("name")).isEqualTo("renamed");

    HttpResponse<Buffer> stale = api.put(location, update.put("scenario", scenario("lost")));
    assertThat(assertProblem(stale, 409)).containsExactly("version");
    assertThat(assertProblem(api.put(location, update.copy().put("version", 99)), 409))
        .containsExactly("version");
    assertThat(api.get(location).bodyAsJsonObject().getString("name")).isEqualTo("renamed");

    assertBadField(api.put(location, new JsonObject().put("scenario", scenario("x"))),
        "version", "required");
    assertProblem(api.put("/api/v1/scenarios/00000000-0000-4000-8000-000000000000",
        new JsonObject().put("version", 1).put("scenario", scenario("x"))), 404);
  }

  /**
   * A stored scenario keeps the targets its planner set (a saved scenario had reopened without
   * them): as given, replaced by an update, none when none are given; checked as a run of it
   * checks them, before anything is stored.
   */
  @Test
  void targetsAreStoredWithTheScenario_andCheckedAsARunChecksThem() {
    List<String> targets = List.of("caseload <= 18 at month 12", "vacancyRate < 0.15 at month 24");
    HttpResponse<Buffer> created = api.post("/api/v1/scenarios", new JsonObject()
        .put("scenario", scenario("with targets")).put("targets", new JsonArray(targets)));
    assertThat(created.statusCode()).as(created.bodyAsString()).isEqualTo(201);
    assertThat(created.bodyAsJsonObject().getJsonArray("targets").getList()).isEqualTo(targets);
    String location = created.getHeader("Location");
    assertThat(api.get(location).bodyAsJsonObject().getJsonArray("targets").getList())
        .isEqualTo(targets);

    HttpResponse<Buffer> replaced = api.put(location, new JsonObject().put("version", 1)
        .put("scenario", scenario("with targets")).put("targets",
            new JsonArray().add("unallocatedCases == 0 at month 6")));
    assertThat(replaced.statusCode()).isEqualTo(200);
    assertThat(api.get(location).bodyAsJsonObject().getJsonArray("targets").getList())
        .containsExactly("unallocatedCases == 0 at month 6");
    HttpResponse<Buffer> cleared = api.put(location, new JsonObject().put("version", 2)
        .put("scenario", scenario("with targets")));
    assertThat(cleared.bodyAsJsonObject().getJsonArray("targets")).isEmpty();
    assertThat(create("no targets").bodyAsJsonObject().getJsonArray("targets")).isEmpty();

    // hostile: each refused naming the target, nothing stored
    long before = api.get("/api/v1/scenarios").bodyAsJsonObject().getLong("total");
    assertBadField(api.post("/api/v1/scenarios", new JsonObject().put("scenario",
        scenario("x")).put("targets", new JsonArray().add("caseload <= 18 at month 25"))),
        "targets[0]", "month");
    assertBadField(api.post("/api/v1/scenarios", new JsonObject().put("scenario",
        scenario("x")).put("targets", new JsonArray().add("caseload <= 18 at month 2")
            .add("colour <= 3 at month 2"))), "targets[1]", "colour");
    assertBadField(api.post("/api/v1/scenarios", new JsonObject().put("scenario",
        scenario("x")).put("targets", new JsonArray().add("caseload is low"))), "targets[0]",
        "");
    assertProblem(api.post("/api/v1/scenarios", new JsonObject().put("scenario",
        scenario("x")).put("targets", new JsonArray().add(7))), 400);
    assertProblem(api.post("/api/v1/scenarios", new JsonObject().put("scenario",
        scenario("x")).put("targets", "caseload <= 18 at month 2")), 400);
    JsonArray many = new JsonArray();
    for (int i = 0; i < 51; i++) {
      many.add("caseload <= " + i + " at month 2");
    }
    assertProblem(api.post("/api/v1/scenarios", new JsonObject().put("scenario",
        scenario("x")).put("targets", many)), 400);
    assertProblem(api.put(location, new JsonObject().put("version", 3).put("scenario",
        scenario("x")).put("targets", new JsonArray().add("caseload <= 18 at month 99"))), 400);
    assertThat(api.get("/api/v1/scenarios").bodyAsJsonObject().getLong("total"))
        .isEqualTo(before);
    assertThat(api.get(location).bodyAsJsonObject().getInteger("version")).isEqualTo(3);
  }

  /**
   * A stored scenario keeps the replications and seed of its runs (a planner's scenario saved
   * at 500 and 42 had reopened at 1,000 and 1): given, replaced, dropped when not given;
   * checked as a run's, before anything is stored.
   */
  @Test
  void replicationsAndSeedAreStoredWithTheScenario_andCheckedAsARunChecksThem() {
    HttpResponse<Buffer> created = api.post("/api/v1/scenarios", new JsonObject()
        .put("scenario", scenario("with settings")).put("replications", 500).put("seed", 42));
    assertThat(created.statusCode()).as(created.bodyAsString()).isEqualTo(201);
    String location = created.getHeader("Location");
    JsonObject got = api.get(location).bodyAsJsonObject();
    assertThat(got.getLong("replications")).isEqualTo(500);
    assertThat(got.getLong("seed")).isEqualTo(42);
    HttpResponse<Buffer> updated = api.put(location, new JsonObject().put("version", 1)
        .put("scenario", scenario("with settings")).put("seed", -7));
    assertThat(updated.statusCode()).isEqualTo(200);
    got = api.get(location).bodyAsJsonObject();
    assertThat(got.containsKey("replications")).isFalse();
    assertThat(got.getLong("seed")).isEqualTo(-7);
    assertThat(create("no settings").bodyAsJsonObject().containsKey("seed")).isFalse();

    long before = api.get("/api/v1/scenarios").bodyAsJsonObject().getLong("total");
    for (Object bad : new Object[] {0, -1, "500", 2.5, 1e12}) {
      assertBadField(api.post("/api/v1/scenarios", new JsonObject().put("scenario",
          scenario("x")).put("replications", bad)), "replications", "");
    }
    for (Object bad : new Object[] {"42", 4.2}) {
      assertBadField(api.post("/api/v1/scenarios", new JsonObject().put("scenario",
          scenario("x")).put("seed", bad)), "seed", "");
    }
    assertThat(api.get("/api/v1/scenarios").bodyAsJsonObject().getLong("total"))
        .isEqualTo(before);
  }

  /**
   * A stored scenario keeps which of its interventions are assumptions (in the baseline too,
   * as the planners' page marks referral growth), by position: given, replaced, none when not
   * given; each refused position a 400 naming it, before anything is stored (a planner's
   * assumption had come back as a lever of the plan).
   */
  @Test
  void assumptionsAreStoredWithTheScenario_byPosition_andChecked() {
    JsonObject withLevers = scenario("with assumptions").put("interventions", new JsonArray()
        .add(new JsonObject().put("type", "referralGrowth").put("startMonth", 1)
            .put("annualGrowth", 0.08))
        .add(new JsonObject().put("type", "posts").put("startMonth", 1).put("team", "children")
            .put("fte", 2)));
    HttpResponse<Buffer> created = api.post("/api/v1/scenarios", new JsonObject()
        .put("scenario", withLevers).put("assumptions", new JsonArray().add(0)));
    assertThat(created.statusCode()).as(created.bodyAsString()).isEqualTo(201);
    String location = created.getHeader("Location");
    assertThat(api.get(location).bodyAsJsonObject().getJsonArray("assumptions"))
        .isEqualTo(new JsonArray().add(0));
    HttpResponse<Buffer> updated = api.put(location, new JsonObject().put("version", 1)
        .put("scenario", withLevers).put("assumptions", new JsonArray().add(0).add(1)));
    assertThat(updated.statusCode()).as(updated.bodyAsString()).isEqualTo(200);
    assertThat(api.get(location).bodyAsJsonObject().getJsonArray("assumptions"))
        .isEqualTo(new JsonArray().add(0).add(1));
    assertThat(api.get(create("no assumptions").getHeader("Location")).bodyAsJsonObject()
        .getJsonArray("assumptions")).isEmpty();

    long before = api.get("/api/v1/scenarios").bodyAsJsonObject().getLong("total");
    Object[][] bad = {{new JsonArray().add(2), "assumptions[0]"},
        {new JsonArray().add(-1), "assumptions[0]"},
        {new JsonArray().add(1).add(0), "assumptions[1]"},
        {new JsonArray().add(0).add(0), "assumptions[1]"},
        {new JsonArray().add(0.5), "assumptions[0]"},
        {new JsonArray().add("0"), "assumptions[0]"},
        {new JsonArray().addNull(), "assumptions[0]"},
        {"0", "assumptions"}};
    for (Object[] b : bad) {
      assertBadField(api.post("/api/v1/scenarios", new JsonObject().put("scenario", withLevers)
          .put("assumptions", b[0])), (String) b[1], "");
    }
    // a scenario without interventions has nothing to call an assumption
    assertBadField(api.post("/api/v1/scenarios", new JsonObject().put("scenario",
        scenario("x").put("interventions", new JsonArray())).put("assumptions",
            new JsonArray().add(0))), "assumptions[0]", "names no intervention");
    assertThat(api.get("/api/v1/scenarios").bodyAsJsonObject().getLong("total"))
        .isEqualTo(before);
  }

  /**
   * A stored scenario keeps what the calibration it was made from assumed (the calibration's
   * notes), so that the page shows them again when it is reopened (they had been lost, and
   * with them the warning of very uncertain figures): given, replaced, none when not given;
   * each refused note a 400 naming it, before anything is stored.
   */
  @Test
  void calibrationNotesAreStoredWithTheScenario_andChecked() {
    HttpResponse<Buffer> calibrated = api.post("/api/v1/calibrations",
        new JsonObject().put("la", "Medway").put("year", 2019));
    assertThat(calibrated.statusCode()).as(calibrated.bodyAsString()).isEqualTo(200);
    JsonArray notes = calibrated.bodyAsJsonObject().getJsonArray("notes");
    assertThat(notes).isNotEmpty();
    JsonObject scenario = calibrated.bodyAsJsonObject().getJsonObject("scenario");
    HttpResponse<Buffer> created = api.post("/api/v1/scenarios", new JsonObject()
        .put("scenario", scenario).put("calibrationNotes", notes));
    assertThat(created.statusCode()).as(created.bodyAsString()).isEqualTo(201);
    String location = created.getHeader("Location");
    assertThat(api.get(location).bodyAsJsonObject().getJsonArray("calibrationNotes"))
        .isEqualTo(notes);
    JsonArray edited = new JsonArray().add("durations scaled by 0.77 \u00e9 \ud83d\ude00");
    HttpResponse<Buffer> updated = api.put(location, new JsonObject().put("version", 1)
        .put("scenario", scenario).put("calibrationNotes", edited));
    assertThat(updated.statusCode()).as(updated.bodyAsString()).isEqualTo(200);
    assertThat(api.get(location).bodyAsJsonObject().getJsonArray("calibrationNotes"))
        .isEqualTo(edited);
    assertThat(api.put(location, new JsonObject().put("version", 2).put("scenario", scenario))
        .bodyAsJsonObject().getJsonArray("calibrationNotes")).as("none sent: none kept")
        .isEmpty();

    long before = api.get("/api/v1/scenarios").bodyAsJsonObject().getLong("total");
    JsonArray many = new JsonArray();
    for (int i = 0; i < 51; i++) {
      many.add("note " + i);
    }
    Object[][] bad = {{"a note", "calibrationNotes"}, {many, "calibrationNotes"},
        {new JsonArray().add(""), "calibrationNotes[0]"},
        {new JsonArray().add("ok").add("   "), "calibrationNotes[1]"},
        {new JsonArray().add("\u00a0\u200b\u00a0"), "calibrationNotes[0]"},
        {new JsonArray().add("\ud83d\ude00".repeat(2_001)), "calibrationNotes[0]"},
        {new JsonArray().add(3), "calibrationNotes[0]"},
        {new JsonArray().addNull(), "calibrationNotes[0]"},
        {new JsonArray().add(new JsonObject()), "calibrationNotes[0]"},
        {new JsonArray().add("a\u0000b"), "calibrationNotes[0]"},
        {new JsonArray().add("\u202eA nalP"), "calibrationNotes[0]"}};
    for (Object[] b : bad) {
      assertBadField(api.post("/api/v1/scenarios", new JsonObject().put("scenario", scenario)
          .put("calibrationNotes", b[0])), (String) b[1], "");
    }
    // half of a surrogate pair, escaped in the JSON as a client may send it
    assertBadField(api.post("/api/v1/scenarios", "{\"scenario\": " + scenario.encode()
        + ", \"calibrationNotes\": [\"half \\ud83d\"]}"), "calibrationNotes[0]", "");
    // 2,000 characters outside the BMP (4,000 chars) are within the limit
    HttpResponse<Buffer> longest = api.post("/api/v1/scenarios", new JsonObject()
        .put("scenario", scenario.copy().put("name", "longest note"))
        .put("calibrationNotes", new JsonArray().add("\ud83d\ude00".repeat(2_000))));
    assertThat(longest.statusCode()).as(longest.bodyAsString()).isEqualTo(201);
    assertThat(api.get("/api/v1/scenarios").bodyAsJsonObject().getLong("total"))
        .isEqualTo(before + 1);
  }

  /**
   * The planners' page keeps its step 4 ("Decide": the goal-seek's levers, as goal-seek takes
   * them, and its probability) with a saved scenario, so that it reopens with them (they had
   * been lost). Hostile bodies first: each a 400 naming the field, nothing stored; the levers
   * read by goal-seek's own parser against the scenario saved, so a lever a goal-seek of it
   * would refuse is not kept either.
   */
  @Test
  void decideIsStoredWithTheScenario_andChecked() {
    JsonObject scenario = scenario("decide");
    long before = api.get("/api/v1/scenarios").bodyAsJsonObject().getLong("total");
    JsonArray eleven = new JsonArray();
    for (int i = 0; i < 11; i++) {
      eleven.add("posts:children=" + i + ".." + (i + 10) + "/1,start=" + (i + 1));
    }
    JsonArray ok = new JsonArray().add("posts:children=0..6/2");
    Object[][] bad = {
        {"posts:children=0..6", "decide", "must be an object"},
        {new JsonArray().add("posts:children=0..6"), "decide", "must be an object"},
        {new JsonObject(), "decide.levers", "required"},
        {new JsonObject().put("levers", "posts:children=0..6"), "decide.levers", "array"},
        {new JsonObject().put("levers", eleven), "decide.levers", "at most 10"},
        {new JsonObject().put("levers", new JsonArray().add(3)), "decide.levers[0]", "string"},
        {new JsonObject().put("levers", new JsonArray().addNull()), "decide.levers[0]", "string"},
        {new JsonObject().put("levers", new JsonArray().add("")), "decide.levers[0]", "empty"},
        {new JsonObject().put("levers", new JsonArray().add("campaign=1..3").add("   ")),
            "decide.levers[1]", "1 to 500"},
        {new JsonObject().put("levers", new JsonArray().add("campaign=1..3/" + "1".repeat(500))),
            "decide.levers[0]", "at most 500"},
        {new JsonObject().put("levers", new JsonArray().add("posts:nosuch=0..6")),
            "decide.levers[0]", "unknown team 'nosuch'"},
        {new JsonObject().put("levers", new JsonArray().add("campaign=1..3").add("posts:children=6..0")),
            "decide.levers[1]", "strongest first"},
        {new JsonObject().put("levers", new JsonArray().add("campaign=1..1")), "decide.levers[0]",
            "one value"},
        {new JsonObject().put("levers", new JsonArray().add("campaign=1..3/0")), "decide.levers[0]",
            "step must be positive"},
        {new JsonObject().put("levers", new JsonArray().add("campaign=1..3").add("campaign=1..3")),
            "decide.levers[1]", "repeats"},
        {new JsonObject().put("levers", new JsonArray().add("campaign=1..1e999")),
            "decide.levers[0]", "too large"},
        {new JsonObject().put("levers", new JsonArray().add("campaign=NaN..3")),
            "decide.levers[0]", ""},
        {new JsonObject().put("levers", new JsonArray().add("posts:children=0..5/1,start=99")),
            "decide.levers[0]", "start"},
        {new JsonObject().put("levers", new JsonArray().add("\u202ecampaign=1..3")),
            "decide.levers[0]", ""},
        {new JsonObject().put("levers", ok).put("probability", 0), "decide.probability",
            "above 0"},
        {new JsonObject().put("levers", ok).put("probability", 1), "decide.probability",
            "below 1"},
        {new JsonObject().put("levers", ok).put("probability", -0.5), "decide.probability", ""},
        {new JsonObject().put("levers", ok).put("probability", 80), "decide.probability", ""},
        {new JsonObject().put("levers", ok).put("probability", "0.8"), "decide.probability", ""},
        {new JsonObject().put("levers", ok).put("probability", true), "decide.probability", ""},
        {new JsonObject().put("levers", ok).put("p", 0.8), "decide.p", "not a known field"}};
    for (Object[] b : bad) {
      assertBadField(api.post("/api/v1/scenarios", new JsonObject().put("scenario", scenario)
          .put("decide", b[0])), (String) b[1], (String) b[2]);
    }
    // written in the JSON as a client may send it: half a surrogate pair, a number too large
    assertBadField(api.post("/api/v1/scenarios", "{\"scenario\": " + scenario.encode()
        + ", \"decide\": {\"levers\": [\"campaign=1..3 \\ud83d\"]}}"), "decide.levers[0]", "");
    assertBadField(api.post("/api/v1/scenarios", "{\"scenario\": " + scenario.encode()
        + ", \"decide\": {\"levers\": [], \"probability\": 1e999}}"), "decide.probability", "");
    assertThat(api.get("/api/v1/scenarios").bodyAsJsonObject().getLong("total"))
        .as("nothing refused is stored").isEqualTo(before);

    JsonObject decide = new JsonObject().put("levers", new JsonArray()
        .add("posts:children=0..6/2").add("campaign=1..3/1").add("retention=1..0.8/0.1"))
        .put("probability", 0.8);
    HttpResponse<Buffer> created = api.post("/api/v1/scenarios", new JsonObject()
        .put("scenario", scenario).put("decide", decide));
    assertThat(created.statusCode()).as(created.bodyAsString()).isEqualTo(201);
    assertThat(created.bodyAsJsonObject().getJsonObject("decide")).isEqualTo(decide);
    String location = created.getHeader("Location");
    assertThat(api.get(location).bodyAsJsonObject().getJsonObject("decide")).isEqualTo(decide);
    JsonObject leversAlone = new JsonObject().put("levers", new JsonArray());
    HttpResponse<Buffer> updated = api.put(location, new JsonObject().put("version", 1)
        .put("scenario", scenario).put("decide", leversAlone));
    assertThat(updated.statusCode()).as(updated.bodyAsString()).isEqualTo(200);
    assertThat(api.get(location).bodyAsJsonObject().getJsonObject("decide"))
        .as("no levers and no probability are kept as such").isEqualTo(leversAlone);
    JsonObject none = api.put(location, new JsonObject().put("version", 2)
        .put("scenario", scenario)).bodyAsJsonObject();
    assertThat(none.containsKey("decide")).as("none sent: none kept, %s", none).isFalse();
    assertThat(api.get(create("older").getHeader("Location")).bodyAsJsonObject()
        .containsKey("decide")).as("a scenario saved without it has none").isFalse();
  }

  @Test
  void invalidScenarioIsRefusedWithTheCliValidatorsProblems() {
    JsonObject bad = scenario("bad").put("horizonMonths", -3).put("colour", "red");
    List<Problem> expected;
    try {
      ScenarioJson.read(bad.encode());
      throw new AssertionError("the scenario should be invalid");
    } catch (InvalidScenarioException e) {
      expected = e.problems();
    }
    HttpResponse<Buffer> response = api.post("/api/v1/scenarios",
        new JsonObject().put("scenario", bad));
    List<String> fields = assertProblem(response, 400);
    assertThat(fields).containsExactlyElementsOf(
        expected.stream().map(p -> "scenario." + p.path()).toList());
    assertThat(fields).contains("scenario.horizonMonths", "scenario.colour");
  }

  /**
   * A name with a right-to-left override ("Plan A" that a page would show reversed) is refused
   * as a control character is, and the reason echoes no override (a security review).
   */
  @Test
  void bidirectionalOverridesInNames_areRefused() {
    HttpResponse<Buffer> response = api.post("/api/v1/scenarios",
        new JsonObject().put("scenario", scenario("Plan \u202eA nalP")));
    assertBadField(response, "scenario.name", "must not contain control characters, had U+202E");
    assertThat(response.bodyAsString()).doesNotContain("\u202e");
  }

  /**
   * A name mixing Latin with Cyrillic letters, which look alike, is refused naming the letter
   * ("Plan A" with a Cyrillic A had been saved beside "Plan A", the two read as one), and
   * nothing is stored; a name all Cyrillic is a name.
   */
  @Test
  void aNameMixingLettersThatLookAlike_isRefused() {
    assertThat(create("Plan A").statusCode()).isEqualTo(201);
    long before = api.get("/api/v1/scenarios").bodyAsJsonObject().getLong("total");
    assertBadField(create("Plan \u0410"), "scenario.name",
        "must not mix Latin and Cyrillic letters, which look alike, had U+0410");
    assertThat(api.get("/api/v1/scenarios").bodyAsJsonObject().getLong("total"))
        .isEqualTo(before);
    assertThat(create("\u041f\u043b\u0430\u043d \u0410").statusCode()).isEqualTo(201);
  }

  @Test
  void listIsPagedOldestFirst() {
    for (int i = 0; i < 5; i++) {
      create("page " + i);
    }
    JsonObject all = api.get("/api/v1/scenarios?limit=100").bodyAsJsonObject();
    long total = all.getLong("total");
    assertThat(total).isGreaterThanOrEqualTo(5);
    assertThat(all.getJsonArray("items").size()).isEqualTo((int) total);
    assertThat(all.getValue("next")).isNull();

    JsonObject page = api.get("/api/v1/scenarios?limit=2&offset=1").bodyAsJsonObject();
    JsonArray items = page.getJsonArray("items");
    assertThat(items.size()).isEqualTo(2);
    assertThat(items.getJsonObject(0).getString("id"))
        .isEqualTo(all.getJsonArray("items").getJsonObject(1).getString("id"));
    assertThat(items.getJsonObject(0).containsKey("scenario")).isFalse();
    assertThat(page.getString("next")).isEqualTo("/api/v1/scenarios?limit=2&offset=3");

    JsonObject beyond = api.get("/api/v1/scenarios?limit=2&offset=1000").bodyAsJsonObject();
    assertThat(beyond.getJsonArray("items")).isEmpty();
    assertThat(beyond.getLong("total")).isEqualTo(total);

    assertBadField(api.get("/api/v1/scenarios?limit=0"), "limit", "");
    assertBadField(api.get("/api/v1/scenarios?limit=101"), "limit", "");
    assertBadField(api.get("/api/v1/scenarios?limit=abc"), "limit", "");
  }

  @Test
  void deleteRemovesTheScenario() {
    String location = create("doomed").getHeader("Location");
    assertThat(api.delete(location).statusCode()).isEqualTo(204);
    assertProblem(api.get(location), 404);
    assertProblem(api.delete(location), 404);
    assertBadField(api.get("/api/v1/scenarios/not-a-uuid"), "scenarioId", "");
  }
}
