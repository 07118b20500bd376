package org.caseload.sim.cli;

import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.Callable;
import org.caseload.core.calibration.UncalibratableException;
import org.caseload.core.data.Area;
import org.caseload.core.data.DfeTable;
import org.caseload.sim.backtest.Backtest;
import org.caseload.sim.backtest.BacktestReport;
import org.caseload.sim.engine.RunOptions;
import picocli.CommandLine.ArgGroup;
import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Option;
import picocli.CommandLine.Spec;
import picocli.CommandLine.Model.CommandSpec;

/** {@code caseload backtest}: forecast councils from a base year, score against the data. */
@Command(name = "backtest", mixinStandardHelpOptions = true, sortOptions = false,
    description = "Forecast councils from a base year and score the 30 September snapshots of"
        + " the following years against the published figures.")
final class BacktestCommand implements Callable<Integer> {

  @Spec
  CommandSpec spec;

  @Mixin
  DataFlags data;

  @Option(names = "--base-year", paramLabel = "Y", required = true,
      description = "the year forecasts start from (30 September)")
  int baseYear;

  @Option(names = "--years", paramLabel = "K", defaultValue = "3",
      description = "years ahead to score, 1 to 10 (default ${DEFAULT-VALUE})")
  int years;

  static final class Councils {
    @Option(names = "--la", paramLabel = "NAME", description = "a council; repeatable")
    List<String> names = new ArrayList<>();

    @Option(names = "--all", description = "every council")
    boolean all;
  }

  @ArgGroup(exclusive = true, multiplicity = "1")
  Councils councils;

  @Option(names = "--replications", paramLabel = "N", defaultValue = "200",
      description = "replications per council (default ${DEFAULT-VALUE})")
  long replications;

  @Option(names = "--yes", description = "run more than 1,000,000 replications in all"
      + " (replications x councils) without asking; without it such a backtest stops at once")
  boolean yes;

  @Option(names = "--seed", paramLabel = "S", defaultValue = "1", description = "master seed")
  long seed;

  @Option(names = "--threads", paramLabel = "T", description = "worker threads (default: cores)")
  Integer threads;

  @Option(names = "--out", paramLabel = "FILE",
      description = "the per-council CSV (default backtest-Y.csv)")
  Path out;

  @Override
  public Integer call() {
    if (years < 1 || years > 10) {
      throw new UserError("--years: must be between 1 and 10, was " + years);
    }
    List<Area> areas = new ArrayList<>();
    if (councils.all) {
      data.data().areas().stream().filter(a -> a.level() == Area.Level.LOCAL_AUTHORITY)
          .forEach(areas::add);
    } else {
      // A council named twice (or by name and code) is scored once, as sweep --councils does.
      councils.names.stream().map(name -> data.area(name, baseYear)).distinct()
          .forEach(areas::add);
    }
    long total = replications * (long) areas.size();
    if (total > RunFlags.CONFIRM_ABOVE && !yes) {
      throw new UserError(String.format(java.util.Locale.ROOT, "--replications: %,d"
          + " replications for each of %d councils is %,d in all; add --yes to run them, or"
          + " ask for fewer", replications, areas.size(), total));
    }
    RunFlags flags = new RunFlags();
    flags.replications = replications;
    flags.seed = seed;
    flags.threads = threads;
    flags.out = out != null ? out : Path.of("backtest-" + baseYear + ".csv");
    RunFlags.checkNotData(flags.out, "--out", data.data());
    RunOptions options = flags.options(org.caseload.sim.engine.Progress.NONE);
    Backtest.Result result = Backtest.run(data.data(), areas, baseYear, years, options);
    if (result.scores().isEmpty()) {
      throw new UserError(nothingScored(result, areas.size()));
    }
    flags.emit(spec.commandLine().getOut(), BacktestReport.csv(result));
    spec.commandLine().getOut().print(BacktestReport.table(result));
    spec.commandLine().getOut().println("Per-council scores: " + flags.out);
    result.skipped().forEach(s -> spec.commandLine().getOut().println("skipped " + s.why()));
    result.notScored().forEach(s -> spec.commandLine().getOut().println("not scored " + s));
    return 0;
  }

  /**
   * Why a backtest scored nothing, blaming the flag that can change it: the figures (every
   * council skipped for a figure no table could hold, as calibrate blames them), the councils
   * (each skipped, or with nothing published under its code after the base year while
   * others publish, which the {@code not scored} lines say under --all), or the base year
   * (no council publishes after it).
   */
  private String nothingScored(Backtest.Result result, int councils) {
    List<String> why = result.skipped().stream().map(Backtest.Skipped::why).toList();
    if (why.size() == councils && result.skipped().stream()
        .allMatch(s -> s.reason() == UncalibratableException.Reason.UNUSABLE_FIGURES)) {
      return "--data: " + data.folder + ": " + String.join("; ", why);
    }
    if (why.size() == councils) {
      return "--base-year: no council could be forecast from " + baseYear + ": "
          + String.join("; ", why);
    }
    if (why.size() + result.notScored().size() == councils && publishedInYearsScored()) {
      List<String> all = new ArrayList<>(result.notScored());
      all.addAll(why);
      return "--la: no council to score from " + baseYear + ": " + String.join("; ", all);
    }
    return "--base-year: no published figures to score for " + (baseYear + 1)
        + (years == 1 ? "" : "-" + (baseYear + years)) + " (the forecasts start at 30"
        + " September " + baseYear + ")";
  }

  /** Whether any council's workforce return of the data is of a year scored. */
  private boolean publishedInYearsScored() {
    return data.data().areas().stream().flatMap(a -> data.data().years(DfeTable.WORKFORCE, a)
        .stream()).anyMatch(y -> y > baseYear && y <= baseYear + years);
  }
}
