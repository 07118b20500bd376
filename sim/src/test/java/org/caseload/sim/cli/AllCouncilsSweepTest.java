package org.caseload.sim.cli;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import org.caseload.core.data.EditedDfeData;
import org.caseload.core.metrics.Metric;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** {@code caseload sweep --all-councils}: every council's forecast in one tidy CSV. */
class AllCouncilsSweepTest {

  private static final String DATA = Path.of("..", "data", "dfe").toString();

  private static CliRunner.Result run(String... args) {
    return CliRunner.run(args);
  }

  @Test
  void twoCouncils_rowsAreTheirForecasts() {
    CliRunner.Result sweep = run("sweep", "--all-councils", "--year", "2019", "--councils",
        "Medway,E06000035", "--replications", "64", "--months", "3", "--seed", "4", "--quiet",
        "--data", DATA);
    assertThat(sweep.code()).as(sweep.err()).isZero();
    List<String> lines = sweep.out().lines().toList();
    assertThat(lines.get(0)).startsWith("council_code,council,scenario,period,month,date,metric,");
    assertThat(lines).hasSize(1 + 3 * Metric.COUNT);
    // E06000035 is Medway's code: named twice, run once
    assertThat(lines.subList(1, lines.size())).allMatch(l -> l.startsWith("E06000035,Medway,1,"));

    CliRunner.Result forecast = run("forecast", "--la", "Medway", "--year", "2019",
        "--replications", "64", "--months", "3", "--seed", "4", "--quiet", "--format", "csv",
        "--data", DATA);
    assertThat(forecast.code()).as(forecast.err()).isZero();
    List<String> monthRows = forecast.out().lines().filter(l -> l.startsWith("month,")).toList();
    assertThat(lines.subList(1, lines.size()).stream()
        .map(l -> l.substring("E06000035,Medway,1,".length())).toList()).isEqualTo(monthRows);
  }

  /**
   * Paired, each council's points are run against its forecast on common random numbers: the
   * rows are, to the byte, those of {@code sweep GRID --paired} whose base is the council's
   * calibrated scenario (its paired differences and their intervals), after the council's
   * code and name.
   */
  @Test
  void paired_rowsAreTheGridSweptAgainstTheCouncilsForecast(@TempDir Path dir)
      throws Exception {
    Path axes = dir.resolve("axes.json");
    Files.writeString(axes, "{\"axes\": {\"parameters.demand.annualGrowth\": [0, 0.05],"
        + " \"teams[0].establishment\": [30]}, \"metrics\": [\"caseload\", \"cost\"]}");
    CliRunner.Result sweep = run("sweep", axes.toString(), "--all-councils", "--year", "2019",
        "--councils", "Medway", "--paired", "--replications", "64", "--months", "3", "--seed",
        "4", "--quiet", "--data", DATA);
    assertThat(sweep.code()).as(sweep.err()).isZero();
    List<String> lines = sweep.out().lines().toList();
    assertThat(lines.get(0)).startsWith("council_code,council,scenario,"
        + "parameters.demand.annualGrowth,teams[0].establishment,period,")
        .endsWith(",difference,differenceCi95Low,differenceCi95High,differenceN");
    assertThat(lines).hasSize(1 + 2 * 3 * 2);

    Path medway = dir.resolve("medway.json");
    CliRunner.Result calibrate = run("calibrate", "--la", "Medway", "--year", "2019",
        "--months", "3", "--quiet", "--data", DATA, "--out", medway.toString());
    assertThat(calibrate.code()).as(calibrate.err()).isZero();
    Path grid = dir.resolve("grid.json");
    Files.writeString(grid, "{\"scenario\": \"medway.json\", \"axes\":"
        + " {\"parameters.demand.annualGrowth\": [0, 0.05], \"teams[0].establishment\": [30]},"
        + " \"metrics\": [\"caseload\", \"cost\"]}");
    CliRunner.Result alone = run("sweep", grid.toString(), "--paired", "--replications", "64",
        "--seed", "4", "--quiet");
    assertThat(alone.code()).as(alone.err()).isZero();
    List<String> expected = alone.out().lines().toList();
    assertThat(lines.get(0)).isEqualTo("council_code,council," + expected.get(0));
    assertThat(lines.subList(1, lines.size())).allMatch(l -> l.startsWith("E06000035,Medway,"))
        .map(l -> l.substring("E06000035,Medway,".length()))
        .isEqualTo(expected.subList(1, expected.size()));
    // the differences are there, and not all zero: a point is not its council's forecast
    assertThat(lines.subList(1, lines.size()))
        .noneMatch(l -> l.endsWith(",,,"))
        .anyMatch(l -> !l.endsWith(",0,0,0"));
  }

  /** --skipped and --out naming one file (one would overwrite the other) is refused first. */
  @Test
  void skippedAndOutNamingOneFile_isRefused(@TempDir Path dir) {
    Path one = dir.resolve("sweep.csv");
    CliRunner.Result sweep = run("sweep", "--all-councils", "--year", "2019", "--councils",
        "Medway", "--replications", "16", "--months", "2", "--quiet", "--data", DATA,
        "--out", one.toString(), "--skipped", dir.resolve(".").resolve("sweep.csv").toString());
    assertThat(sweep.code()).isEqualTo(2);
    assertThat(sweep.err()).startsWith("--skipped: is the --out file, ");
    assertThat(one).doesNotExist();
  }

  @Test
  void grid_pointsPerCouncil_andCouncilsThatCannotBeCalibratedAreListed(@TempDir Path dir)
      throws Exception {
    Path grid = dir.resolve("grid.json");
    Files.writeString(grid, "{\"axes\": {\"parameters.demand.annualGrowth\": [0, 0.05]},"
        + " \"metrics\": [\"caseload\"]}");
    Path skipped = dir.resolve("skipped.csv");
    // Westminster's 2022 return suppresses agency FTE (estimated from the headcount, which
    // this copy suppresses too)
    Path data = EditedDfeData.workforce(dir.resolve("data"), "Westminster", 2022, "x",
        EditedDfeData.AGENCY_HEADCOUNT);
    CliRunner.Result sweep = run("sweep", grid.toString(), "--all-councils", "--year", "2022",
        "--councils", "Westminster,Kent", "--replications", "16", "--months", "2", "--quiet",
        "--data", data.toString(), "--skipped", skipped.toString());
    assertThat(sweep.code()).as(sweep.err()).isZero();
    List<String> lines = sweep.out().lines().toList();
    assertThat(lines.get(0)).startsWith(
        "council_code,council,scenario,parameters.demand.annualGrowth,period,");
    assertThat(lines).hasSize(1 + 2 * 2);
    assertThat(lines.get(1)).startsWith("E10000016,Kent,1,0,month,1,");
    assertThat(lines.get(3)).startsWith("E10000016,Kent,2,0.05,month,1,");
    assertThat(sweep.err()).contains("skipped Westminster (E09000033): Westminster 2022: agency"
        + " FTE and headcount are not published in that year's workforce return");
    assertThat(Files.readString(skipped)).startsWith("council_code,council,reason\n"
        + "E09000033,Westminster,");
  }

  @Test
  void anAxisOnTheHorizon_isRefused(@TempDir Path dir) throws Exception {
    Path grid = dir.resolve("grid.json");
    Files.writeString(grid, "{\"axes\": {\"horizonMonths\": [6]}}");
    CliRunner.Result sweep = run("sweep", grid.toString(), "--all-councils", "--year", "2019",
        "--months", "12", "--councils", "Medway", "--data", DATA);
    assertThat(sweep.code()).isEqualTo(2);
    assertThat(sweep.err()).contains(grid + ": axes.horizonMonths: cannot be an axis of an"
        + " all-England sweep").hasLineCount(1);
  }

  @Test
  void badFlags_exitTwoNamingTheFlag(@TempDir Path dir) throws Exception {
    assertThat(run("sweep", "--all-councils", "--data", DATA).err()).contains("--year");
    assertThat(run("sweep", "--year", "2019", "x.json").err())
        .contains("--year: only with --all-councils");
    CliRunner.Result noYear = run("sweep", "--all-councils", "--year", "2031", "--data", DATA);
    assertThat(noYear.code()).isEqualTo(2);
    assertThat(noYear.err()).contains("--year: no council has a workforce return for 2031");
    CliRunner.Result unknown = run("sweep", "--all-councils", "--year", "2019", "--councils",
        "Atlantis", "--data", DATA);
    assertThat(unknown.code()).isEqualTo(2);
    assertThat(unknown.err()).contains("--councils: 'Atlantis'");
    Path grid = dir.resolve("grid.json");
    Files.writeString(grid, "{\"preset\": \"medway-2019\", \"axes\": {\"seed\": [1]}}");
    CliRunner.Result preset = run("sweep", grid.toString(), "--all-councils", "--year", "2019",
        "--data", DATA);
    assertThat(preset.code()).isEqualTo(2);
    assertThat(preset.err()).contains("each council is the base");
  }

  /**
   * The CSV is built in memory: a sweep that would write more than 64 MiB is refused before
   * any council runs (eight growth rates over 120 months ran a 1 GiB server out of memory).
   */
  @Test
  void tooMuchCsv_exits2BeforeRunning(@TempDir Path dir) throws Exception {
    Path grid = dir.resolve("grid.json");
    Files.writeString(grid, "{\"axes\": {\"parameters.demand.annualGrowth\":"
        + " [0, 0.01, 0.02, 0.03, 0.04, 0.05, 0.06, 0.07]}}");
    CliRunner.Result sweep = run("sweep", grid.toString(), "--all-councils", "--year", "2019",
        "--replications", "1", "--months", "120", "--quiet", "--data", DATA);
    assertThat(sweep.code()).as(sweep.err()).isEqualTo(2);
    assertThat(sweep.err().strip()).startsWith(grid + ": axes: the sweep would write about ")
        .contains("more than the 96 MiB a sweep may write here").contains(" x 8 combinations x 120"
            + " months x " + Metric.COUNT + " metrics").doesNotContain("\n");
    assertThat(sweep.out()).isEmpty();

    // every metric of every council (about 150) over 72 months, about 87 MiB, is within the
    // command line's bound, over 120 months not (rows state their figures' accuracy), and
    // beyond the server's
    List<Metric> every = List.of(Metric.values());
    assertThat(org.caseload.sim.sweep.AllCouncils.tooLarge(152, List.of(), every, 72,
        org.caseload.sim.sweep.AllCouncils.MAX_COMMAND_CSV_BYTES)).isNull();
    assertThat(org.caseload.sim.sweep.AllCouncils.tooLarge(152, List.of(), every, 120,
        org.caseload.sim.sweep.AllCouncils.MAX_COMMAND_CSV_BYTES)).isNotNull();
    assertThat(org.caseload.sim.sweep.AllCouncils.tooLarge(152, List.of(), every, 72))
        .contains("narrow it (fewer months, axes values, metrics or councils)");
  }
}
