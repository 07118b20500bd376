package org.caseload.api.runs;

import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import java.util.List;
import java.util.OptionalLong;
import java.util.function.BooleanSupplier;
import org.caseload.core.metrics.Metric;
import org.caseload.core.scenario.InvalidScenarioException;
import org.caseload.core.scenario.ScenarioJson;
import org.caseload.sim.decide.GoalSeek;
import org.caseload.sim.decide.GoalSeekRequest;
import org.caseload.sim.decide.GoalSeekResult;
import org.caseload.sim.decide.Sensitivity;
import org.caseload.sim.decide.SensitivityPlan;
import org.caseload.sim.decide.SobolIndices;
import org.caseload.sim.decide.UnmovableTargetException;
import org.caseload.sim.engine.ChunkExecutor;
import org.caseload.sim.engine.MonteCarlo;
import org.caseload.sim.engine.Progress;
import org.caseload.sim.engine.RunOptions;
import org.caseload.sim.engine.RunResult;
import org.caseload.sim.output.GoalSeekOutput;
import org.caseload.sim.output.SensitivityOutput;
import org.caseload.sim.sweep.AllCouncils;
import org.caseload.sim.target.UnevaluableTargetException;

/**
 * The work of a goal-seek or sensitivity study, checked and ready: it writes the documents
 * {@code caseload goal-seek} and {@code caseload sensitivity} write for the same inputs.
 *
 * @implNote Immutable and thread-safe.
 */
public sealed interface Decision {

  /** Runs it (blocking) on {@code threads} workers, polling {@code cancelled}. */
  default RunPlan.Output execute(int threads, BooleanSupplier cancelled) {
    return execute(threads, cancelled, null, Progress.NONE);
  }

  /**
   * Runs it (blocking), its chunks computed by {@code chunks} (the cluster) when it is not
   * null, else on {@code threads} workers, with the same result to the byte; {@code progress}
   * is told the replications run so far.
   */
  RunPlan.Output execute(int threads, BooleanSupplier cancelled, ChunkExecutor chunks,
      Progress progress);

  /**
   * The replications it will run, or empty when that is not known ahead: a goal-seek's
   * depend on what its first plans show. A sweep's is at most this (a grid point that makes
   * a council's scenario invalid is skipped).
   */
  OptionalLong plannedReplications();

  /** A goal-seek; its request's threads and cancellation are replaced when it runs. */
  record GoalSeekWork(GoalSeekRequest request) implements Decision {

    @Override
    public RunPlan.Output execute(int threads, BooleanSupplier cancelled, ChunkExecutor chunks,
        Progress progress) {
      GoalSeekRequest r = request;
      GoalSeekResult result;
      try {
        result = GoalSeek.run(new GoalSeekRequest(r.base(), r.targets(), r.probability(),
            r.levers(), r.objective(), r.seed(), threads, r.screenReplications(),
            r.maxReplications(), cancelled), chunks, progress);
      } catch (UnmovableTargetException e) {
        throw new RefusedRunException("targets", e.getMessage());
      } catch (InvalidScenarioException e) {
        throw new RefusedRunException("levers", String.join("; ",
            e.problems().stream().map(Object::toString).toList()));
      } catch (UnevaluableTargetException e) {
        throw new RefusedRunException("targets", e.getMessage());
      } catch (IllegalArgumentException e) {
        throw new RefusedRunException("levers", e.getMessage());
      }
      return new RunPlan.Output(GoalSeekOutput.json(result), GoalSeekOutput.csv(result));
    }

    @Override
    public OptionalLong plannedReplications() {
      return OptionalLong.empty();
    }
  }

  /**
   * An all-England sweep: every council calibrated for a year, at every grid point, as
   * {@code caseload sweep --all-councils} runs it ({@code paired}: with {@code --paired}, each
   * point against its council's forecast); each scenario's chunks go to {@code chunks} (the
   * cluster) when it is given. Results: the tidy CSV, and JSON counting councils and scenarios
   * and listing the councils left out with the reason.
   */
  record SweepWork(AllCouncils.Councils councils, List<AllCouncils.Axis> axes,
      List<Metric> metrics, long replications, long seed, long summaryBytes, boolean paired)
      implements Decision {

    /**
     * Runs it; progress counts replications done over every scenario (paired: the points'
     * replications as each pass of points against their council ends, the council's own not
     * counted).
     */
    @Override
    public RunPlan.Output execute(int threads, BooleanSupplier cancelled, ChunkExecutor chunks,
        Progress progress) {
      long[] before = {0};
      AllCouncils.Output output;
      if (paired) {
        RunOptions options = RunOptions.builder().replications(replications).seed(seed)
            .threads(threads).summaryBytes(summaryBytes).cancelled(cancelled).build();
        output = AllCouncils.run(councils, axes, metrics,
            new AllCouncils.Runner.AgainstCouncil(options, chunks),
            () -> progress.update(before[0] += replications, 0));
      } else {
        output = AllCouncils.run(councils, axes, metrics, scenario -> {
          RunOptions options = RunOptions.builder().replications(replications).seed(seed)
              .threads(threads).summaryBytes(summaryBytes).cancelled(cancelled)
              .progress((done, total) -> progress.update(before[0] + done, 0)).build();
          RunResult result = MonteCarlo.run(scenario, options, List.of(), chunks);
          before[0] += result.replications();
          return result;
        });
      }
      ObjectNode json = ScenarioJson.mapper().createObjectNode();
      json.put("year", councils.year());
      json.put("councils", output.councilsRun());
      json.put("scenarios", output.scenariosRun());
      json.put("replications", replications);
      json.put("seed", seed);
      ArrayNode skipped = json.putArray("skipped");
      for (AllCouncils.Skipped s : output.skipped()) {
        skipped.addObject().put("code", s.area().code()).put("council", s.area().name())
            .put("reason", s.reason());
      }
      return new RunPlan.Output(json.toPrettyString() + "\n", output.csv());
    }

    @Override
    public OptionalLong plannedReplications() {
      return OptionalLong.of(councils.calibrated().size() * AllCouncils.combinations(axes)
          * replications);
    }
  }

  /** A sensitivity study; its threads and cancellation are set when it runs. */
  record SensitivityWork(SensitivityPlan plan) implements Decision {

    @Override
    public RunPlan.Output execute(int threads, BooleanSupplier cancelled, ChunkExecutor chunks,
        Progress progress) {
      SensitivityPlan.Result result = plan.run(threads, cancelled, chunks, progress);
      Sensitivity.Request r = plan.request();
      return new RunPlan.Output(SensitivityOutput.json(r, result.tornado(), result.sobol(),
          plan.points()), SensitivityOutput.csv(r, result.tornado(), result.sobol()));
    }

    @Override
    public OptionalLong plannedReplications() {
      return OptionalLong.of(plan.work().total());
    }
  }
}
