package org.caseload.api.runs;

import com.fasterxml.jackson.databind.node.ArrayNode;
import java.util.List;
import java.util.UUID;
import org.caseload.api.domain.RunKind;
import org.caseload.core.scenario.Scenario;
import org.caseload.core.scenario.ScenarioJson;
import org.caseload.sim.engine.Comparison;
import org.caseload.sim.engine.ComparisonResult;
import org.caseload.sim.engine.MonteCarlo;
import org.caseload.sim.engine.RunOptions;
import org.caseload.sim.engine.RunResult;
import org.caseload.sim.output.ComparisonOutput;
import org.caseload.sim.engine.Precision;
import org.caseload.sim.output.RunCsv;
import org.caseload.sim.output.RunJson;
import org.caseload.sim.target.Target;

/**
 * What a run will do, checked and ready: the scenarios as they will run (horizon applied;
 * for a comparison the baseline first), targets, replications and seed, and the request as
 * the planner sent it.
 *
 * @param scenarioId the stored scenario it came from, or null (inline or preset)
 * @param decision a goal-seek's or sensitivity study's work; null for runs and comparisons
 * @param precisions a run's early-stop requests (empty: every replication; runs only)
 * @implNote Immutable and thread-safe.
 */
public record RunPlan(RunKind kind, UUID scenarioId, Integer scenarioVersion,
    List<Scenario> scenarios, List<Target> targets, long replications, long seed,
    String request, Decision decision, List<Precision> precisions) {

  public RunPlan {
    scenarios = List.copyOf(scenarios);
    targets = List.copyOf(targets);
    precisions = List.copyOf(precisions);
    if (kind.decision() != (decision != null)) {
      throw new IllegalArgumentException("a " + kind.text() + " plan "
          + (kind.decision() ? "needs" : "takes no") + " decision");
    }
    if (!precisions.isEmpty() && kind != RunKind.RUN) {
      throw new IllegalArgumentException("a " + kind.text() + " plan stops at no precision");
    }
  }

  /** A goal-seek or sensitivity study. */
  public RunPlan(RunKind kind, UUID scenarioId, Integer scenarioVersion,
      List<Scenario> scenarios, List<Target> targets, long replications, long seed,
      String request, Decision decision) {
    this(kind, scenarioId, scenarioVersion, scenarios, targets, replications, seed, request,
        decision, List.of());
  }

  /** A run or comparison. */
  public RunPlan(RunKind kind, UUID scenarioId, Integer scenarioVersion,
      List<Scenario> scenarios, List<Target> targets, long replications, long seed,
      String request) {
    this(kind, scenarioId, scenarioVersion, scenarios, targets, replications, seed, request,
        null, List.of());
  }

  /**
   * The results as JSON and CSV: the documents {@code caseload run}, {@code compare},
   * {@code goal-seek} and {@code sensitivity} write.
   */
  public record Output(String json, String csv) {}

  public int months() {
    return scenarios.get(0).horizonMonths();
  }

  /** Runs it (blocking, on the calling thread and the options' workers). */
  public Output execute(RunOptions options) {
    return execute(options, null);
  }

  /**
   * Runs it; its chunks (of a run, comparison, sweep, goal-seek or sensitivity study) are
   * computed by {@code chunks} when it is not null (the cluster), with the same result to the
   * byte.
   */
  public Output execute(RunOptions options, org.caseload.sim.engine.ChunkExecutor chunks) {
    if (decision != null) {
      return decision.execute(options.threads(), options.cancelled(), chunks,
          options.progress());
    }
    if (kind == RunKind.RUN) {
      RunResult result = MonteCarlo.run(scenarios.get(0), options.withPrecisions(precisions),
          targets, chunks);
      return new Output(RunJson.write(result), RunCsv.write(result));
    }
    ComparisonResult result = Comparison.run(scenarios.get(0),
        scenarios.subList(1, scenarios.size()), options, true, targets, chunks);
    return new Output(ComparisonOutput.json(result), ComparisonOutput.csv(result));
  }

  /** The scenarios as run, a JSON array in the scenario format. */
  public String scenariosJson() {
    ArrayNode array = ScenarioJson.mapper().createArrayNode();
    scenarios.forEach(s -> array.add(ScenarioJson.toTree(s)));
    return array.toString();
  }
}
