package org.caseload.api.http;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import io.vertx.core.Future;
import io.vertx.ext.web.RoutingContext;
import java.util.ArrayList;
import java.util.EnumSet;
import java.util.List;
import java.util.Set;
import java.util.UUID;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.caseload.api.Limits;
import org.caseload.api.domain.RunKind;
import org.caseload.api.runs.RunPlan;
import org.caseload.api.store.NotFoundException;
import org.caseload.api.store.ScenarioStore;
import org.caseload.core.metrics.Metric;
import org.caseload.core.scenario.FieldSetting;
import org.caseload.core.scenario.FundedPosts;
import org.caseload.core.scenario.InvalidScenarioException;
import org.caseload.core.scenario.Problem;
import org.caseload.core.scenario.Scenario;
import org.caseload.core.scenario.ScenarioEdits;
import org.caseload.core.scenario.ScenarioJson;
import org.caseload.core.scenario.ScenarioValidator;
import org.caseload.sim.engine.Comparison;
import org.caseload.sim.engine.MonteCarlo;
import org.caseload.sim.engine.Precision;
import org.caseload.sim.engine.RunOptions;
import org.caseload.sim.engine.SummaryMemory;
import org.caseload.sim.presets.Presets;
import org.caseload.sim.target.Target;
import org.caseload.sim.target.TargetParser;

/**
 * Turns run and comparison requests into checked {@link RunPlan}s: every problem the CLI
 * would report for the same scenario, months, replications, seed and targets is a 400 here,
 * before anything is queued. Parsing and checking run off the event loop.
 *
 * @implNote Immutable and thread-safe.
 */
final class RunRequests {

  /** The most fields one {@code set} may change. */
  private static final int MAX_SETTINGS = 100;

  private static final Pattern INTERVENTION = Pattern.compile("^interventions\\[(\\d+)\\]");

  private final ScenarioStore scenarios;
  private final Limits limits;
  /** The memory one run's summaries may take ({@link SummaryMemory}). */
  private final long summaryBytes;
  private final OffLoop offLoop;

  RunRequests(ScenarioStore scenarios, Limits limits, long summaryBytes, OffLoop offLoop) {
    this.scenarios = scenarios;
    this.summaryBytes = summaryBytes;
    this.limits = limits;
    this.offLoop = offLoop;
  }

  /** A scenario resolved from a source, and the stored scenario it came from if any. */
  private record Source(Scenario scenario, UUID id, Integer version) {}

  /** The plan of a run request; the body is read on a worker thread. */
  Future<RunPlan> run(RoutingContext rc) {
    return offLoop.run(() -> Bodies.object(rc)).compose(this::run);
  }

  /** The plan of a comparison request; the body is read on a worker thread. */
  Future<RunPlan> comparison(RoutingContext rc) {
    return offLoop.run(() -> Bodies.object(rc)).compose(this::comparison);
  }

  private Future<RunPlan> run(ObjectNode body) {
    Settings settings = settings(body);
    List<Target> targets = targets(body);
    List<Precision> precisions = precisions(body);
    return source(body, "", false).compose(source -> offLoop.run(() -> {
      Scenario scenario = horizon(changed(source.scenario(), body, "", "", settings.months),
          settings.months);
      checkTargets(scenario, targets);
      requireMemory("months", SummaryMemory.run(scenario, settings.replications, 1));
      requireWork("replications", settings.replications, List.of(scenario), FEWER_RUNS);
      return new RunPlan(RunKind.RUN, source.id(), source.version(), List.of(scenario),
          targets, settings.replications, settings.seed, Bodies.echo(body), null, precisions);
    }));
  }

  /** A base scenario as a run's: its source, set and interventions, then its months. */
  record Base(Scenario scenario, UUID id, Integer version) {}

  /**
   * The scenario of a request's {@code scenarioId}, {@code preset} or {@code scenario}, with
   * its {@code set} and {@code interventions} applied and {@code months} as its horizon,
   * checked as a run's is; the work runs off the event loop.
   */
  Future<Base> base(ObjectNode body) {
    Integer months = months(body);
    return source(body, "", false).compose(source -> offLoop.run(() -> new Base(
        horizon(changed(source.scenario(), body, "", "", months), months), source.id(),
        source.version())));
  }

  /** The request's {@code months}, or null for the scenario's horizon. */
  private Integer months(ObjectNode body) {
    JsonNode monthsNode = body.get("months");
    return monthsNode == null || monthsNode.isNull() ? null
        : (int) Bodies.integer(body, "months", "months", 0, 1, limits.maxMonths());
  }

  /** The request's {@code seed}, 1 unless given. */
  static long seed(ObjectNode body) {
    return Bodies.integer(body, "seed", "seed", 1, Long.MIN_VALUE, Long.MAX_VALUE);
  }

  /** The targets of a request, parsed; problems at {@code targets[i]}. */
  static List<Target> targets(ObjectNode body) {
    JsonNode targets = body.get("targets");
    List<Target> parsed = new ArrayList<>();
    if (targets == null || targets.isNull()) {
      return parsed;
    }
    if (!targets.isArray()) {
      throw ApiProblem.badField("targets", "must be an array of strings");
    }
    for (int i = 0; i < targets.size(); i++) {
      if (!targets.get(i).isTextual()) {
        throw ApiProblem.badField("targets[" + i + "]", "must be a string");
      }
      try {
        parsed.add(TargetParser.parse(targets.get(i).asText()));
      } catch (IllegalArgumentException e) {
        throw ApiProblem.badField("targets[" + i + "]", e.getMessage());
      }
    }
    return parsed;
  }

  /**
   * A run's {@code precision}, early-stop requests as {@code caseload run --precision}: each
   * {@code {"metric", "halfWidth"}}, a metric at most once; problems at
   * {@code precision[i].metric} or {@code .halfWidth}.
   */
  static List<Precision> precisions(ObjectNode body) {
    JsonNode node = body.get("precision");
    List<Precision> parsed = new ArrayList<>();
    if (node == null || node.isNull()) {
      return parsed;
    }
    if (!node.isArray()) {
      throw ApiProblem.badField("precision", "must be an array of {metric, halfWidth}");
    }
    Set<Metric> seen = EnumSet.noneOf(Metric.class);
    for (int i = 0; i < node.size(); i++) {
      String at = "precision[" + i + "]";
      JsonNode item = node.get(i);
      if (!item.isObject()) {
        throw ApiProblem.badField(at, "must be an object {metric, halfWidth}");
      }
      JsonNode name = item.get("metric");
      if (name == null || !name.isTextual()) {
        throw ApiProblem.badField(at + ".metric", "must be a metric's name");
      }
      Metric metric = Metric.byName(name.asText().strip());
      if (metric == null) {
        throw ApiProblem.badField(at + ".metric",
            Bodies.shownIn(Metric.notAMetric(name.asText()), name.asText()));
      }
      if (!seen.add(metric)) {
        throw ApiProblem.badField(at + ".metric", metric + " is given twice");
      }
      JsonNode half = item.get("halfWidth");
      double halfWidth = half != null && half.isNumber() ? half.doubleValue() : Double.NaN;
      if (!(halfWidth > 0) || Double.isInfinite(halfWidth)) {
        throw ApiProblem.badField(at + ".halfWidth", "must be a number above 0 and finite,"
            + " in " + metric + "'s own unit, was " + (half == null ? "missing"
                : Bodies.shown(half.toString())));
      }
      String share = Precision.shareProblem(metric, halfWidth);
      if (share != null) {
        throw ApiProblem.badField(at + ".halfWidth", share);
      }
      parsed.add(new Precision(metric, halfWidth));
    }
    return parsed;
  }

  /** Every target can be evaluated in {@code scenario}'s horizon; else a problem naming it. */
  static void checkTargets(Scenario scenario, List<Target> targets) {
    for (int i = 0; i < targets.size(); i++) {
      try {
        MonteCarlo.checkTargets(scenario, List.of(targets.get(i)));
      } catch (IllegalArgumentException e) {
        throw ApiProblem.badField("targets[" + i + "]", e.getMessage());
      }
    }
  }

  /**
   * {@code scenario} with the node's {@code set} fields, then its {@code interventions}
   * added, as {@code caseload run --set --with} does; an added one may not start after the
   * run's last month ({@code months}, or the scenario's horizon). Problems of the settings are at
   * {@code PREFIX.set.PATH}; problems of the added interventions at {@code
   * PREFIX.interventions[i]}, other problems at {@code OTHERS} + their path.
   */
  private static Scenario changed(Scenario scenario, JsonNode node, String prefix,
      String others, Integer months) {
    Scenario edited = scenario;
    JsonNode set = node.get("set");
    if (set != null && !set.isNull()) {
      if (!set.isObject()) {
        throw ApiProblem.badField(prefix + "set", "must be an object of field paths and values,"
            + " e.g. {\"parameters.demand.annualGrowth\": 0.08}");
      }
      if (set.isEmpty()) {
        // as interventions: [] is refused; a variant of {"set": {}} is the baseline again
        throw ApiProblem.badField(prefix + "set", "must name at least one field, e.g."
            + " {\"parameters.demand.annualGrowth\": 0.08} (leave it out to change nothing)");
      }
      if (set.size() > MAX_SETTINGS) {
        throw ApiProblem.badField(prefix + "set", "must have at most " + MAX_SETTINGS
            + " fields, had " + set.size());
      }
      List<FieldSetting> settings = new ArrayList<>();
      set.fields().forEachRemaining(f -> settings.add(FieldSetting.of(f.getKey(), f.getValue())));
      try {
        edited = ScenarioEdits.apply(scenario, settings);
      } catch (InvalidScenarioException e) {
        throw ApiProblem.badFields(e.problems().stream().limit(ApiProblem.MAX_ERRORS)
            .map(p -> new ApiProblem.FieldError(prefix + "set." + p.path(), p.reason()))
            .toList(), e.problems().size());
      }
    }
    JsonNode interventions = node.get("interventions");
    if (interventions == null || interventions.isNull()) {
      return edited;
    }
    if (!interventions.isArray() || interventions.isEmpty()) {
      throw ApiProblem.badField(prefix + "interventions", "must be a non-empty array");
    }
    return withInterventions(edited, interventions, edited.interventions().size(), prefix,
        others, months == null ? edited.horizonMonths() : months);
  }

  private Future<RunPlan> comparison(ObjectNode body) {
    Settings settings = settings(body);
    List<Target> targets = targets(body);
    JsonNode baselineNode = body.get("baseline");
    if (baselineNode == null || !baselineNode.isObject()) {
      throw ApiProblem.badField("baseline", "is required: an object with one of scenarioId,"
          + " preset and scenario");
    }
    JsonNode variantNodes = body.get("variants");
    if (variantNodes == null || !variantNodes.isArray() || variantNodes.isEmpty()) {
      throw ApiProblem.badField("variants", "is required: a non-empty array of variants");
    }
    return source(baselineNode, "baseline.", false).compose(base -> offLoop.run(() -> {
      Scenario baseline = horizon(changed(base.scenario(), baselineNode, "baseline.",
          "baseline.", settings.months), settings.months);
      checkTargets(baseline, targets);
      return baseline;
    }).compose(baseline -> {
      List<Future<Scenario>> variants = new ArrayList<>();
      for (int i = 0; i < variantNodes.size(); i++) {
        variants.add(variant(baseline, variantNodes.get(i), "variants[" + i + "].",
            settings.months));
      }
      return Future.all(variants).compose(all -> offLoop.run(() -> {
        List<Scenario> scenarios = new ArrayList<>();
        scenarios.add(baseline);
        for (int i = 0; i < variants.size(); i++) {
          Scenario variant = all.resultAt(i);
          requireComparable(baseline, variant, "variants[" + i + "]");
          scenarios.add(variant);
        }
        requireMemory(variants.size() > 1 ? "variants" : "months", SummaryMemory.comparison(
            baseline, scenarios.subList(1, scenarios.size()), settings.replications, 1));
        requireWork("replications", settings.replications, scenarios, FEWER_RUNS);
        return new RunPlan(RunKind.COMPARISON, base.id(), base.version(), scenarios,
            targets, settings.replications, settings.seed, Bodies.echo(body));
      }));
    }));
  }

  /**
   * A run's summaries fit the server's memory for one run on one thread ({@link
   * SummaryMemory}: it runs on as many of its threads as fit); else a 400 on {@code field},
   * before anything is stored or queued.
   */
  void requireMemory(String field, long estimateOnOneThread) {
    try {
      SummaryMemory.require(estimateOnOneThread, summaryBytes);
    } catch (SummaryMemory.TooLargeException e) {
      throw ApiProblem.badField(field, "the run is too large for this server: "
          + e.getMessage());
    }
  }

  /** What a run or comparison asked for that is too much work may ask for instead. */
  static final String FEWER_RUNS = "ask for fewer replications or months";

  /**
   * The work asked for, {@code replications} of each of {@code scenarios}, within this
   * server's {@code --max-work} ({@link FundedPosts#workerMonths}); else a 400 on
   * {@code field} ending with {@code advice}, what the request may ask for instead: a run of
   * days would hold a slot, and the queue behind it, for days.
   */
  void requireWork(String field, double replications, List<Scenario> scenarios,
      String advice) {
    double each = scenarios.stream().mapToDouble(FundedPosts::workerMonths).sum();
    if (replications * each > limits.maxWorkerMonths()) {
      throw ApiProblem.badField(field, String.format(java.util.Locale.ROOT, "the work asked"
          + " for is about %.2g worker-months (%,.0f replications x %,.0f worker-months"
          + " each, the funded posts of every month%s), more than the %.2g this server"
          + " runs (its --max-work); %s", replications * each, replications, each,
          scenarios.size() > 1 ? " of every scenario" : "", limits.maxWorkerMonths(), advice));
    }
  }

  /** A variant runs on the baseline's months, of its council ({@link Comparison}). */
  private static void requireComparable(Scenario baseline, Scenario variant, String field) {
    String why = Comparison.whyNotComparable(baseline, variant);
    if (why != null) {
      throw ApiProblem.badField(field, why);
    }
  }

  private record Settings(long replications, long seed, Integer months) {}

  private Settings settings(ObjectNode body) {
    long replications = Bodies.integer(body, "replications", "replications",
        RunOptions.DEFAULT_REPLICATIONS, 1,
        limits.maxReplications());
    return new Settings(replications, seed(body), months(body));
  }

  /**
   * A variant: a scenario of its own (one of scenarioId, preset and scenario) or, with none,
   * the baseline as compared; then its {@code set} and {@code interventions}.
   */
  private Future<Scenario> variant(Scenario baseline, JsonNode node, String prefix,
      Integer months) {
    String field = prefix.substring(0, prefix.length() - 1);
    if (node == null || !node.isObject()) {
      throw ApiProblem.badField(field, "must be an object with one of scenarioId, preset and"
          + " scenario, or set or interventions to change the baseline");
    }
    if (present(node, "scenarioId") || present(node, "preset") || present(node, "scenario")) {
      return source(node, prefix, true).compose(s -> offLoop.run(() -> horizon(
          changed(s.scenario(), node, prefix, prefix, months), months)));
    }
    if (!present(node, "set") && !present(node, "interventions")) {
      throw ApiProblem.badField(field, "give one of scenarioId, preset and scenario, or set or"
          + " interventions to change the baseline");
    }
    return offLoop.run(() -> changed(baseline, node, prefix, "baseline.", null));
  }

  private static boolean present(JsonNode node, String field) {
    return node.hasNonNull(field);
  }

  /**
   * {@code base} with {@code interventions} added; problems of the added ones at {@code
   * PREFIX.interventions[i]}, others at {@code OTHERS} + their path.
   */
  private static Scenario withInterventions(Scenario base, JsonNode interventions,
      int first, String prefix, String others, int horizon) {
    Scenario result;
    try {
      result = Comparison.withInterventions(base, interventions);
    } catch (InvalidScenarioException e) {
      throw problems(e.problems(), first, prefix, others);
    }
    List<Problem> late = Comparison.startingAfter(result, first, horizon);
    if (!late.isEmpty()) {
      throw problems(late, first, prefix, others);
    }
    return result;
  }

  /** Problems of interventions, the added ones' paths counted from the first added. */
  private static ApiProblem problems(List<Problem> problems, int first, String prefix,
      String others) {
    List<ApiProblem.FieldError> errors = new ArrayList<>();
    problems.stream().limit(ApiProblem.MAX_ERRORS).forEach(p -> {
      Matcher m = INTERVENTION.matcher(p.path());
      String path = m.find() && Integer.parseInt(m.group(1)) >= first
          ? "interventions[" + (Integer.parseInt(m.group(1)) - first) + "]"
              + p.path().substring(m.end())
          : others + p.path();
      errors.add(new ApiProblem.FieldError(prefix + path, p.reason()));
    });
    return ApiProblem.badFields(errors, problems.size());
  }

  /** The scenario named by exactly one of {@code scenarioId}, {@code preset}, {@code scenario}. */
  private Future<Source> source(JsonNode node, String prefix, boolean variant) {
    String id = Bodies.text(node, "scenarioId", prefix + "scenarioId");
    String preset = Bodies.text(node, "preset", prefix + "preset");
    JsonNode inline = node.get("scenario");
    int given = (id == null ? 0 : 1) + (preset == null ? 0 : 1)
        + (inline == null || inline.isNull() ? 0 : 1);
    if (given != 1) {
      throw ApiProblem.badField(prefix.isEmpty() ? "scenario" : prefix.substring(0,
          prefix.length() - 1), "give exactly one of scenarioId, preset and scenario"
              + (variant ? " (or none, to change the baseline with set or interventions)" : "") + ", got " + given);
    }
    if (inline != null && !inline.isNull()) {
      return offLoop.run(() -> new Source(Bodies.scenario(inline, prefix + "scenario"), null,
          null));
    }
    if (preset != null) {
      Scenario scenario = Presets.load(preset).orElseThrow(() -> ApiProblem.notFound(
          prefix + "preset", "no preset \"" + Bodies.shown(preset) + "\""
              + didYouMean(preset)));
      return Future.succeededFuture(new Source(scenario, null, null));
    }
    UUID uuid = Bodies.uuid(id, prefix + "scenarioId");
    return scenarios.get(uuid)
        .recover(e -> Future.failedFuture(e instanceof NotFoundException
            ? noStoredScenario(prefix, uuid) : e))
        .compose(stored -> offLoop.run(() -> new Source(ScenarioJson.read(stored.document()),
            stored.id(), stored.version())));
  }

  /** The 404 of a {@code PREFIX.scenarioId} naming no stored scenario. */
  static ApiProblem noStoredScenario(String prefix, UUID id) {
    return ApiProblem.notFound(prefix + "scenarioId", "no stored scenario " + id);
  }

  static String didYouMean(String preset) {
    List<String> close = Presets.closest(preset);
    return close.isEmpty() ? "" : "; did you mean " + String.join(", ", close) + "?";
  }

  /** The scenario with {@code months} as its horizon when given, still valid. */
  private Scenario horizon(Scenario scenario, Integer months) {
    if (months == null) {
      if (scenario.horizonMonths() > limits.maxMonths()) {
        throw ApiProblem.badField("months", "the scenario's horizon of "
            + scenario.horizonMonths() + " months is beyond this server's limit of "
            + limits.maxMonths() + "; give months");
      }
      return scenario;
    }
    try {
      return ScenarioValidator.requireValid(scenario.withHorizon(months));
    } catch (InvalidScenarioException e) {
      throw ApiProblem.badFields(e.problems().stream().limit(ApiProblem.MAX_ERRORS)
          .map(p -> new ApiProblem.FieldError("months", p.toString())).toList(),
          e.problems().size());
    }
  }
}
