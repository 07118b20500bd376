package org.caseload.sim.engine;

import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import org.caseload.core.metrics.Metric;
import org.caseload.core.metrics.SnapshotMetric;
import org.caseload.core.metrics.Trajectory;
import org.caseload.core.model.MonthPlan;
import org.caseload.core.model.RandomProcess;
import org.caseload.core.model.RandomSources;
import org.caseload.core.model.Sampler;
import org.caseload.core.model.Simulation;
import org.caseload.core.scenario.Scenario;
import org.caseload.core.scenario.ScenarioValidator;
import org.caseload.core.scenario.Uncertainty;
import org.caseload.sim.random.Streams;
import org.caseload.sim.summary.Summary;
import org.caseload.sim.target.Goal;
import org.caseload.sim.target.Target;
import org.caseload.sim.target.TargetResult;

/**
 * Runs a scenario's replications and summarises them (docs/specification.md section 7).
 *
 * @implNote Stateless and thread-safe; each run builds its own workers.
 */
public final class MonteCarlo {

  private MonteCarlo() {}

  /**
   * Runs {@code scenario} with {@code options}, checking {@code targets} in every replication.
   *
   * @throws org.caseload.core.scenario.InvalidScenarioException if the scenario has problems
   * @throws IllegalArgumentException if a target cannot be evaluated in this scenario
   * @throws java.util.concurrent.CancellationException if cancelled
   * @throws SummaryMemory.TooLargeException if its summaries would not fit this process even
   *     on one thread (on fewer threads than asked they run on fewer, with the same result)
   */
  public static RunResult run(Scenario scenario, RunOptions given, List<Target> targets) {
    ScenarioValidator.requireValid(scenario);
    Outcomes.check(scenario, targets);
    RunOptions options = fitted(scenario, given);
    MonthPlan plan = MonthPlan.of(scenario);
    Streams streams = Streams.of(options.seed(), options.samplers());
    ChunkedRunner<Replicator, Outcomes> runner = new ChunkedRunner<>(options,
        () -> new Replicator(plan, streams), () -> new Outcomes(scenario, targets),
        (worker, replication, into) -> into.record(worker.replicate(replication)));
    Outcomes total = new Outcomes(scenario, targets);
    boolean early = runner.run(total, outcomes -> precise(outcomes, options, scenario));
    return result(scenario, options, targets, total, early);
  }

  /**
   * Like {@link #run(Scenario, RunOptions, List)}, with the chunks computed by {@code
   * executor} (another process or machine) and merged here in chunk order: the same result,
   * to the byte. A null executor computes here.
   */
  public static RunResult run(Scenario scenario, RunOptions options, List<Target> targets,
      ChunkExecutor executor) {
    if (executor == null || options.samplers() != org.caseload.sim.random.SamplerFactory.FAST) {
      return run(scenario, options, targets);
    }
    fitted(scenario, options); // the merge here holds the total and the chunks in flight
    ChunkWork work = ChunkWork.run(scenario, targets, options.seed(), options.replications());
    try (ChunkSource source = executor.open(work, options)) {
      return work.mergeRun(source, options, outcomes -> precise(outcomes, options, scenario));
    }
  }

  /**
   * {@code options} on as many of their threads as the run's summaries fit
   * ({@link SummaryMemory}).
   *
   * @throws SummaryMemory.TooLargeException if they do not fit even on one thread
   */
  private static RunOptions fitted(Scenario scenario, RunOptions options) {
    return SummaryMemory.fitted(options,
        threads -> SummaryMemory.run(scenario, options.replications(), threads));
  }

  /**
   * Checks that every target can be evaluated in {@code scenario}, before a run is queued.
   *
   * @throws IllegalArgumentException naming the target and the reason
   */
  public static void checkTargets(Scenario scenario, List<Target> targets) {
    Outcomes.check(scenario, targets);
  }

  /**
   * Replication {@code replication} of a run with master seed {@code seed}, alone: the same
   * trajectory it has inside any run of that seed.
   */
  public static Trajectory replicate(Scenario scenario, long seed, long replication) {
    double[][] rows = replicateRows(scenario, seed, replication);
    double[][] metrics = new double[rows.length][];
    for (int t = 0; t < rows.length; t++) {
      metrics[t] = Arrays.copyOf(rows[t], Metric.COUNT);
    }
    return Trajectory.of(scenario.baseDate(), metrics);
  }

  /** The same replication's full rows: the metrics, then each team's (a copy). */
  static double[][] replicateRows(Scenario scenario, long seed, long replication) {
    ScenarioValidator.requireValid(scenario);
    double[][] rows = new Replicator(MonthPlan.of(scenario), Streams.of(seed))
        .replicate(replication);
    double[][] copy = new double[rows.length][];
    for (int t = 0; t < rows.length; t++) {
      copy[t] = rows[t].clone();
    }
    return copy;
  }

  /**
   * One thread's simulation and row buffer (the metrics, then each team's). When the scenario has uncertain parameters, each
   * replication first draws its own values (from the PARAMETERS stream) and simulates the
   * scenario they give.
   */
  static final class Replicator {
    private final MonthPlan plan;
    private final Simulation simulation;
    private final Streams.Reusable sources;
    private final double[][] rows;
    private final double[] z;

    Replicator(MonthPlan plan, Streams streams) {
      this.plan = plan;
      this.simulation = Simulation.of(plan);
      this.sources = streams.reusable();
      this.rows = new double[plan.horizon()][simulation.rowWidth()];
      this.z = new double[plan.scenario().uncertainty().size()];
    }

    /** Runs replication {@code r}; returns the rows, valid until the next call. */
    double[][] replicate(long r) {
      RandomSources replication = sources.at(r);
      if (z.length > 0) {
        simulation.reset(MonthPlan.of(drawn(plan.scenario(), replication, z)));
      } else {
        simulation.reset();
      }
      for (double[] row : rows) {
        simulation.step(replication, row);
      }
      return rows;
    }
  }

  /**
   * The scenario a replication simulates: its uncertain parameters drawn from its PARAMETERS
   * stream, one standard normal each in order, into {@code z} (as long as the scenario's
   * uncertainty list).
   */
  static Scenario drawn(Scenario scenario, RandomSources replication, double[] z) {
    Sampler parameters = replication.get(RandomProcess.PARAMETERS).at(0);
    for (int i = 0; i < z.length; i++) {
      z[i] = parameters.normal();
    }
    return Uncertainty.draw(scenario, z);
  }

  /**
   * Whether every requested metric's mean is known to its half-width in every month, after at
   * least {@link Precision#MIN_REPLICATIONS}. A month whose replications all agree is not: its
   * half-width of 0 says only that nothing else has been seen yet (a rare event, such as
   * children waiting in a well-staffed month, would otherwise stop a run before it showed).
   */
  private static boolean precise(Outcomes outcomes, RunOptions options, Scenario scenario) {
    if (options.precisions().isEmpty()
        || outcomes.replications() < Precision.MIN_REPLICATIONS) {
      return false;
    }
    for (Precision precision : options.precisions()) {
      for (int t = 1; t <= scenario.horizonMonths(); t++) {
        Summary summary = outcomes.monthly(t, precision.metric()).summary();
        if (!(summary.sd() > 0) || summary.halfWidth95() > precision.halfWidth()) {
          return false;
        }
      }
    }
    return true;
  }

  static RunResult result(Scenario scenario, RunOptions options, List<Target> targets,
      Outcomes total, boolean early) {
    List<RunResult.MonthSummary> monthly = new ArrayList<>();
    for (int t = 1; t <= scenario.horizonMonths(); t++) {
      List<Summary> summaries = new ArrayList<>();
      for (int column = 0; column < total.width(); column++) {
        summaries.add(total.monthly(t, column).summary());
      }
      monthly.add(new RunResult.MonthSummary(t, scenario.dateOf(t), summaries));
    }
    List<RunResult.SnapshotSummary> snapshots = new ArrayList<>();
    int[] months = total.snapshotMonths();
    for (int s = 0; s < months.length; s++) {
      List<Summary> summaries = new ArrayList<>();
      for (SnapshotMetric m : SnapshotMetric.values()) {
        summaries.add(total.snapshot(s, m).summary());
      }
      snapshots.add(new RunResult.SnapshotSummary(scenario.dateOf(months[s]), months[s],
          summaries));
    }
    List<TargetResult> results = new ArrayList<>();
    List<Goal> goals = Goal.of(targets);
    for (int i = 0; i < goals.size(); i++) {
      results.add(new TargetResult(goals.get(i), total.targetsMet(i), total.replications()));
    }
    return new RunResult(scenario, options.seed(), Streams.DESCRIPTION, total.replications(),
        options.replications(), early, monthly, snapshots, results, total.costs());
  }
}
