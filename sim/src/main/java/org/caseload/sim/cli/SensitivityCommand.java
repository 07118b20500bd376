package org.caseload.sim.cli;

import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.Callable;
import org.caseload.core.scenario.Scenario;
import org.caseload.sim.decide.Sensitivity;
import org.caseload.sim.decide.SensitivityPlan;
import org.caseload.sim.engine.Progress;
import org.caseload.sim.output.SensitivityOutput;
import picocli.CommandLine.ArgGroup;
import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.Option;
import picocli.CommandLine.Spec;

/** {@code caseload sensitivity}: what drives the spread of one output. */
@Command(name = "sensitivity", mixinStandardHelpOptions = true, sortOptions = false,
    description = {"One-way swings (tornado) of each uncertain parameter between its 5th and"
        + " 95th percentiles and of each --lever between its range ends, and Sobol indices"
        + " of the output with respect to the uncertain parameters, on common random"
        + " numbers (docs/decide.md)."})
final class SensitivityCommand implements Callable<Integer> {

  @Spec
  CommandSpec spec;

  @ArgGroup(exclusive = true, multiplicity = "1")
  DecisionBase base;

  @Mixin
  DataFlags data;

  @Mixin
  ScenarioEditOptions edits;

  @Mixin
  InterventionOptions interventions;

  @Option(names = "--metric", paramLabel = "NAME", required = true,
      description = "the output: a monthly metric with --month, or a snapshot indicator with"
          + " --snapshot ('caseload metrics' lists them)")
  String metric;

  @Option(names = "--month", paramLabel = "N", description = "the month of a monthly metric")
  Integer month;

  @Option(names = "--snapshot", paramLabel = "YYYY-09-30",
      description = "the 30 September of a snapshot indicator")
  String snapshot;

  @Option(names = "--parameters", paramLabel = "NAME,NAME", split = ",",
      description = "the uncertain parameters studied (default: every one the scenario has)")
  List<String> parameterNames = new ArrayList<>();

  @Option(names = "--lever", paramLabel = "LEVER",
      description = "a lever swung between its range ends in the tornado, written as for"
          + " goal-seek; repeatable")
  List<String> leverTexts = new ArrayList<>();

  @Option(names = "--method", paramLabel = "tornado|sobol|both", defaultValue = "both",
      description = "what to compute (default ${DEFAULT-VALUE})")
  String method;

  @Option(names = "--replications", paramLabel = "K",
      defaultValue = "" + SensitivityPlan.DEFAULT_REPLICATIONS,
      description = "replications behind each scenario's mean (default ${DEFAULT-VALUE})")
  int replications;

  @Option(names = "--sobol-points", paramLabel = "N",
      defaultValue = "" + SensitivityPlan.DEFAULT_POINTS,
      description = "Sobol base points, 16 to 100,000: N (d + 2) scenarios for d parameters"
          + " (default ${DEFAULT-VALUE})")
  int points;

  @Option(names = "--bootstrap", paramLabel = "B",
      defaultValue = "" + SensitivityPlan.DEFAULT_BOOTSTRAP,
      description = "bootstrap resamples for the indices' intervals: 0 (none) or 100 to"
          + " 10,000 (default ${DEFAULT-VALUE})")
  int bootstrap;

  @Option(names = "--yes", description = "simulate more than 1,000,000 replications in all"
      + " without asking; without it such a study stops at once")
  boolean yes;

  @Mixin
  DecideFlags flags;

  @Override
  public Integer call() {
    flags.format();
    RunFlags.checkNotInput(flags.out, "--scenario", base.file);
    RunFlags.checkNotPreset(flags.out);
    SensitivityPlan plan;
    try {
      SensitivityPlan.Method chosen = SensitivityPlan.Method.of(method);
      SensitivityPlan.checkSizes(replications, points, bootstrap);
      if ((month == null) == (snapshot == null)) {
        throw new UserError("--month: give exactly one of --month N or --snapshot YYYY-09-30");
      }
      Scenario base = this.base.resolve(data, flags.months, spec.commandLine().getErr(),
          flags.quiet, flags.out);
      Scenario scenario = interventions.apply(flags.horizon(edits.apply(base)));
      plan = SensitivityPlan.of(scenario, chosen, metric, month, snapshot, parameterNames,
          leverTexts, replications, points, bootstrap, flags.seed);
    } catch (SensitivityPlan.InputException e) {
      throw new UserError(flag(e) + ": " + e.getMessage());
    }
    if (plan.work().total() > RunFlags.CONFIRM_ABOVE && !yes) {
      throw new UserError("--replications: the study would simulate " + plan.workExplained()
          + " replications; add --yes to run them, or ask for fewer --replications,"
          + " --sobol-points, parameters or levers");
    }
    SensitivityPlan.Result result = plan.run(flags.threads(), () -> false, null,
        Progress.NONE);
    Sensitivity.Request request = plan.request();
    flags.emit(spec.commandLine().getOut(), switch (flags.format) {
      case table -> SensitivityOutput.table(request, result.tornado(), result.sobol(), points);
      case json -> SensitivityOutput.json(request, result.tornado(), result.sobol(), points);
      case csv -> SensitivityOutput.csv(request, result.tornado(), result.sobol());
    });
    return 0;
  }

  /** The flag of the input at fault; a lever's with its text. */
  private String flag(SensitivityPlan.InputException e) {
    return switch (e.input()) {
      case METHOD -> "--method";
      case REPLICATIONS -> "--replications";
      case SOBOL_POINTS -> "--sobol-points";
      case BOOTSTRAP -> "--bootstrap";
      case METRIC -> "--metric";
      case MONTH -> "--month";
      case SNAPSHOT -> "--snapshot";
      case PARAMETERS -> "--parameters";
      case LEVERS -> e.index() < 0 ? "--lever" : "--lever '" + leverTexts.get(e.index()) + "'";
    };
  }
}
