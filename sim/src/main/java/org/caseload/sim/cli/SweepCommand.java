package org.caseload.sim.cli;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.JsonNode;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Iterator;
import java.util.List;
import java.util.function.ObjIntConsumer;
import java.util.concurrent.Callable;
import org.caseload.core.calibration.Calibrator;
import org.caseload.core.metrics.Metric;
import org.caseload.core.scenario.FieldSetting;
import org.caseload.core.scenario.InvalidScenarioException;
import org.caseload.core.scenario.JsonSyntax;
import org.caseload.core.scenario.Scenario;
import org.caseload.core.scenario.ScenarioEdits;
import org.caseload.core.scenario.ScenarioJson;
import org.caseload.sim.engine.MonteCarlo;
import org.caseload.sim.engine.Progress;
import org.caseload.sim.engine.RunResult;
import org.caseload.sim.output.CsvNumbers;
import org.caseload.sim.output.RunCsv;
import org.caseload.sim.sweep.AllCouncils;
import org.caseload.sim.sweep.PairedGrid;
import org.caseload.sim.sweep.SweepGrid;
import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.Parameters;
import picocli.CommandLine.Spec;

/**
 * {@code caseload sweep FILE}: runs every combination of a grid of scenario values and writes
 * one tidy CSV row per scenario x metric x month, with {@code --paired} ending with the point's
 * paired difference from the grid's base and its 95% interval ({@link PairedGrid}). The grid
 * file:
 *
 * <pre>{@code
 * {"preset": "medway-2019",            (or "scenario": "path.json", relative to this file)
 *  "axes": {"parameters.demand.annualGrowth": [0, 0.04, 0.08],
 *           "teams[0].establishment": [16.2, 24.2]},
 *  "metrics": ["caseload", "vacancyRate"]}     (optional; default every metric)
 * }</pre>
 */
@Command(name = "sweep", mixinStandardHelpOptions = true, sortOptions = false,
    description = "Run a grid of scenario values; write tidy CSV: one row per scenario x"
        + " metric x month with the summary columns (with --paired, then the paired difference"
        + " from the grid's preset or scenario and its 95%% interval). With --all-councils"
        + " --year Y: every"
        + " council with a workforce return in Y, calibrated as 'forecast' calibrates it, at"
        + " every point of the grid (FILE optional, without preset or scenario; with --paired,"
        + " each point's paired difference from its council's forecast); councils that cannot"
        + " be calibrated go to stderr (and --skipped FILE) with the reason.")
public final class SweepCommand implements Callable<Integer> {

  @Spec
  CommandSpec spec;

  @Parameters(index = "0", arity = "0..1", paramLabel = "FILE",
      description = "the grid, a JSON file")
  Path file;

  @Mixin
  RunFlags flags;

  @picocli.CommandLine.Option(names = "--paired",
      description = "also each point's paired difference from the grid's preset or scenario"
          + " (with --all-councils: from its council's forecast) and its 95%% interval, from the"
          + " same replications as 'compare' pairs them, and the pairs (four more columns; the"
          + " base is simulated beside the points: about 1.7 times the time)")
  boolean paired;

  @picocli.CommandLine.Option(names = "--all-councils",
      description = "sweep every council with a workforce return in --year")
  boolean allCouncils;

  @picocli.CommandLine.Option(names = "--year", paramLabel = "Y",
      description = "with --all-councils: the base year, 30 September Y")
  Integer year;

  @picocli.CommandLine.Option(names = "--councils", paramLabel = "NAME,...", split = ",",
      description = "with --all-councils: only these councils (names or codes)")
  List<String> councils;

  @picocli.CommandLine.Option(names = "--skipped", paramLabel = "FILE",
      description = "with --all-councils: write the councils left out, and why, here (CSV)")
  Path skippedFile;

  @Mixin
  DataFlags data;

  @picocli.CommandLine.Option(names = "--cluster", hidden = true)
  boolean cluster;

  @Override
  public Integer call() {
    if (cluster) {
      throw new UserError("--cluster: a sweep on a cluster runs from the API's jar: use the"
          + " ./caseload launcher, or 'java -cp api/target/caseload-api.jar"
          + " org.caseload.api.cluster.ClusterSweepCommand' (docs/cluster.md)");
    }
    if (allCouncils) {
      return allCouncils();
    }
    String stray = year != null ? "--year" : councils != null ? "--councils"
        : skippedFile != null ? "--skipped" : null;
    if (stray != null) {
      throw new UserError(stray + ": only with --all-councils");
    }
    if (file == null) {
      throw new UserError("FILE: give the grid (a JSON file), or --all-councils --year Y");
    }
    RunFlags.checkNotInput(flags.out, "grid", file);
    JsonNode grid = readGrid();
    Scenario base = flags.horizon(base(grid));
    if (!grid.hasNonNull("axes") || grid.get("axes").isObject() && grid.get("axes").isEmpty()) {
      throw new UserError(file + ": axes: must be an object of scenario field path: [values],"
          + " with at least one axis");
    }
    List<AllCouncils.Axis> axes = axes(file, grid, false);
    if (flags.months != null
        && axes.stream().anyMatch(a -> a.path().equals(AllCouncils.Axis.HORIZON))) {
      // the axis would replace --months in every scenario, unsaid
      throw new UserError("--months: " + file + ": axes: " + AllCouncils.Axis.HORIZON
          + " also sets the horizon: give one of them");
    }
    List<Metric> metrics = metrics(file, grid);
    List<Scenario> scenarios = new ArrayList<>();
    List<List<JsonNode>> points = AllCouncils.points(axes);
    for (List<JsonNode> point : points) {
      scenarios.add(scenario(base, axes, point));
    }
    StringBuilder out = new StringBuilder("scenario");
    axes.forEach(a -> out.append(',').append(a.path()));
    out.append(',').append(RunCsv.HEADER);
    if (paired) {
      out.append(',').append(PairedGrid.HEADER);
    }
    out.append('\n');
    // the CSV is built in memory, as an all-England sweep's: the same bound, checked first
    String tooLarge = AllCouncils.tooLarge(1,
        axes, metrics,
        scenarios.stream().mapToInt(Scenario::horizonMonths).max().orElse(0),
        AllCouncils.MAX_COMMAND_CSV_BYTES,
        AllCouncils.rowBytes(paired));
    if (tooLarge != null) {
      throw new UserError(file + ": axes: " + tooLarge);
    }
    ObjIntConsumer<PairedGrid.Point> write = (point, i) -> {
      StringBuilder prefix = new StringBuilder().append(i + 1);
      points.get(i).forEach(v -> prefix.append(',').append(CsvNumbers.given(v)));
      for (RunResult.MonthSummary month : point.result().monthly()) {
        for (Metric m : metrics) {
          out.append(prefix).append(',');
          RunCsv.cells(out, "month", month.month(), month.date().toString(), m.name(),
              month.get(m));
          if (paired) {
            PairedGrid.cells(out, point, month.month(), m);
          }
          out.append('\n');
        }
      }
    };
    // paired: every point against the base on common random numbers, the base once a pass
    flags.confirmLongRun(paired
        ? PairedGrid.simulated(base, scenarios, flags.options(Progress.NONE)) : scenarios);
    ProgressBar bar = flags.progressBar(spec.commandLine().getErr());
    try {
      if (paired) {
        PairedGrid.run(base, scenarios, flags.options(bar), null, write);
      } else {
        for (int i = 0; i < scenarios.size(); i++) {
          write.accept(new PairedGrid.Unpaired(
              MonteCarlo.run(scenarios.get(i), flags.options(bar), List.of())), i);
        }
      }
    } finally {
      bar.finish();
    }
    flags.emit(spec.commandLine().getOut(), out.toString());
    return 0;
  }

  private int allCouncils() {
    if (year == null) {
      throw new UserError("--year: --all-councils needs the base year (--year Y)");
    }
    int months = flags.months == null ? Calibrator.DEFAULT_HORIZON_MONTHS
        : flags.months;
    AllCouncilsCommand sweep = AllCouncilsCommand.plan(data.data(), year, months, councils,
        file, skippedFile, flags.out, paired);
    flags.options(Progress.NONE);
    ProgressBar bar = flags.progressBar(spec.commandLine().getErr());
    AllCouncils.Output output;
    try {
      output = AllCouncils.run(sweep.councils(), sweep.axes(), sweep.metrics(), paired
          ? new AllCouncils.Runner.AgainstCouncil(flags.options(bar), null)
          : new AllCouncils.Runner.OneByOne(
              scenario -> MonteCarlo.run(scenario, flags.options(bar), List.of())));
    } finally {
      bar.finish();
    }
    AllCouncilsCommand.report(output, spec.commandLine().getErr(), flags.quiet, "",
        skippedFile);
    flags.emit(spec.commandLine().getOut(), output.csv());
    return 0;
  }

  private JsonNode readGrid() {
    try {
      JsonNode grid = ScenarioJson.readTree(ScenarioFiles.readText(null, file, "a sweep grid"));
      if (grid == null || !grid.isObject()) {
        throw new UserError(file + ": must be a JSON object with \"axes\"");
      }
      Iterator<String> names = grid.fieldNames();
      while (names.hasNext()) {
        String name = names.next();
        if (!List.of("preset", "scenario", "axes", "metrics").contains(name)) {
          throw new UserError(file + ": " + name + ": is not a known field (preset, scenario,"
              + " axes, metrics)");
        }
      }
      return grid;
    } catch (JsonProcessingException e) {
      throw new UserError(file + ": is not valid JSON: " + JsonSyntax.describe(e));
    }
  }

  private Scenario base(JsonNode grid) {
    boolean preset = grid.has("preset");
    boolean scenario = grid.has("scenario");
    if (preset == scenario) {
      throw new UserError(file + ": give exactly one of \"preset\" or \"scenario\"");
    }
    if (preset) {
      RunFlags.checkNotPreset(flags.out);
      return ScenarioChoice.preset(grid.get("preset").asText());
    }
    Path path = file.toAbsolutePath().getParent().resolve(grid.get("scenario").asText());
    RunFlags.checkNotInput(flags.out, "grid's scenario", path);
    return ScenarioFiles.read(file + ": scenario", path);
  }

  /**
   * The axes of a sweep grid ({@code file}'s, for messages; {@link SweepGrid#axes} with the
   * command line's bounds), with {@code allCouncils} as an all-England sweep's. Shared with
   * the cluster sweep.
   */
  public static List<AllCouncils.Axis> axes(Path file, JsonNode grid, boolean allCouncils) {
    try {
      return SweepGrid.axes(grid.get("axes"), SweepGrid.COMMAND, allCouncils);
    } catch (SweepGrid.GridException e) {
      throw new UserError(file + ": " + e.getMessage());
    }
  }

  /**
   * The metrics a sweep grid names ({@code file}'s, for messages; {@link SweepGrid#metrics}).
   * Shared with the cluster sweep.
   */
  public static List<Metric> metrics(Path file, JsonNode grid) {
    try {
      return SweepGrid.metrics(grid.get("metrics"));
    } catch (SweepGrid.GridException e) {
      throw new UserError(file + ": " + e.getMessage());
    }
  }

  private Scenario scenario(Scenario base, List<AllCouncils.Axis> axes,
      List<JsonNode> point) {
    List<FieldSetting> settings = new ArrayList<>();
    for (int i = 0; i < axes.size(); i++) {
      settings.add(FieldSetting.of(axes.get(i).path(), point.get(i)));
    }
    try {
      return ScenarioEdits.apply(base, settings);
    } catch (InvalidScenarioException e) {
      throw new UserError(e.problems().stream().map(p -> file + ": axes: "
          + AllCouncils.pointProblem(axes, point, p)).toList());
    }
  }
}
