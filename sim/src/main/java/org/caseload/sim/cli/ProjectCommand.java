package org.caseload.sim.cli;

import java.io.PrintWriter;
import java.io.StringWriter;
import java.nio.file.Path;
import java.util.List;
import java.util.Locale;
import java.util.concurrent.Callable;
import org.caseload.core.metrics.DfeSnapshot;
import org.caseload.core.metrics.Metric;
import org.caseload.core.metrics.SnapshotMetric;
import org.caseload.core.metrics.Trajectory;
import org.caseload.core.scenario.Scenario;
import org.caseload.core.scenario.ScenarioValidator;
import org.caseload.sim.engine.AveragedProjection;
import org.caseload.sim.output.CsvNumbers;
import org.caseload.sim.output.RunTable;
import org.caseload.sim.presets.Presets;
import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Option;
import picocli.CommandLine.Parameters;
import picocli.CommandLine.Spec;
import picocli.CommandLine.Model.CommandSpec;

/**
 * {@code caseload project FILE}: the expected-value projection of a scenario, month by month,
 * and its 30 September DfE snapshots, averaged over a run's draws of the uncertain parameters
 * ({@link AveragedProjection}): a quick preview of the Monte Carlo run's means.
 */
@Command(name = "project", mixinStandardHelpOptions = true,
    description = "Print the expected-value projection of a scenario month by month: each"
        + " month's chance replaced by its expectation, averaged over the uncertain parameters"
        + " as the first --draws replications of a run with --seed draw them.")
final class ProjectCommand implements Callable<Integer> {

  /** The monthly columns of the table, in order. */
  static final List<Metric> COLUMNS = List.of(Metric.referrals, Metric.cases,
      Metric.unallocatedCases, Metric.caseload, Metric.inPostFte, Metric.agencyFte,
      Metric.vacancyRate, Metric.turnoverRate, Metric.cost);

  enum Format { table, csv }

  @Spec
  CommandSpec spec;

  @Parameters(index = "0", paramLabel = "FILE|PRESET", description = "a scenario JSON file or"
      + " a preset name")
  String source;

  @Option(names = "--months", paramLabel = "N",
      description = "months to project instead of the scenario's horizon (1-120)")
  Integer months;

  @Option(names = "--format", paramLabel = "FORMAT",
      description = "table (default) or csv (every metric, one row per month)")
  Format format = Format.table;

  @Option(names = "--out", paramLabel = "FILE", description = "write the result here, not to"
      + " stdout")
  Path outFile;

  @Option(names = "--draws", paramLabel = "N", defaultValue = "256",
      description = "parameter draws averaged, 2 to 100,000 (default ${DEFAULT-VALUE}); 0:"
          + " every uncertain parameter at its central value, further from the Monte Carlo"
          + " mean")
  int draws;

  @Option(names = "--seed", paramLabel = "S", defaultValue = "1",
      description = "master seed of the draws, as caseload run's (default ${DEFAULT-VALUE})")
  long seed;

  @Mixin
  ScenarioEditOptions edits;

  @Mixin
  InterventionOptions interventions;

  @Override
  public Integer call() {
    if (outFile != null) {
      RunFlags.checkOut(outFile); // never a preset's file
      if (Presets.description(source) == null) {
        RunFlags.checkNotInput(outFile, "scenario", Path.of(source));
      }
    }
    Scenario scenario = edits.apply(ScenarioChoice.presetOrFile("project", source));
    if (months != null) {
      if (months < 1 || months > Scenario.MAX_HORIZON_MONTHS) {
        throw new UserError("--months: must be between 1 and " + Scenario.MAX_HORIZON_MONTHS
            + ", was " + months);
      }
      scenario = ScenarioValidator.requireValid(scenario.withHorizon(months));
    }
    scenario = interventions.apply(scenario);
    if (draws < 0 || draws == 1 || draws > AveragedProjection.MAX_DRAWS) {
      // one draw has no error to state (Student's t needs two)
      throw new UserError(String.format(Locale.ROOT, "--draws: must be 0, or 2 to %,d, was"
          + " %d", AveragedProjection.MAX_DRAWS, draws));
    }
    AveragedProjection projection = AveragedProjection.of(scenario, seed, draws);
    StringWriter text = new StringWriter();
    PrintWriter out = new PrintWriter(text);
    if (format == Format.csv) {
      printCsv(out, projection);
    } else {
      printTable(out, scenario, projection);
    }
    out.flush();
    RunFlags.emit(spec.commandLine().getOut(), outFile, text.toString());
    return 0;
  }

  /** {@code text} right-aligned under the column {@code name}: 12 wide, or the name's width. */
  private static String cell(String text, String name) {
    return " " + " ".repeat(Math.max(0, Math.max(12, name.length()) - text.length())) + text;
  }

  private static void printTable(PrintWriter out, Scenario scenario,
      AveragedProjection projection) {
    Trajectory trajectory = projection.monthly();
    out.printf("%s: expected-value projection from %s, %d months%s%n", scenario.name(),
        scenario.baseDate(), trajectory.months(), projection.draws() == 0 ? ""
            : String.format(Locale.ROOT, ", averaged over %,d draws of the uncertain parameters"
                + " (seed %d)", projection.draws(), projection.seed()));
    out.printf("%5s  %-10s", "month", "date");
    for (Metric m : COLUMNS) {
      out.print(cell(m.name(), m.name()));
    }
    out.println();
    for (int t = 1; t <= trajectory.months(); t++) {
      out.printf("%5d  %-10s", t, trajectory.dateOf(t));
      for (Metric m : COLUMNS) {
        out.print(cell(RunTable.format(m.unit(), trajectory.value(t, m)), m.name()));
      }
      out.println();
    }
    if (projection.draws() > 0) {
      out.printf("%5s  %-10s", "±", "");
      for (Metric m : COLUMNS) {
        double largest = 0;
        for (int t = 1; t <= trajectory.months(); t++) {
          largest = Math.max(largest, projection.monthlyHalfWidth95().value(t, m));
        }
        out.print(cell(RunTable.formatError(m.unit(), largest), m.name()));
      }
      out.println();
    }
    List<DfeSnapshot> snapshots = projection.snapshots();
    if (!snapshots.isEmpty()) {
      out.println();
      out.println("DfE snapshots at 30 September (flows over the 12 months to the date):");
      out.printf("%-10s", "date");
      for (SnapshotMetric m : SnapshotMetric.values()) {
        out.print(cell(m.name(), m.name()));
      }
      out.println();
      for (DfeSnapshot s : snapshots) {
        out.printf("%-10s", s.date());
        for (SnapshotMetric m : SnapshotMetric.values()) {
          out.print(cell(RunTable.format(m.unit(), s.value(m)), m.name()));
        }
        out.println(s.monthsObserved() < 12
            ? "  (" + s.monthsObserved() + " months of flows, scaled to a year)" : "");
      }
      if (projection.draws() > 0) {
        out.printf("%-10s", "±");
        for (SnapshotMetric m : SnapshotMetric.values()) {
          double largest = 0;
          for (double[] h : projection.snapshotHalfWidths95()) {
            largest = Math.max(largest, h[m.ordinal()]);
          }
          out.print(cell(RunTable.formatError(m.unit(), largest), m.name()));
        }
        out.println();
      }
    }
    out.println();
    out.println("Cost: in the month in the monthly rows, over the 12 months to 30 September in"
        + " the snapshots.");
    if (projection.draws() > 0) {
      out.printf(Locale.ROOT, "±: the error of averaging %,d draws of the uncertain parameters,"
          + " 95%%, the largest over the months or snapshots\n(more --draws narrow it).%n",
          projection.draws());
    }
    out.println(projection.draws() == 0 && !scenario.uncertainty().isEmpty()
        ? "Each month's chance replaced by its expectation, every uncertain parameter at its"
            + " central value: far from the\nMonte Carlo mean (for the presets at month 36,"
            + " vacancy rates 4-7 points lower than caseload run's; docs/model.md)."
        : "Each month's chance replaced by its expectation" + (projection.draws() == 0 ? ""
            : ", the uncertain parameters drawn as caseload run draws them") + ":\na preview of"
            + " its mean, which differs by what agency cover, caps, caseload pressure and whole"
            + " workers\nmake of each month's chance, and in caseloads and rates by the mean of a"
            + " ratio not being the ratio\nof the means (for the calibrated presets: caseload up to"
            + " 0.25 lower in the first months, vacancy rate\nand staff in post within about one"
            + " standard error; where a backlog forms, children waiting and waits well\nbelow"
            + " and that role's caseload above: use caseload run there; docs/model.md).");
  }

  /**
   * Every metric by month; averaged over parameter draws, each metric's 95% error of that
   * averaging after them ({@code METRIC_halfWidth95}), so that the CSV states its accuracy as
   * the table does.
   */
  private static void printCsv(PrintWriter out, AveragedProjection projection) {
    Trajectory trajectory = projection.monthly();
    boolean errors = projection.draws() > 0;
    StringBuilder header = new StringBuilder("month,date");
    for (Metric m : Metric.values()) {
      header.append(',').append(m.name());
    }
    if (errors) {
      for (Metric m : Metric.values()) {
        header.append(',').append(m.name()).append("_halfWidth95");
      }
    }
    out.println(header);
    for (int t = 1; t <= trajectory.months(); t++) {
      StringBuilder row = new StringBuilder().append(t).append(',').append(trajectory.dateOf(t));
      for (Metric m : Metric.values()) {
        row.append(',').append(CsvNumbers.format(trajectory.value(t, m)));
      }
      if (errors) {
        for (Metric m : Metric.values()) {
          row.append(',').append(CsvNumbers.format(projection.monthlyHalfWidth95().value(t, m)));
        }
      }
      out.println(row);
    }
  }
}
