package org.caseload.sim.cli;

import java.time.LocalDate;
import java.time.format.DateTimeParseException;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.Callable;
import org.caseload.core.metrics.Metric;
import org.caseload.core.metrics.SnapshotMetric;
import org.caseload.core.scenario.Scenario;
import org.caseload.core.scenario.Uncertainty;
import org.caseload.sim.decide.Lever;
import org.caseload.sim.decide.LeverParser;
import org.caseload.sim.engine.MetricAt;
import org.caseload.sim.decide.Sensitivity;
import org.caseload.sim.decide.SobolIndices;
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

  @Option(names = "--replications", paramLabel = "K", defaultValue = "32",
      description = "replications behind each scenario's mean (default ${DEFAULT-VALUE})")
  int replications;

  @Option(names = "--sobol-points", paramLabel = "N", defaultValue = "128",
      description = "Sobol base points, 16 to 100,000: N (d + 2) scenarios for d parameters"
          + " (default ${DEFAULT-VALUE})")
  int points;

  @Option(names = "--bootstrap", paramLabel = "B", defaultValue = "200",
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
    if (!List.of("tornado", "sobol", "both").contains(method)) {
      throw new UserError("--method: must be tornado, sobol or both, was '" + method + "'");
    }
    if (replications < 1 || replications > 100_000) {
      throw new UserError("--replications: must be from 1 to 100,000, was " + replications);
    }
    if (SobolIndices.pointsProblem(points) != null) {
      throw new UserError("--sobol-points: " + SobolIndices.pointsProblem(points));
    }
    if (SobolIndices.bootstrapProblem(bootstrap) != null) {
      throw new UserError("--bootstrap: " + SobolIndices.bootstrapProblem(bootstrap));
    }
    Scenario base = this.base.resolve(data, flags.months, spec.commandLine().getErr(),
        flags.quiet);
    Scenario scenario = interventions.apply(flags.horizon(edits.apply(base)));
    MetricAt output = output(scenario);
    List<Lever> levers = levers(scenario);
    List<Uncertainty.Parameter> studied;
    try {
      studied = Sensitivity.studied(parameterNames, scenario, !method.equals("tornado"),
          levers.size());
    } catch (Sensitivity.InputProblem e) {
      throw new UserError("--parameters: " + e.getMessage());
    }
    Sensitivity.Work work = Sensitivity.Work.of(!method.equals("sobol"),
        !method.equals("tornado"), points, replications, studied.size(), levers.size());
    if (work.total() > RunFlags.CONFIRM_ABOVE && !yes) {
      throw new UserError("--replications: the study would simulate "
          + work.explained(points, replications, studied.size(), levers.size())
          + " replications; add --yes to run them, or ask for fewer --replications,"
          + " --sobol-points, parameters or levers");
    }
    String drawn = Sensitivity.drawProblem(scenario, studied, !method.equals("sobol"),
        method.equals("tornado") ? 0 : points);
    if (drawn != null) {
      throw new UserError("--parameters: the study would draw an invalid scenario, " + drawn);
    }
    Sensitivity.Request request = new Sensitivity.Request(scenario, output, studied, levers,
        replications, flags.seed, flags.threads(), () -> false);
    Sensitivity.Tornado tornado = method.equals("sobol") ? null : Sensitivity.tornado(request);
    SobolIndices.Result sobol = method.equals("tornado") ? null
        : Sensitivity.sobol(request, points, bootstrap);
    flags.emit(spec.commandLine().getOut(), switch (flags.format) {
      case table -> SensitivityOutput.table(request, tornado, sobol, points);
      case json -> SensitivityOutput.json(request, tornado, sobol, points);
      case csv -> SensitivityOutput.csv(request, tornado, sobol);
    });
    return 0;
  }

  private MetricAt output(Scenario scenario) {
    if ((month == null) == (snapshot == null)) {
      throw new UserError("--month: give exactly one of --month N or --snapshot YYYY-09-30");
    }
    try {
      if (month != null) {
        Metric m = Metric.byName(metric);
        if (m == null) {
          throw new UserError("--metric: " + Metric.notAMetric(metric));
        }
        return MetricAt.month(m, month).within(scenario);
      }
      SnapshotMetric m = java.util.Arrays.stream(SnapshotMetric.values())
          .filter(x -> x.name().equals(metric)).findFirst().orElse(null);
      if (m == null) {
        throw new UserError("--metric: unknown snapshot indicator '" + metric + "' (see"
            + " 'caseload metrics')");
      }
      return MetricAt.snapshot(m, LocalDate.parse(snapshot), scenario);
    } catch (DateTimeParseException e) {
      throw new UserError("--snapshot: '" + snapshot + "' is not a date YYYY-09-30");
    } catch (IllegalArgumentException e) {
      throw new UserError((month != null ? "--month: " : "--snapshot: ") + e.getMessage());
    }
  }

  private List<Lever> levers(Scenario scenario) {
    List<Lever> levers = new ArrayList<>();
    for (String text : leverTexts) {
      try {
        levers.add(LeverParser.parse(text, scenario));
      } catch (IllegalArgumentException e) {
        throw new UserError("--lever '" + text + "': " + e.getMessage());
      }
    }
    try {
      LeverParser.requireDistinct(levers);
    } catch (LeverParser.RepeatedLeverException e) {
      throw new UserError("--lever '" + leverTexts.get(e.index()) + "': " + e.getMessage());
    }
    for (int i = 0; i < levers.size(); i++) {
      String problem = Sensitivity.leverProblem(scenario, levers.get(i));
      if (problem != null) {
        throw new UserError("--lever '" + leverTexts.get(i) + "': " + problem);
      }
    }
    return levers;
  }
}
