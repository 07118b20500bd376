package org.caseload.sim.cli;

import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.concurrent.Callable;
import org.caseload.core.scenario.Scenario;
import org.caseload.sim.engine.MonteCarlo;
import org.caseload.sim.engine.Precision;
import org.caseload.sim.engine.RunResult;
import org.caseload.sim.summary.Summary;
import org.caseload.sim.target.Target;
import org.caseload.sim.target.UnevaluableTargetException;
import picocli.CommandLine.ArgGroup;
import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Spec;
import picocli.CommandLine.Model.CommandSpec;

/** {@code caseload run}: Monte Carlo replications of one scenario, summarised. */
@Command(name = "run", mixinStandardHelpOptions = true, sortOptions = false,
    description = {"Run replications of a scenario; print summaries by month, 30 September"
        + " snapshots and target probabilities.", "",
        "Change the scenario with --set PATH=VALUE (any field, docs/scenario-format.md) and"
        + " --with JSON (interventions; every lever with its units and typical range is in"
        + " docs/levers.md)."})
final class RunCommand implements Callable<Integer> {

  @Spec
  CommandSpec spec;

  @ArgGroup(exclusive = true, multiplicity = "1")
  ScenarioChoice choice;

  @Mixin
  ScenarioEditOptions edits;

  @Mixin
  InterventionOptions interventions;

  @Mixin
  RunFlags flags;

  @Mixin
  OutputFormat output;

  @Mixin
  TargetOptions targets;

  @Mixin
  PrecisionOptions precision;

  @Override
  public Integer call() {
    output.check();
    RunFlags.checkNotInput(flags.out, "--scenario", choice.file);
    RunFlags.checkNotPreset(flags.out);
    List<Precision> precisions = precision.parse();
    Scenario scenario = interventions.apply(flags.horizon(edits.apply(choice.resolve())));
    RunResult result = run(spec, flags, scenario, targets.parse(), precisions);
    if (!precisions.isEmpty() && !result.stoppedEarly()) {
      spec.commandLine().getErr().println(notReached(result, precisions));
      spec.commandLine().getErr().flush();
    }
    flags.emit(spec.commandLine().getOut(), output.render(result));
    return 0;
  }

  /**
   * Why a run asked to stop at a precision ran every replication: each metric's widest
   * half-width and its month, or the months whose replications all agreed, or the months where
   * fewer than two had a value (a caseload with nobody holding cases): neither is ever judged
   * precise.
   */
  static String notReached(RunResult result, List<Precision> precisions) {
    List<String> reasons = new ArrayList<>();
    for (Precision p : precisions) {
      int agreed = 0;
      int fewValues = 0;
      int widestMonth = 1;
      double widest = 0;
      for (int t = 1; t <= result.months(); t++) {
        Summary summary = result.summary(t, p.metric());
        if (summary.n() < 2) {
          fewValues++;
        } else if (!(summary.sd() > 0)) {
          agreed++;
        } else if (summary.halfWidth95() > widest) {
          widest = summary.halfWidth95();
          widestMonth = t;
        }
      }
      reasons.add(fewValues > 0
          ? String.format(Locale.ROOT, "%s had a value in fewer than two replications in %d"
              + " month%s, which is never judged precise", p.metric(), fewValues,
              fewValues == 1 ? "" : "s")
          : agreed > 0
          ? String.format(Locale.ROOT, "%s was the same in every replication of %d"
              + " month%s, which is never judged precise", p.metric(), agreed,
              agreed == 1 ? "" : "s")
          : String.format(Locale.ROOT, "%s's widest half-width was %.3g (month %d),"
              + " asked %.3g", p.metric(), widest, widestMonth, p.halfWidth()));
    }
    return String.format(Locale.ROOT, "--precision: not reached in %,d"
        + " replications: %s", result.replications(), String.join("; ", reasons));
  }

  /** Runs with a progress bar; a target the scenario cannot evaluate is a user error. */
  static RunResult run(CommandSpec spec, RunFlags flags, Scenario scenario,
      List<Target> targets) {
    return run(spec, flags, scenario, targets, List.of());
  }

  /** {@link #run(CommandSpec, RunFlags, Scenario, List)}, stopping at these precisions. */
  static RunResult run(CommandSpec spec, RunFlags flags, Scenario scenario,
      List<Target> targets, List<Precision> precisions) {
    flags.confirmLongRun(List.of(scenario));
    ProgressBar bar = flags.progressBar(spec.commandLine().getErr());
    try {
      return MonteCarlo.run(scenario, flags.options(bar).withPrecisions(precisions), targets);
    } catch (UnevaluableTargetException e) {
      throw new UserError("--target: " + e.getMessage());
    } finally {
      bar.finish();
    }
  }
}
