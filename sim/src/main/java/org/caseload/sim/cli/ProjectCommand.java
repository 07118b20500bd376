package org.caseload.sim.cli;

import java.io.PrintWriter;
import java.io.StringWriter;
import java.nio.file.Path;
import java.util.List;
import java.util.concurrent.Callable;
import org.caseload.core.metrics.DfeSnapshot;
import org.caseload.core.metrics.Metric;
import org.caseload.core.metrics.SnapshotMetric;
import org.caseload.core.metrics.Trajectory;
import org.caseload.core.model.ExpectedProjection;
import org.caseload.core.model.MonthPlan;
import org.caseload.core.scenario.Scenario;
import org.caseload.core.scenario.ScenarioValidator;
import org.caseload.sim.output.CsvNumbers;
import org.caseload.sim.output.RunTable;
import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Option;
import picocli.CommandLine.Parameters;
import picocli.CommandLine.Spec;
import picocli.CommandLine.Model.CommandSpec;

/**
 * {@code caseload project FILE}: the expected-value projection of a scenario, month by month,
 * and its 30 September DfE snapshots. No sampling: a quick preview of the Monte Carlo run.
 */
@Command(name = "project", mixinStandardHelpOptions = true,
    description = "Print the expected-value projection of a scenario month by month.")
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

  @Mixin
  ScenarioEditOptions edits;

  @Mixin
  InterventionOptions interventions;

  @Override
  public Integer call() {
    if (outFile != null) {
      RunFlags.checkOut(outFile);
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
    Trajectory trajectory = ExpectedProjection.of(MonthPlan.of(scenario));
    StringWriter text = new StringWriter();
    PrintWriter out = new PrintWriter(text);
    if (format == Format.csv) {
      printCsv(out, trajectory);
    } else {
      printTable(out, scenario, trajectory);
    }
    out.flush();
    RunFlags.emit(spec.commandLine().getOut(), outFile, text.toString());
    return 0;
  }

  /** {@code text} right-aligned under the column {@code name}: 12 wide, or the name's width. */
  private static String cell(String text, String name) {
    return " " + " ".repeat(Math.max(0, Math.max(12, name.length()) - text.length())) + text;
  }

  private static void printTable(PrintWriter out, Scenario scenario, Trajectory trajectory) {
    out.printf("%s: expected-value projection from %s, %d months%n", scenario.name(),
        scenario.baseDate(), trajectory.months());
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
    List<DfeSnapshot> snapshots = trajectory.snapshots();
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
    }
    out.println();
    out.println("Cost: in the month in the monthly rows, over the 12 months to 30 September in"
        + " the snapshots.");
    out.println("Every draw replaced by its expectation, every uncertain parameter at its"
        + " central value: a preview, not the Monte Carlo mean. Where agency cover, caps,"
        + " caseload pressure or uncertain parameters act, `caseload run`'s means differ"
        + " (docs/model.md).");
  }

  private static void printCsv(PrintWriter out, Trajectory trajectory) {
    StringBuilder header = new StringBuilder("month,date");
    for (Metric m : Metric.values()) {
      header.append(',').append(m.name());
    }
    out.println(header);
    for (int t = 1; t <= trajectory.months(); t++) {
      StringBuilder row = new StringBuilder().append(t).append(',').append(trajectory.dateOf(t));
      for (Metric m : Metric.values()) {
        row.append(',').append(CsvNumbers.format(trajectory.value(t, m)));
      }
      out.println(row);
    }
  }
}
