package org.caseload.api.http;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import com.fasterxml.jackson.databind.util.RawValue;
import io.vertx.ext.web.RoutingContext;
import java.util.ArrayList;
import java.util.List;
import java.util.UUID;
import org.caseload.api.store.RunStore;
import org.caseload.api.store.ScenarioStore;
import org.caseload.api.store.StoredScenario;
import org.caseload.core.scenario.PlainText;
import org.caseload.core.scenario.Scenario;
import org.caseload.core.scenario.WrittenDecimal;
import org.caseload.core.scenario.ScenarioJson;
import org.caseload.sim.decide.LeverParser;
import org.caseload.sim.target.Target;

/**
 * {@code /scenarios}: planners' stored scenarios, validated exactly as the CLI validates
 * (off the event loop).
 *
 * @implNote Immutable and thread-safe; handlers run on the event loop.
 */
final class ScenarioHandlers {

  static final String PATH = ApiRoutes.BASE + "/scenarios";

  private final ScenarioStore scenarios;
  private final RunStore runs;
  private final OffLoop offLoop;
  private final long maxReplications;

  ScenarioHandlers(ScenarioStore scenarios, RunStore runs, OffLoop offLoop,
      long maxReplications) {
    this.scenarios = scenarios;
    this.runs = runs;
    this.offLoop = offLoop;
    this.maxReplications = maxReplications;
  }

  /** A scenario checked and written as it will be stored, with what its planner set. */
  private record Checked(Scenario scenario, String document, StoredScenario.Settings settings,
      int version) {}

  void create(RoutingContext rc) {
    offLoop.run(() -> check(rc, false))
        .compose(checked -> scenarios.create(checked.scenario().name(), checked.document(),
            checked.settings()))
        .onSuccess(stored -> {
          rc.response().putHeader("Location", PATH + "/" + stored.id());
          Json.send(rc, 201, resource(stored, true));
        })
        .onFailure(rc::fail);
  }

  void list(RoutingContext rc) {
    int limit = (int) Json.query(rc, "limit", 20);
    long offset = Json.query(rc, "offset", 0);
    scenarios.list(limit, offset)
        .onSuccess(page -> Json.send(rc, 200, Json.page(page, s -> resource(s, false), PATH)))
        .onFailure(rc::fail);
  }

  void get(RoutingContext rc) {
    scenarios.get(id(rc))
        .onSuccess(stored -> Json.send(rc, 200, resource(stored, true)))
        .onFailure(rc::fail);
  }

  void update(RoutingContext rc) {
    UUID id = id(rc);
    offLoop.run(() -> check(rc, true))
        .compose(checked -> scenarios.update(id, checked.version(), checked.scenario().name(),
            checked.document(), checked.settings()))
        .onSuccess(stored -> Json.send(rc, 200, resource(stored, true)))
        .onFailure(rc::fail);
  }

  /**
   * The body's scenario (and for an update its version) and targets, checked; on a worker
   * thread. Targets are checked as a run of the scenario checks them (each parsed, its metric
   * known, its month within the horizon; at most 50, as the contract says), so a stored
   * scenario reopens with targets a run takes; a planner's saved scenario had come back
   * without them.
   */
  private Checked check(RoutingContext rc, boolean update) {
    ObjectNode body = Bodies.object(rc);
    int version = update
        ? (int) Bodies.integer(body, "version", "version", -1, 1, Integer.MAX_VALUE) : 0;
    if (version < 0) {
      throw ApiProblem.badField("version", "is required: the version you are replacing");
    }
    Scenario scenario = Bodies.scenario(body.get("scenario"), "scenario");
    List<Target> targets = RunRequests.targets(body);
    RunRequests.checkTargets(scenario, targets);
    // the replications and seed of its runs, checked as a run's (the page reopened a scenario
    // saved at 500 replications and seed 42 at the defaults, 1,000 and 1)
    Long replications = has(body, "replications") ? Bodies.integer(body, "replications",
        "replications", 0, 1, maxReplications) : null;
    Long seed = has(body, "seed") ? RunRequests.seed(body) : null;
    return new Checked(scenario, ScenarioJson.write(scenario), new StoredScenario.Settings(
        targets.stream().map(Target::text).toList(), replications, seed,
        assumptions(body, scenario.interventions().size()), calibrationNotes(body),
        decide(body, scenario)), version);
  }

  /**
   * Which of the scenario's interventions are assumptions (in the baseline too): positions in
   * its interventions, each a whole number from 0 to one less than their count, ascending
   * without repeats (so that one list means one thing); none when left out. Each bad one is a
   * 400 naming {@code assumptions[i]}.
   */
  static List<Integer> assumptions(ObjectNode body, int interventions) {
    JsonNode node = body.get("assumptions");
    if (node == null || node.isNull()) {
      return List.of();
    }
    if (!node.isArray()) {
      throw ApiProblem.badField("assumptions", "must be a list of positions in the scenario's"
          + " interventions");
    }
    List<Integer> positions = new ArrayList<>();
    for (int i = 0; i < node.size(); i++) {
      String field = "assumptions[" + i + "]";
      if (interventions == 0) {
        throw ApiProblem.badField(field, "names no intervention: the scenario has none");
      }
      if (node.get(i).isNull()) {
        throw ApiProblem.badField(field, "must be a whole number, was null");
      }
      long position = Bodies.integer(node.get(i), field, 0, interventions - 1);
      if (!positions.isEmpty() && position <= positions.get(positions.size() - 1)) {
        throw ApiProblem.badField(field, "must be after the one before it:"
            + " positions ascending, each once; was " + position);
      }
      positions.add((int) position);
    }
    return positions;
  }

  /** Notes a stored scenario keeps at most: a calibration makes 7 to 13. */
  static final int MAX_CALIBRATION_NOTES = 50;
  /** Characters a note may have: a calibration's are under 350. */
  static final int MAX_NOTE_CHARACTERS = 2_000;

  /**
   * What the calibration the scenario was made from assumed: the texts of POST
   * /api/v1/calibrations's {@code notes}, as the planner saw them (not checked against a
   * calibration: a planner may have edited the scenario since); none when left out. At most
   * {@link #MAX_CALIBRATION_NOTES} texts of 1 to {@link #MAX_NOTE_CHARACTERS} characters; each
   * bad one is a 400 naming {@code calibrationNotes[i]}.
   */
  static List<String> calibrationNotes(ObjectNode body) {
    JsonNode node = body.get("calibrationNotes");
    if (node == null || node.isNull()) {
      return List.of();
    }
    if (!node.isArray()) {
      throw ApiProblem.badField("calibrationNotes", "must be a list of texts");
    }
    if (node.size() > MAX_CALIBRATION_NOTES) {
      throw ApiProblem.badField("calibrationNotes", "must have at most "
          + MAX_CALIBRATION_NOTES + " notes, had " + node.size());
    }
    List<String> notes = new ArrayList<>();
    for (int i = 0; i < node.size(); i++) {
      String field = "calibrationNotes[" + i + "]";
      if (!node.get(i).isTextual()) {
        throw ApiProblem.badField(field, "must be a string, was "
            + Bodies.shown(node.get(i).toString()));
      }
      String note = node.get(i).textValue();
      int characters = note.codePointCount(0, note.length());
      if (PlainText.blank(note) || characters > MAX_NOTE_CHARACTERS) {
        throw ApiProblem.badField(field, "must have 1 to " + MAX_NOTE_CHARACTERS
            + " characters, not only spaces; had " + characters);
      }
      notes.add(note);
    }
    return notes;
  }

  /** Characters a Decide lever may have, as a goal-seek's (the contract's maxLength). */
  static final int MAX_LEVER_CHARACTERS = 500;

  /**
   * The planners' page's step 4, "Decide", as the planner left it: {@code levers}, at most
   * {@link DecisionRequests#MAX_LEVERS} texts as goal-seek takes them, each read by goal-seek's
   * own parser against the scenario saved (so that reopened it runs: a team it lacks, a range
   * written strongest first or of one value, a lever repeated are refused as a goal-seek of
   * it refuses them), and optionally {@code probability}, strictly between 0 and 1; null when
   * left out. Each bad part is a 400 naming {@code decide}, {@code decide.levers},
   * {@code decide.levers[i]} or {@code decide.probability}.
   */
  static StoredScenario.Decide decide(ObjectNode body, Scenario scenario) {
    JsonNode node = body.get("decide");
    if (node == null || node.isNull()) {
      return null;
    }
    if (!node.isObject()) {
      throw ApiProblem.badField("decide", "must be an object: {\"levers\": [\"posts:TEAM=0..60/6\"],"
          + " \"probability\": 0.8}");
    }
    node.fieldNames().forEachRemaining(name -> {
      if (!name.equals("levers") && !name.equals("probability")) {
        throw ApiProblem.badField("decide", "has no field '" + Bodies.shown(name)
            + "': its fields are levers and probability");
      }
    });
    JsonNode levers = node.get("levers");
    if (levers == null || levers.isNull()) {
      throw ApiProblem.badField("decide.levers", "is required: a list of levers as goal-seek"
          + " takes them, empty for none");
    }
    if (!levers.isArray()) {
      throw ApiProblem.badField("decide.levers", "must be a list of levers as goal-seek takes"
          + " them, was " + Bodies.shown(levers.toString()));
    }
    if (levers.size() > DecisionRequests.MAX_LEVERS) {
      throw ApiProblem.badField("decide.levers", "must have at most "
          + DecisionRequests.MAX_LEVERS + " levers, had " + levers.size());
    }
    List<String> texts = new ArrayList<>();
    for (int i = 0; i < levers.size(); i++) {
      String field = "decide.levers[" + i + "]";
      if (!levers.get(i).isTextual()) {
        throw ApiProblem.badField(field, "must be a string, was "
            + Bodies.shown(levers.get(i).toString()));
      }
      String text = levers.get(i).textValue();
      int characters = text.codePointCount(0, text.length());
      if (PlainText.blank(text) || characters > MAX_LEVER_CHARACTERS) {
        throw ApiProblem.badField(field, "must have 1 to " + MAX_LEVER_CHARACTERS
            + " characters, not only spaces; had " + characters);
      }
      texts.add(text);
    }
    try {
      LeverParser.parseAll(texts, scenario);
    } catch (LeverParser.BadLeverException e) {
      throw ApiProblem.badField("decide.levers[" + e.index() + "]", e.getMessage());
    }
    JsonNode probability = node.get("probability");
    if (probability == null || probability.isNull()) {
      return new StoredScenario.Decide(texts, null);
    }
    if (!probability.isNumber()) {
      throw ApiProblem.badField("decide.probability", "must be a number strictly between 0 and"
          + " 1, was " + Bodies.shown(probability.toString()));
    }
    double p = Bodies.probability(probability, "decide.probability");
    if (!(p > 0 && p < 1)) {
      throw ApiProblem.badField("decide.probability", "must be a number strictly between 0 and"
          + " 1, was " + Bodies.shown(WrittenDecimal.text(probability)));
    }
    return new StoredScenario.Decide(texts, p);
  }

  void delete(RoutingContext rc) {
    scenarios.delete(id(rc))
        .onSuccess(v -> rc.response().setStatusCode(204).end())
        .onFailure(rc::fail);
  }

  /** The scenario's runs and comparisons, newest first. */
  void runs(RoutingContext rc, RunHandlers view) {
    UUID id = id(rc);
    int limit = (int) Json.query(rc, "limit", 20);
    long offset = Json.query(rc, "offset", 0);
    scenarios.get(id)
        .compose(s -> runs.listForScenario(id, limit, offset))
        .onSuccess(page -> Json.send(rc, 200,
            Json.page(page, view::listed, PATH + "/" + id + "/runs")))
        .onFailure(rc::fail);
  }

  private static boolean has(ObjectNode body, String field) {
    return body.get(field) != null && !body.get(field).isNull();
  }

  private static UUID id(RoutingContext rc) {
    return Bodies.uuid(rc.pathParam("scenarioId"), "scenarioId");
  }

  static ObjectNode resource(StoredScenario stored, boolean withDocument) {
    ObjectNode node = Json.object();
    node.put("id", stored.id().toString());
    node.put("name", stored.name());
    node.put("version", stored.version());
    node.put("createdAt", Json.time(stored.createdAt()));
    node.put("updatedAt", Json.time(stored.updatedAt()));
    node.put("href", PATH + "/" + stored.id());
    if (withDocument) {
      node.putRawValue("scenario", new RawValue(stored.document()));
      StoredScenario.Settings settings = stored.settings();
      settings.targets().forEach(node.putArray("targets")::add);
      if (settings.replications() != null) {
        node.put("replications", settings.replications());
      }
      if (settings.seed() != null) {
        node.put("seed", settings.seed());
      }
      settings.assumptions().forEach(node.putArray("assumptions")::add);
      settings.calibrationNotes().forEach(node.putArray("calibrationNotes")::add);
      if (settings.decide() != null) {
        ObjectNode decide = node.putObject("decide");
        settings.decide().levers().forEach(decide.putArray("levers")::add);
        if (settings.decide().probability() != null) {
          decide.put("probability", settings.decide().probability());
        }
      }
    }
    return node;
  }
}
