package org.caseload.api.http;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import io.vertx.core.Future;
import io.vertx.ext.web.RoutingContext;
import java.time.LocalDate;
import java.time.format.DateTimeParseException;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import org.caseload.api.Limits;
import org.caseload.api.domain.RunKind;
import org.caseload.api.runs.Decision;
import org.caseload.api.runs.RunPlan;
import org.caseload.core.metrics.Metric;
import org.caseload.core.metrics.SnapshotMetric;
import org.caseload.core.scenario.InvalidScenarioException;
import org.caseload.core.scenario.Scenario;
import org.caseload.core.scenario.ScenarioValidator;
import org.caseload.core.scenario.Uncertainty;
import org.caseload.sim.decide.GoalSeek;
import org.caseload.sim.decide.GoalSeekRequest;
import org.caseload.sim.decide.Lever;
import org.caseload.sim.decide.LeverParser;
import org.caseload.sim.engine.MetricAt;
import org.caseload.sim.decide.Objective;
import org.caseload.sim.decide.Plan;
import org.caseload.sim.decide.Sensitivity;
import org.caseload.sim.decide.SobolIndices;
import org.caseload.sim.engine.TargetCheck;
import org.caseload.sim.target.Target;

/**
 * Turns goal-seek and sensitivity requests into checked {@link RunPlan}s. The base scenario
 * is read as a run's ({@link RunRequests#base}); every other field is checked with the
 * reason {@code caseload goal-seek} and {@code caseload sensitivity} give for the same flag,
 * levers by the CLI's own {@link LeverParser}. Parsing and checking run off the event loop.
 *
 * @implNote Immutable and thread-safe.
 */
final class DecisionRequests {

  /** The most levers one request may move. */
  static final int MAX_LEVERS = 10;
  /** The most uncertain parameters one sensitivity request may name. */
  static final int MAX_PARAMETERS = 50;

  private final RunRequests runs;
  private final Limits limits;
  private final OffLoop offLoop;

  DecisionRequests(RunRequests runs, Limits limits, OffLoop offLoop) {
    this.runs = runs;
    this.limits = limits;
    this.offLoop = offLoop;
  }

  /**
   * The replications a sensitivity study simulates, both methods with their levers, at most
   * this server's limit: Sobol runs {@code sobolPoints (d + 2)} scenarios of the d parameters,
   * the tornado {@code 1 + 2 (d + levers)}, each {@code replications} times.
   */
  private void withinServerLimit(Decision.Method method, int points, int replications,
      int parameters, int levers) {
    Sensitivity.Work work = Sensitivity.Work.of(method != Decision.Method.SOBOL,
        method != Decision.Method.TORNADO, points, replications, parameters, levers);
    if (work.total() <= limits.maxReplications()) {
      return;
    }
    throw ApiProblem.badField(work.sobol() > 0 ? "sobolPoints" : "replications", "the"
        + " replications the study simulates must be at most " + limits.maxReplications()
        + " on this server, were " + work.explained(points, replications, parameters, levers)
        + "; ask for fewer sobolPoints, replications, parameters or levers");
  }

  /** Past the CLI's bounds, this server's: replications of one plan or scenario. */
  private void withinServerLimit(String field, long replications) {
    if (replications > limits.maxReplications()) {
      throw ApiProblem.badField(field, "must be at most " + limits.maxReplications()
          + " on this server, was " + replications);
    }
  }

  /** The plan of a goal-seek request; the body is read on a worker thread. */
  Future<RunPlan> goalSeek(RoutingContext rc) {
    return offLoop.run(() -> Bodies.object(rc)).compose(this::goalSeek);
  }

  /** The plan of a sensitivity request; the body is read on a worker thread. */
  Future<RunPlan> sensitivity(RoutingContext rc) {
    return offLoop.run(() -> Bodies.object(rc)).compose(this::sensitivity);
  }

  private Future<RunPlan> goalSeek(ObjectNode body) {
    long seed = RunRequests.seed(body);
    double probability = number(body, "probability");
    if (!(probability > 0 && probability < 1)) {
      throw ApiProblem.badField("probability", "must be strictly between 0 and 1, was "
          + probability);
    }
    List<Target> targets = RunRequests.targets(body);
    if (targets.isEmpty()) {
      throw ApiProblem.badField("targets", "give at least one target the plan must meet");
    }
    String objectiveText = text(body, "objective", "cost");
    Objective objective = Objective.byLabel(objectiveText);
    if (objective == null) {
      throw ApiProblem.badField("objective", "must be cost or posts, was '"
          + Bodies.shown(objectiveText) + "'");
    }
    long screen = Bodies.integer(body, "screenReplications", "screenReplications",
        GoalSeekRequest.SCREEN, Long.MIN_VALUE, Long.MAX_VALUE);
    if (screen < 64 || screen % 64 != 0 || screen > 1_000_000) {
      throw ApiProblem.badField("screenReplications", "must be a multiple of 64 up to"
          + " 1,000,000, was " + screen);
    }
    long max = Bodies.integer(body, "maxReplications", "maxReplications", GoalSeekRequest.MAX,
        Long.MIN_VALUE, Long.MAX_VALUE);
    if (max < screen || max > 1_000_000) {
      throw ApiProblem.badField("maxReplications", "must be from screenReplications ("
          + screen + ") to 1,000,000, was " + max);
    }
    withinServerLimit("maxReplications", max);
    List<String> leverTexts = strings(body, "levers", true);
    return runs.base(body).compose(base -> offLoop.run(() -> {
      Scenario scenario = base.scenario();
      RunRequests.checkTargets(scenario, targets);
      try {
        TargetCheck.of(scenario, targets);
      } catch (IllegalArgumentException e) {
        throw ApiProblem.badField("targets", e.getMessage());
      }
      List<Lever> levers = levers(leverTexts, scenario);
      checkPlans(levers, scenario);
      GoalSeekRequest request = new GoalSeekRequest(scenario, targets, probability, levers,
          objective, seed, 1, (int) screen, (int) max, () -> false);
      return new RunPlan(RunKind.GOAL_SEEK, base.id(), base.version(), List.of(scenario),
          targets, max, seed, body.toString(), new Decision.GoalSeekWork(request));
    }));
  }

  /** The weakest and strongest plans are valid scenarios; the combinations are not too many. */
  private static void checkPlans(List<Lever> levers, Scenario scenario) {
    try {
      ScenarioValidator.requireValid(Plan.uniform(levers, 0).apply(scenario));
      ScenarioValidator.requireValid(Plan.uniform(levers, Integer.MAX_VALUE).apply(scenario));
    } catch (InvalidScenarioException e) {
      throw ApiProblem.badFields(e.problems().stream().limit(ApiProblem.MAX_ERRORS)
          .map(p -> new ApiProblem.FieldError("levers", p.toString())).toList(),
          e.problems().size());
    }
    int primary = GoalSeek.searched(levers);
    long combinations = 1;
    for (int i = 0; i < levers.size(); i++) {
      if (i != primary) {
        combinations *= levers.get(i).grid().size();
        if (combinations > GoalSeekRequest.MAX_COMBINATIONS) {
          throw ApiProblem.badField("levers", "the levers other than "
              + levers.get(primary).name() + " have more than "
              + GoalSeekRequest.MAX_COMBINATIONS + " combinations; use coarser steps");
        }
      }
    }
  }

  private Future<RunPlan> sensitivity(ObjectNode body) {
    long seed = RunRequests.seed(body);
    String methodText = text(body, "method", "both");
    Decision.Method method = Decision.Method.of(methodText);
    if (method == null) {
      throw ApiProblem.badField("method", "must be tornado, sobol or both, was '"
          + Bodies.shown(methodText) + "'");
    }
    int replications = (int) bounded(body, "replications", 32, 1, 100_000, "1 to 100,000");
    int points = (int) checked(body, "sobolPoints", 128, SobolIndices::pointsProblem);
    int bootstrap = (int) checked(body, "bootstrap", 200, SobolIndices::bootstrapProblem);
    withinServerLimit("replications", replications);
    String metric = Bodies.text(body, "metric", "metric");
    if (metric == null) {
      throw ApiProblem.badField("metric", "is required: a monthly metric with month, or a"
          + " snapshot indicator with snapshot");
    }
    JsonNode monthNode = body.get("month");
    Integer month = monthNode == null || monthNode.isNull() ? null
        : (int) Bodies.integer(body, "month", "month", 0, Integer.MIN_VALUE, Integer.MAX_VALUE);
    String snapshot = Bodies.text(body, "snapshot", "snapshot");
    if ((month == null) == (snapshot == null)) {
      throw ApiProblem.badField("month", "give exactly one of month N or snapshot YYYY-09-30");
    }
    List<String> parameterNames = strings(body, "parameters", false);
    if (parameterNames.isEmpty() && body.path("parameters").isArray()) {
      // an empty list is not "every parameter", which leaving the field out asks for
      throw ApiProblem.badField("parameters", "must name at least one uncertain parameter;"
          + " leave it out to study every one the scenario has");
    }
    if (parameterNames.size() > MAX_PARAMETERS) {
      throw ApiProblem.badField("parameters", "must have at most " + MAX_PARAMETERS
          + " names, had " + parameterNames.size());
    }
    List<String> leverTexts = strings(body, "levers", false);
    return runs.base(body).compose(base -> offLoop.run(() -> {
      Scenario scenario = base.scenario();
      MetricAt output = output(metric, month, snapshot, scenario);
      List<Lever> levers = levers(leverTexts, scenario);
      List<Uncertainty.Parameter> parameters;
      try {
        parameters = Sensitivity.studied(parameterNames, scenario,
            method != Decision.Method.TORNADO, levers.size());
      } catch (Sensitivity.InputProblem e) {
        throw e.index() < 0 ? ApiProblem.badField("parameters", e.getMessage())
            : ApiProblem.badField("parameters[" + e.index() + "]", Bodies.shownIn(
                e.getMessage(), parameterNames.get(e.index()).trim()));
      }
      for (int i = 0; i < levers.size(); i++) {
        String problem = Sensitivity.leverProblem(scenario, levers.get(i));
        if (problem != null) {
          throw ApiProblem.badField("levers[" + i + "]", problem);
        }
      }
      withinServerLimit(method, points, replications, parameters.size(), levers.size());
      String drawn = Sensitivity.drawProblem(scenario, parameters,
          method != Decision.Method.SOBOL, method == Decision.Method.TORNADO ? 0 : points);
      if (drawn != null) {
        throw ApiProblem.badField("parameters", "the study would draw an invalid scenario, "
            + drawn);
      }
      Sensitivity.Request request = new Sensitivity.Request(scenario, output, parameters,
          levers, replications, seed, 1, () -> false);
      return new RunPlan(RunKind.SENSITIVITY, base.id(), base.version(), List.of(scenario),
          List.of(), replications, seed, body.toString(),
          new Decision.SensitivityWork(request, method, points, bootstrap));
    }));
  }

  private static MetricAt output(String metric, Integer month, String snapshot,
      Scenario scenario) {
    try {
      if (month != null) {
        Metric m = Metric.byName(metric);
        if (m == null) {
          throw ApiProblem.badField("metric", Metric.notAMetric(metric));
        }
        return MetricAt.month(m, month).within(scenario);
      }
      SnapshotMetric m = Arrays.stream(SnapshotMetric.values())
          .filter(x -> x.name().equals(metric)).findFirst().orElse(null);
      if (m == null) {
        throw ApiProblem.badField("metric", "unknown snapshot indicator '"
            + Bodies.shown(metric) + "' (see 'caseload metrics')");
      }
      return MetricAt.snapshot(m, LocalDate.parse(snapshot), scenario);
    } catch (DateTimeParseException e) {
      throw ApiProblem.badField("snapshot", "'" + Bodies.shown(snapshot)
          + "' is not a date YYYY-09-30");
    } catch (IllegalArgumentException e) {
      throw ApiProblem.badField(month != null ? "month" : "snapshot", e.getMessage());
    }
  }

  /** The levers written as the CLI's {@code --lever}, parsed by its parser. */
  private static List<Lever> levers(List<String> texts, Scenario scenario) {
    List<Lever> levers = new ArrayList<>();
    for (int i = 0; i < texts.size(); i++) {
      try {
        levers.add(LeverParser.parse(texts.get(i), scenario));
      } catch (IllegalArgumentException e) {
        throw ApiProblem.badField("levers[" + i + "]", e.getMessage());
      }
    }
    try {
      LeverParser.requireDistinct(levers);
    } catch (LeverParser.RepeatedLeverException e) {
      throw ApiProblem.badField("levers[" + e.index() + "]", e.getMessage());
    }
    return levers;
  }

  /** An array of strings (at most {@link #MAX_LEVERS} levers); required: non-empty. */
  private static List<String> strings(ObjectNode body, String field, boolean required) {
    JsonNode node = body.get(field);
    List<String> texts = new ArrayList<>();
    if (node == null || node.isNull()) {
      if (required) {
        throw ApiProblem.badField(field, "is required: a non-empty array of strings");
      }
      return texts;
    }
    if (!node.isArray() || (required && node.isEmpty())) {
      throw ApiProblem.badField(field, required ? "must be a non-empty array of strings"
          : "must be an array of strings");
    }
    if (field.equals("levers") && node.size() > MAX_LEVERS) {
      throw ApiProblem.badField(field, "must have at most " + MAX_LEVERS + " levers, had "
          + node.size());
    }
    for (int i = 0; i < node.size(); i++) {
      if (!node.get(i).isTextual()) {
        throw ApiProblem.badField(field + "[" + i + "]", "must be a string");
      }
      texts.add(node.get(i).asText());
    }
    return texts;
  }

  /** A required number. */
  private static double number(ObjectNode body, String field) {
    JsonNode node = body.get(field);
    if (node == null || node.isNull()) {
      throw ApiProblem.badField(field, "is required: a number strictly between 0 and 1");
    }
    if (!node.isNumber()) {
      throw ApiProblem.badField(field, "must be a number, was " + Bodies.shown(node.toString()));
    }
    return node.asDouble();
  }

  private static String text(ObjectNode body, String field, String fallback) {
    String value = Bodies.text(body, field, field);
    return value == null ? fallback : value;
  }

  /** A whole number whose {@code problem} (null when none) is Sobol's rule, as the CLI's. */
  private static long checked(ObjectNode body, String field, long fallback,
      java.util.function.LongFunction<String> problem) {
    long value = Bodies.integer(body, field, field, fallback, Long.MIN_VALUE, Long.MAX_VALUE);
    if (problem.apply(value) != null) {
      throw ApiProblem.badField(field, problem.apply(value));
    }
    return value;
  }

  /** A whole number in [min, max], said as the CLI says it ("must be from RANGE, was N"). */
  private static long bounded(ObjectNode body, String field, long fallback, long min, long max,
      String range) {
    long value = Bodies.integer(body, field, field, fallback, Long.MIN_VALUE, Long.MAX_VALUE);
    if (value < min || value > max) {
      throw ApiProblem.badField(field, "must be from " + range + ", was " + value);
    }
    return value;
  }
}
