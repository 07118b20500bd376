package org.caseload.api.runs;

import java.util.List;
import java.util.function.BooleanSupplier;
import org.caseload.core.scenario.InvalidScenarioException;
import org.caseload.sim.decide.GoalSeek;
import org.caseload.sim.decide.GoalSeekRequest;
import org.caseload.sim.decide.GoalSeekResult;
import org.caseload.sim.decide.Sensitivity;
import org.caseload.sim.decide.SobolIndices;
import org.caseload.sim.decide.UnmovableTargetException;
import org.caseload.sim.output.GoalSeekOutput;
import org.caseload.sim.output.SensitivityOutput;

/**
 * The work of a goal-seek or sensitivity study, checked and ready: it writes the documents
 * {@code caseload goal-seek} and {@code caseload sensitivity} write for the same inputs.
 *
 * @implNote Immutable and thread-safe.
 */
public sealed interface Decision {

  /** Runs it (blocking) on {@code threads} workers, polling {@code cancelled}. */
  RunPlan.Output execute(int threads, BooleanSupplier cancelled);

  /** A goal-seek; its request's threads and cancellation are replaced when it runs. */
  record GoalSeekWork(GoalSeekRequest request) implements Decision {

    @Override
    public RunPlan.Output execute(int threads, BooleanSupplier cancelled) {
      GoalSeekRequest r = request;
      GoalSeekResult result;
      try {
        result = GoalSeek.run(new GoalSeekRequest(r.base(), r.targets(), r.probability(),
            r.levers(), r.objective(), r.seed(), threads, r.screenReplications(),
            r.maxReplications(), cancelled));
      } catch (UnmovableTargetException e) {
        throw new RefusedRunException("targets", e.getMessage());
      } catch (InvalidScenarioException e) {
        throw new RefusedRunException("levers", String.join("; ",
            e.problems().stream().map(Object::toString).toList()));
      } catch (IllegalArgumentException e) {
        throw new RefusedRunException(e.getMessage().startsWith("target") ? "targets"
            : "levers", e.getMessage());
      }
      return new RunPlan.Output(GoalSeekOutput.json(result), GoalSeekOutput.csv(result));
    }
  }

  /** What a sensitivity study computes. */
  enum Method {
    TORNADO, SOBOL, BOTH;

    /** The method written {@code text} (as the CLI's {@code --method}), or null. */
    public static Method of(String text) {
      return List.of("tornado", "sobol", "both").contains(text)
          ? valueOf(text.toUpperCase(java.util.Locale.ROOT)) : null;
    }
  }

  /**
   * A sensitivity study; its request's threads and cancellation are replaced when it runs.
   *
   * @param points Sobol base points
   * @param bootstrap bootstrap resamples of the indices' intervals
   */
  record SensitivityWork(Sensitivity.Request request, Method method, int points,
      int bootstrap) implements Decision {

    @Override
    public RunPlan.Output execute(int threads, BooleanSupplier cancelled) {
      Sensitivity.Request r = new Sensitivity.Request(request.base(), request.output(),
          request.parameters(), request.levers(), request.replications(), request.seed(),
          threads, cancelled);
      Sensitivity.Tornado tornado = method == Method.SOBOL ? null : Sensitivity.tornado(r);
      SobolIndices.Result sobol = method == Method.TORNADO ? null
          : Sensitivity.sobol(r, points, bootstrap);
      return new RunPlan.Output(SensitivityOutput.json(r, tornado, sobol, points),
          SensitivityOutput.csv(r, tornado, sobol));
    }
  }
}
