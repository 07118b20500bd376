package org.caseload.sim.engine;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import java.util.ArrayList;
import java.util.List;
import org.caseload.core.metrics.Metric;
import org.caseload.core.model.MonthPlan;
import org.caseload.core.scenario.Intervention;
import org.caseload.core.scenario.PlainText;
import org.caseload.core.scenario.Problem;
import org.caseload.core.scenario.Scenario;
import org.caseload.core.scenario.ScenarioJson;
import org.caseload.core.scenario.ScenarioValidator;
import org.caseload.sim.random.SeedMixer;
import org.caseload.sim.random.Streams;
import org.caseload.sim.summary.Summary;
import org.caseload.sim.target.Goal;
import org.caseload.sim.target.Target;

/**
 * Runs a baseline and variants replication by replication on common random numbers: in
 * replication r every scenario draws from the streams of (seed, r, process), so the paired
 * difference measures the interventions, not the luck of the draw (docs/specification.md section 7).
 * With {@code commonRandomNumbers} off, each variant gets its own streams (for showing what
 * common random numbers gain).
 *
 * @implNote Stateless and thread-safe.
 */
public final class Comparison {

  private Comparison() {}

  /**
   * Checks the scenarios of a comparison before it runs: all valid, every variant comparable
   * with the baseline ({@link #whyNotComparable}).
   *
   * @throws org.caseload.core.scenario.InvalidScenarioException if a scenario has problems
   * @throws IllegalArgumentException if a variant is not comparable
   */
  public static void checkVariants(Scenario baseline, List<Scenario> variants) {
    ScenarioValidator.requireValid(baseline);
    for (int v = 0; v < variants.size(); v++) {
      Scenario variant = ScenarioValidator.requireValid(variants.get(v));
      String why = whyNotComparable(baseline, variant);
      if (why != null) {
        throw new IllegalArgumentException("variant " + (v + 1) + " (" + variant.name()
            + "): " + why);
      }
    }
  }

  /**
   * Why {@code variant} cannot be compared with {@code baseline}, or null when it can: a
   * variant runs on the baseline's months (the same base date and horizon) and is of the same
   * council where both say which ({@code area}, read as {@link PlainText#readingKey}): Kent as
   * a variant of Rutland had been compared "on common random numbers", +£52m a year.
   */
  public static String whyNotComparable(Scenario baseline, Scenario variant) {
    if (variant.horizonMonths() != baseline.horizonMonths()
        || !variant.baseDate().equals(baseline.baseDate())) {
      return "must have the baseline's base date and horizon (" + baseline.baseDate() + ", "
          + baseline.horizonMonths() + " months), has " + variant.baseDate() + ", "
          + variant.horizonMonths() + " months";
    }
    if (baseline.area() != null && variant.area() != null
        && !PlainText.readingKey(baseline.area()).equals(PlainText.readingKey(variant.area()))) {
      return "must be of the baseline's council (" + baseline.area() + "), is of "
          + variant.area();
    }
    return null;
  }

  /**
   * The baseline with {@code added} interventions appended (a JSON object or an array of
   * them, in the scenario format) and named after them.
   *
   * @throws org.caseload.core.scenario.InvalidScenarioException if the result has problems;
   *     paths count interventions in the whole list, from {@code baseline}'s own
   */
  public static Scenario withInterventions(Scenario baseline, JsonNode added) {
    ObjectNode tree = ScenarioJson.toTree(baseline);
    ArrayNode levers = tree.withArray("interventions");
    List<JsonNode> items = new ArrayList<>();
    (added.isArray() ? added : List.of(added)).forEach(items::add);
    items.forEach(levers::add);
    tree.put("name", Scenario.fittedName(baseline.name() + " + " + String.join(" + ",
        items.stream().map(n -> n.path("type").asText("?")).toList())));
    return ScenarioJson.fromTree(tree);
  }

  /**
   * Problems of the interventions from index {@code first} on (those a planner added) that
   * start after month {@code horizon}: in a run of that many months they would change
   * nothing, which is almost always a mistake (a start month typed for a longer run).
   */
  public static List<Problem> startingAfter(Scenario scenario, int first, int horizon) {
    List<Problem> problems = new ArrayList<>();
    List<Intervention> levers = scenario.interventions();
    for (int i = first; i < levers.size(); i++) {
      int start = levers.get(i).startMonth();
      if (start > horizon) {
        problems.add(Problem.of("interventions[" + i + "].startMonth", "starts after the"
            + " run's last month (" + horizon + "), so it would change nothing; give 1 to "
            + horizon + ", was " + start));
      }
    }
    return problems;
  }

  /**
   * Compares without targets; every variant must have the baseline's horizon and base date.
   *
   * @throws IllegalArgumentException if a variant's horizon or base date differs
   */
  public static ComparisonResult run(Scenario baseline, List<Scenario> variants,
      RunOptions options, boolean commonRandomNumbers) {
    return run(baseline, variants, options, commonRandomNumbers, List.of());
  }

  /**
   * Compares, checking {@code targets} in every scenario's replications; every variant must
   * have the baseline's horizon and base date.
   *
   * @throws IllegalArgumentException if a variant's horizon or base date differs, or a target
   *     cannot be evaluated in the baseline's horizon
   */
  public static ComparisonResult run(Scenario baseline, List<Scenario> variants,
      RunOptions given, boolean commonRandomNumbers, List<Target> targets) {
    checkVariants(baseline, variants);
    MonteCarlo.checkTargets(baseline, targets);
    RunOptions options = fitted(baseline, variants, given);
    List<MonthPlan> plans = new ArrayList<>();
    plans.add(MonthPlan.of(baseline));
    variants.forEach(v -> plans.add(MonthPlan.of(v)));
    ChunkedRunner<List<MonteCarlo.Replicator>, Paired> runner = new ChunkedRunner<>(options,
        () -> replicators(plans, options.seed(), commonRandomNumbers),
        () -> new Paired(baseline, variants, targets),
        Comparison::replicate);
    Paired total = new Paired(baseline, variants, targets);
    runner.run(total, paired -> false);
    return result(baseline, variants, options, targets, total, commonRandomNumbers);
  }

  /**
   * Like {@link #run(Scenario, List, RunOptions, boolean, List)}, with the chunks computed by
   * {@code executor} (another process or machine) and merged here in chunk order: the same
   * result, to the byte. A null executor computes here.
   */
  public static ComparisonResult run(Scenario baseline, List<Scenario> variants,
      RunOptions options, boolean commonRandomNumbers, List<Target> targets,
      ChunkExecutor executor) {
    if (executor == null || options.samplers() != org.caseload.sim.random.SamplerFactory.FAST) {
      return run(baseline, variants, options, commonRandomNumbers, targets);
    }
    fitted(baseline, variants, options); // the merge here holds the total and chunks in flight
    ChunkWork work = ChunkWork.comparison(baseline, variants, targets, options.seed(),
        options.replications(), commonRandomNumbers);
    Paired total;
    try (ChunkSource source = executor.open(work, options)) {
      total = work.mergeComparison(source, options);
    }
    return result(baseline, variants, options, targets, total, commonRandomNumbers);
  }

  /**
   * {@code options} on as many of their threads as the comparison's summaries fit
   * ({@link SummaryMemory}).
   *
   * @throws SummaryMemory.TooLargeException if they do not fit even on one thread
   */
  private static RunOptions fitted(Scenario baseline, List<Scenario> variants,
      RunOptions options) {
    return SummaryMemory.fitted(options, threads -> SummaryMemory.comparison(baseline, variants,
        options.replications(), threads));
  }

  /** Replication {@code replication} of every scenario, the baseline first, into a pairing. */
  static void replicate(List<MonteCarlo.Replicator> workers, long replication, Paired into) {
    double[][] base = workers.get(0).replicate(replication);
    into.recordBaseline(base);
    for (int v = 1; v < workers.size(); v++) {
      into.record(base, v - 1, workers.get(v).replicate(replication));
    }
  }

  static List<MonteCarlo.Replicator> replicators(List<MonthPlan> plans, long seed,
      boolean common) {
    List<MonteCarlo.Replicator> list = new ArrayList<>();
    for (int i = 0; i < plans.size(); i++) {
      long streamSeed = common || i == 0 ? seed : SeedMixer.mix64(seed ^ (0x5DEECE66DL * i));
      list.add(new MonteCarlo.Replicator(plans.get(i), Streams.of(streamSeed)));
    }
    return list;
  }

  private static ComparisonResult result(Scenario baseline, List<Scenario> variants,
      RunOptions options, List<Target> targets, Paired total, boolean common) {
    RunResult base = MonteCarlo.result(baseline, options, targets, total.baseline, false);
    List<ComparisonResult.Variant> results = new ArrayList<>();
    for (int v = 0; v < variants.size(); v++) {
      RunResult run = MonteCarlo.result(variants.get(v), options, targets,
          total.variants.get(v), false);
      List<List<ComparisonResult.Difference>> byMonth = new ArrayList<>();
      for (int t = 0; t < baseline.horizonMonths(); t++) {
        List<ComparisonResult.Difference> row = new ArrayList<>();
        for (Metric m : Metric.values()) {
          row.add(difference(total, v, t, m));
        }
        byMonth.add(row);
      }
      List<ComparisonResult.TargetDifference> targetDifferences = new ArrayList<>();
      List<Goal> goals = Goal.of(targets);
      for (int i = 0; i < goals.size(); i++) {
        targetDifferences.add(new ComparisonResult.TargetDifference(goals.get(i),
            total.onlyVariantMet[v][i], total.onlyBaselineMet[v][i], total.replications()));
      }
      results.add(new ComparisonResult.Variant(run, byMonth, total.costDifference(v),
          targetDifferences));
    }
    return new ComparisonResult(base, results, common);
  }

  /**
   * The paired difference of metric {@code m} in month {@code t + 1}: its summary and the
   * shares better, the same and worse, all of the replications where both scenarios have a
   * value ({@link Paired#record}; NaN shares where none has).
   */
  private static ComparisonResult.Difference difference(Paired total, int v, int t, Metric m) {
    int i = m.ordinal();
    Summary summary = total.differences[v][t][i].summary();
    double n = summary.n() == 0 ? Double.NaN : summary.n();
    double lower = total.lower[v][t][i] / n;
    double higher = total.higher[v][t][i] / n;
    double same = (summary.n() - total.lower[v][t][i] - total.higher[v][t][i]) / n;
    return switch (m.better()) {
      case LOWER -> new ComparisonResult.Difference(summary, lower, same, higher);
      case HIGHER -> new ComparisonResult.Difference(summary, higher, same, lower);
      case NEITHER -> new ComparisonResult.Difference(summary, Double.NaN, same, Double.NaN);
    };
  }
}
