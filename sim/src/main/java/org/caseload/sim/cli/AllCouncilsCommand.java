package org.caseload.sim.cli;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.JsonNode;
import java.io.PrintWriter;
import java.nio.file.Path;
import java.util.List;
import org.caseload.core.data.DfeData;
import org.caseload.core.metrics.Metric;
import org.caseload.core.scenario.JsonSyntax;
import org.caseload.core.scenario.Scenario;
import org.caseload.core.scenario.ScenarioJson;
import org.caseload.sim.sweep.AllCouncils;

/**
 * An all-England sweep as its two commands ask for it ({@code caseload sweep --all-councils}
 * on this machine, the API jar's {@code sweep} on a cluster), checked and reported by one
 * rule: its grid file (axes and metrics only), months, councils and size before anything runs;
 * the councils left out, the summary line and the {@code --skipped} file after.
 *
 * @param councils the councils of the year, calibrated, and those left out
 * @param axes the grid's axes
 * @param metrics the metrics its CSV carries
 */
public record AllCouncilsCommand(AllCouncils.Councils councils, List<AllCouncils.Axis> axes,
    List<Metric> metrics) {

  /**
   * The sweep of {@code year} over {@code months} months, of the councils named (null: every
   * one), on the grid of {@code file} (null: no axes), its {@code --skipped} file checked to be
   * writable and not the {@code --out} file ({@code out}, null for stdout); {@code paired}, each
   * point against its council (then the grid must have axes).
   *
   * @throws UserError naming the flag or the grid's field at fault
   */
  public static AllCouncilsCommand plan(DfeData data, int year, int months,
      List<String> councilNames, Path file, Path skippedFile, Path out, boolean paired) {
    JsonNode grid = grid(file);
    List<AllCouncils.Axis> axes = SweepCommand.axes(file, grid, true);
    List<Metric> metrics = SweepCommand.metrics(file, grid);
    if (paired && axes.isEmpty()) {
      throw new UserError("--paired: pairs each grid point with its council's forecast: give a"
          + " grid FILE with axes" + (file == null ? "" : " (" + file + " has none)"));
    }
    if (skippedFile != null) {
      // as --out: a mistake costs no sweep
      Path skipped = RunFlags.checkFile("--skipped", skippedFile).normalize();
      if (out != null && skipped.equals(RunFlags.checkOut(out).normalize())) {
        throw new UserError("--skipped: is the --out file, " + out + ": the list of councils"
            + " left out would overwrite the sweep's CSV");
      }
      if (file != null && RunFlags.sameFile(skippedFile, file)) {
        throw new UserError("--skipped: " + skippedFile + " is the grid file: the list of"
            + " councils left out would replace it; give another file");
      }
    }
    RunFlags.checkNotInput(out, "grid", file);
    RunFlags.checkNotData(out, "--out", data);
    RunFlags.checkNotData(skippedFile, "--skipped", data);
    if (months < 1 || months > Scenario.MAX_HORIZON_MONTHS) {
      throw new UserError("--months: must be between 1 and " + Scenario.MAX_HORIZON_MONTHS
          + ", was " + months);
    }
    AllCouncils.Councils all;
    try {
      all = AllCouncils.of(data, year, months, councilNames);
    } catch (AllCouncils.UnknownCouncilException e) {
      throw new UserError("--councils: " + e.getMessage());
    } catch (IllegalArgumentException e) {
      throw new UserError("--year: " + e.getMessage());
    }
    String tooLarge = AllCouncils.tooLarge(all.calibrated().size(), axes, metrics, months,
        AllCouncils.MAX_COMMAND_CSV_BYTES, AllCouncils.rowBytes(paired));
    if (tooLarge != null) {
      throw new UserError((!axes.isEmpty() ? file + ": axes"
          : grid.has("metrics") ? file + ": metrics" : "--months") + ": " + tooLarge);
    }
    return new AllCouncilsCommand(all, axes, metrics);
  }

  /**
   * Says on {@code err} which councils were left out and why, and (unless {@code quiet}) how
   * many ran {@code where} (e.g. " on 3 nodes of the cluster"); writes {@code skippedFile}.
   */
  public static void report(AllCouncils.Output output, PrintWriter err, boolean quiet,
      String where, Path skippedFile) {
    for (AllCouncils.Skipped s : output.skipped()) {
      err.println("skipped " + s.area().name() + " (" + s.area().code() + "): " + s.reason());
    }
    if (!quiet) {
      err.println(output.councilsRun() + " councils, " + output.scenariosRun() + " scenarios"
          + " run" + where + "; " + output.skipped().size() + " skipped");
    }
    err.flush();
    if (skippedFile != null) {
      RunFlags.write("--skipped", skippedFile, AllCouncils.skippedCsv(output.skipped()));
    }
  }

  /** The grid of an all-councils sweep: a JSON object with axes and metrics only. */
  private static JsonNode grid(Path file) {
    if (file == null) {
      return ScenarioJson.mapper().createObjectNode();
    }
    JsonNode grid;
    try { // a regular file of bounded size, one JSON value
      grid = ScenarioJson.readTree(ScenarioFiles.readText(null, file, "a sweep grid"));
    } catch (JsonProcessingException e) {
      throw new UserError(file + ": is not valid JSON: " + JsonSyntax.describe(e));
    }
    if (grid == null || !grid.isObject()) {
      throw new UserError(file + ": must be a JSON object with \"axes\"");
    }
    grid.fieldNames().forEachRemaining(name -> {
      if (name.equals("preset") || name.equals("scenario")) {
        throw new UserError(file + ": with --all-councils each council is the base: give no"
            + " \"preset\" or \"scenario\"");
      }
      if (!List.of("axes", "metrics").contains(name)) {
        throw new UserError(file + ": " + name + ": is not a field of an all-councils grid"
            + " (axes, metrics)");
      }
    });
    return grid;
  }
}
