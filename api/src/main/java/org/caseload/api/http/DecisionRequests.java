package org.caseload.api.http;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import io.vertx.core.Future;
import io.vertx.ext.web.RoutingContext;
import java.util.ArrayList;
import java.util.List;
import org.caseload.api.Limits;
import org.caseload.api.domain.RunKind;
import org.caseload.api.runs.Decision;
import org.caseload.api.runs.RunPlan;
import org.caseload.core.scenario.FundedPosts;
import org.caseload.core.scenario.InvalidScenarioException;
import org.caseload.core.scenario.Scenario;
import org.caseload.sim.decide.GoalSeekRequest;
import org.caseload.sim.decide.Lever;
import org.caseload.sim.decide.LeverParser;
import org.caseload.sim.decide.Objective;
import org.caseload.sim.decide.Plan;
import org.caseload.sim.decide.Sensitivity;
import org.caseload.sim.decide.SensitivityPlan;
import org.caseload.sim.target.Target;
import org.caseload.sim.target.UnevaluableTargetException;

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
   * What a goal-seek refused for too much work may ask for instead, {@code each} the
   * worker-months of one replication: first, exactly, the {@code maxReplications} that would
   * be within this server's limit, where some would (England's search at the defaults, 256
   * and 4,096, plans some 30,000 replications of 1.8 million worker-months each, twice the
   * limit: its planners had been told only "fewer replications a plan"); and the
   * {@code --max-work} the server would need to run it as asked.
   */
  private String tooMuchSearch(GoalSeekRequest request, double each) {
    int fits = request.maxReplicationsWithin(limits.maxWorkerMonths() / each);
    return (fits > 0 ? "maxReplications " + fits + " (the rest as asked) is within it; or "
        : "") + "search fewer months, or fewer levers (each lever's values multiply the plans"
        + " screened: a lever of 3 values, 3 times), or fewer replications a plan"
        + " (screenReplications, maxReplications); or run it on a server started with"
        + " --max-work " + roundedUp(request.replicationsPlanned() * each);
  }

  /** {@code work} rounded up to two significant digits: {@code 6.1e+10} for 6.02e10. */
  static String roundedUp(double work) {
    double step = Math.pow(10, Math.floor(Math.log10(work)) - 1);
    return String.format(java.util.Locale.ROOT, "%.2g", Math.ceil(work / step) * step);
  }

  /** The replications a sensitivity study simulates, at most this server's limit. */
  private void withinServerLimit(SensitivityPlan plan) {
    Sensitivity.Work work = plan.work();
    if (work.total() <= limits.maxReplications()) {
      return;
    }
    throw ApiProblem.badField(work.sobol() > 0 ? "sobolPoints" : "replications", "the"
        + " replications the study simulates must be at most " + limits.maxReplications()
        + " on this server, were " + plan.workExplained() + "; ask for fewer sobolPoints,"
        + " replications, parameters or levers");
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
    List<Target> targets = RunRequests.targets(body);
    String objectiveText = text(body, "objective", "cost");
    Objective objective = Objective.byLabel(objectiveText);
    if (objective == null) {
      throw ApiProblem.badField("objective", "must be cost or posts, was '"
          + Bodies.shown(objectiveText) + "'");
    }
    long screen = Bodies.integer(body, "screenReplications", "screenReplications",
        GoalSeekRequest.SCREEN, Long.MIN_VALUE, Long.MAX_VALUE);
    // the default maximum within this server's limit: one lower had refused a field not sent
    long max = Bodies.integer(body, "maxReplications", "maxReplications",
        Math.min(GoalSeekRequest.MAX, limits.maxReplications()), Long.MIN_VALUE, Long.MAX_VALUE);
    // each against this server's limit first: a screen beyond it had been blamed on the
    // maximum, with the CLI's limit of 1,000,000
    withinServerLimit("screenReplications", screen);
    withinServerLimit("maxReplications", max);
    try {
      GoalSeekRequest.checkNumbers(probability, screen, max, limits.maxReplications(),
          body.hasNonNull("maxReplications"));
    } catch (GoalSeekRequest.InputException e) {
      throw problem(e);
    }
    List<String> leverTexts = strings(body, "levers", true);
    return runs.base(body).compose(base -> offLoop.run(() -> {
      Scenario scenario = base.scenario();
      RunRequests.checkTargets(scenario, targets);
      List<Lever> levers;
      try {
        levers = LeverParser.parseAll(leverTexts, scenario);
      } catch (LeverParser.BadLeverException e) {
        throw ApiProblem.badField("levers[" + e.index() + "]", e.getMessage());
      }
      GoalSeekRequest request;
      try {
        request = new GoalSeekRequest(scenario, targets, probability, levers, objective, seed,
            1, (int) screen, (int) max, () -> false);
        request.checkPlans();
        // the search's screening and refinement, each plan costed as the strongest, which
        // funds the most posts
        Scenario strongest = Plan.uniform(levers, Integer.MAX_VALUE).apply(scenario);
        runs.requireWork("levers", request.replicationsPlanned(), List.of(strongest),
            tooMuchSearch(request, FundedPosts.workerMonths(strongest)));
      } catch (GoalSeekRequest.InputException e) {
        throw problem(e);
      } catch (InvalidScenarioException e) {
        throw ApiProblem.badFields(e.problems().stream().limit(ApiProblem.MAX_ERRORS)
            .map(p -> new ApiProblem.FieldError("levers", p.toString())).toList(),
            e.problems().size());
      } catch (UnevaluableTargetException e) {
        throw ApiProblem.badField("targets", e.getMessage());
      }
      return new RunPlan(RunKind.GOAL_SEEK, base.id(), base.version(), List.of(scenario),
          targets, max, seed, Bodies.echo(body), new Decision.GoalSeekWork(request));
    }));
  }

  /** A goal-seek's input problem as a 400 on its field. */
  private static ApiProblem problem(GoalSeekRequest.InputException e) {
    return ApiProblem.badField(switch (e.input()) {
      case PROBABILITY -> "probability";
      case TARGETS -> "targets";
      case LEVERS -> "levers";
      case SCREEN_REPLICATIONS -> "screenReplications";
      case MAX_REPLICATIONS -> "maxReplications";
    }, e.getMessage());
  }

  private Future<RunPlan> sensitivity(ObjectNode body) {
    long seed = RunRequests.seed(body);
    SensitivityPlan.Method method;
    int replications;
    int points;
    int bootstrap;
    try {
      method = SensitivityPlan.Method.of(text(body, "method", "both"));
      long r = Bodies.integer(body, "replications", "replications",
          SensitivityPlan.DEFAULT_REPLICATIONS, Long.MIN_VALUE, Long.MAX_VALUE);
      long p = Bodies.integer(body, "sobolPoints", "sobolPoints",
          SensitivityPlan.DEFAULT_POINTS, Long.MIN_VALUE, Long.MAX_VALUE);
      long b = Bodies.integer(body, "bootstrap", "bootstrap",
          SensitivityPlan.DEFAULT_BOOTSTRAP, Long.MIN_VALUE, Long.MAX_VALUE);
      SensitivityPlan.checkSizes(r, p, b);
      replications = (int) r;
      points = (int) p;
      bootstrap = (int) b;
    } catch (SensitivityPlan.InputException e) {
      throw problem(e, List.of(), List.of());
    }
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
      SensitivityPlan plan;
      try {
        plan = SensitivityPlan.of(base.scenario(), method, metric, month, snapshot,
            parameterNames, leverTexts, replications, points, bootstrap, seed);
      } catch (SensitivityPlan.InputException e) {
        throw problem(e, parameterNames, leverTexts);
      }
      withinServerLimit(plan);
      runs.requireWork(plan.work().sobol() > 0 ? "sobolPoints" : "replications",
          plan.work().total(), List.of(plan.request().base()), "ask for fewer months,"
          + " replications" + (plan.work().sobol() > 0 ? ", Sobol points" : "")
          + " or inputs");
      return new RunPlan(RunKind.SENSITIVITY, base.id(), base.version(),
          List.of(plan.request().base()), List.of(), replications, seed, Bodies.echo(body),
          new Decision.SensitivityWork(plan));
    }));
  }

  /** A study's input problem as a 400 on its field; a list item's with its index. */
  private static ApiProblem problem(SensitivityPlan.InputException e, List<String> parameters,
      List<String> levers) {
    return switch (e.input()) {
      case METHOD -> ApiProblem.badField("method", e.getMessage());
      case REPLICATIONS -> ApiProblem.badField("replications", e.getMessage());
      case SOBOL_POINTS -> ApiProblem.badField("sobolPoints", e.getMessage());
      case BOOTSTRAP -> ApiProblem.badField("bootstrap", e.getMessage());
      case METRIC -> ApiProblem.badField("metric", e.getMessage());
      case MONTH -> ApiProblem.badField("month", e.getMessage());
      case SNAPSHOT -> ApiProblem.badField("snapshot", e.getMessage());
      case PARAMETERS -> e.index() < 0 ? ApiProblem.badField("parameters", e.getMessage())
          : ApiProblem.badField("parameters[" + e.index() + "]", Bodies.shownIn(
              e.getMessage(), parameters.get(e.index()).trim()));
      case LEVERS -> ApiProblem.badField(e.index() < 0 ? "levers" : "levers[" + e.index()
          + "]", e.getMessage());
    };
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
    return Bodies.probability(node, field);
  }

  private static String text(ObjectNode body, String field, String fallback) {
    String value = Bodies.text(body, field, field);
    return value == null ? fallback : value;
  }
}
