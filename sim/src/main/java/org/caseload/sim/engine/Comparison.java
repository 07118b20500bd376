package org.caseload.sim.engine;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import java.util.ArrayList;
import java.util.List;
import org.caseload.core.metrics.Metric;
import org.caseload.core.model.MonthPlan;
import org.caseload.core.scenario.Scenario;
import org.caseload.core.scenario.ScenarioJson;
import org.caseload.core.scenario.ScenarioValidator;
import org.caseload.sim.random.SeedMixer;
import org.caseload.sim.random.Streams;

/**
 * Runs a baseline and variants replication by replication on common random numbers: in
 * replication r every scenario draws from the streams of (seed, r, process), so the paired
 * difference measures the interventions, not the luck of the draw (MODEL.md section 7).
 * With {@code commonRandomNumbers} off, each variant gets its own streams (for showing what
 * common random numbers gain).
 *
 * @implNote Stateless and thread-safe.
 */
public final class Comparison {

  private Comparison() {}

  /**
   * Checks the scenarios of a comparison before it runs: all valid, every variant with the
   * baseline's horizon and base date.
   *
   * @throws org.caseload.core.scenario.InvalidScenarioException if a scenario has problems
   * @throws IllegalArgumentException if a variant's horizon or base date differs
   */
  public static void checkVariants(Scenario baseline, List<Scenario> variants) {
    ScenarioValidator.requireValid(baseline);
    for (int v = 0; v < variants.size(); v++) {
      Scenario variant = ScenarioValidator.requireValid(variants.get(v));
      if (variant.horizonMonths() != baseline.horizonMonths()
          || !variant.baseDate().equals(baseline.baseDate())) {
        throw new IllegalArgumentException("variant " + (v + 1) + " (" + variant.name()
            + "): must have the baseline's base date and horizon (" + baseline.baseDate() + ", "
            + baseline.horizonMonths() + " months), has " + variant.baseDate() + ", "
            + variant.horizonMonths() + " months");
      }
    }
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
    tree.put("name", baseline.name() + " + " + String.join(" + ",
        items.stream().map(n -> n.path("type").asText("?")).toList()));
    return ScenarioJson.fromTree(tree);
  }

  /**
   * Compares; every variant must have the baseline's horizon and base date.
   *
   * @throws IllegalArgumentException if a variant's horizon or base date differs
   */
  public static ComparisonResult run(Scenario baseline, List<Scenario> variants,
      RunOptions options, boolean commonRandomNumbers) {
    checkVariants(baseline, variants);
    List<MonthPlan> plans = new ArrayList<>();
    plans.add(MonthPlan.of(baseline));
    variants.forEach(v -> plans.add(MonthPlan.of(v)));
    ChunkedRunner<List<MonteCarlo.Replicator>, Paired> runner = new ChunkedRunner<>(options,
        () -> replicators(plans, options.seed(), commonRandomNumbers),
        () -> new Paired(baseline, variants),
        (workers, replication, into) -> {
          double[][] base = workers.get(0).replicate(replication);
          into.recordBaseline(base);
          for (int v = 1; v < workers.size(); v++) {
            into.record(base, v - 1, workers.get(v).replicate(replication));
          }
        });
    Paired total = new Paired(baseline, variants);
    runner.run(total, paired -> false);
    return result(baseline, variants, options, total, commonRandomNumbers);
  }

  private static List<MonteCarlo.Replicator> replicators(List<MonthPlan> plans, long seed,
      boolean common) {
    List<MonteCarlo.Replicator> list = new ArrayList<>();
    for (int i = 0; i < plans.size(); i++) {
      long streamSeed = common || i == 0 ? seed : SeedMixer.mix64(seed ^ (0x5DEECE66DL * i));
      list.add(new MonteCarlo.Replicator(plans.get(i), Streams.of(streamSeed)));
    }
    return list;
  }

  private static ComparisonResult result(Scenario baseline, List<Scenario> variants,
      RunOptions options, Paired total, boolean common) {
    RunResult base = MonteCarlo.result(baseline, options, List.of(), total.baseline, false);
    List<ComparisonResult.Variant> results = new ArrayList<>();
    for (int v = 0; v < variants.size(); v++) {
      RunResult run = MonteCarlo.result(variants.get(v), options, List.of(),
          total.variants.get(v), false);
      List<List<ComparisonResult.Difference>> byMonth = new ArrayList<>();
      for (int t = 0; t < baseline.horizonMonths(); t++) {
        List<ComparisonResult.Difference> row = new ArrayList<>();
        for (Metric m : Metric.values()) {
          double better = m.better() == Metric.Better.NEITHER ? Double.NaN
              : (double) total.better[v][t][m.ordinal()] / total.replications();
          row.add(new ComparisonResult.Difference(
              total.differences[v][t][m.ordinal()].summary(), better));
        }
        byMonth.add(row);
      }
      results.add(new ComparisonResult.Variant(run, byMonth));
    }
    return new ComparisonResult(base, results, common);
  }
}
