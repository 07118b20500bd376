package org.caseload.sim.cli;

import static org.assertj.core.api.Assertions.assertThat;
import static org.caseload.sim.cli.CliRunner.run;

import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * A file a command writes ({@code --out}, the sweep's {@code --skipped}) that is one of its
 * inputs is refused with exit code 2 before anything runs, the input left as it was: a DfE
 * file of {@code --data} (every command that reads it), and the grid file of an all-England
 * sweep's {@code --skipped}. Before, {@code calibrate --out DIR/csww...csv} replaced the
 * workforce figures with a scenario's JSON and exited 0.
 */
class OutNotDataTest {

  private static final String WORKFORCE = "csww_indicators_2017_to_2022.csv";

  @TempDir
  Path temp;

  Path folder;

  @BeforeEach
  void copyRealData() throws Exception {
    folder = Files.createDirectory(temp.resolve("dfe"));
    try (var files = Files.list(Path.of(CalibrationCommandsTest.DATA))) {
      for (Path file : files.toList()) {
        Files.copy(file, folder.resolve(file.getFileName().toString()));
      }
    }
  }

  private static String[] with(String[] args, String... more) {
    List<String> all = new ArrayList<>(List.of(args));
    all.addAll(List.of(more));
    return all.toArray(String[]::new);
  }

  @Test
  void out_aDfeFileOfData_isRefused_andTheFileKept() throws Exception {
    Path workforce = folder.resolve(WORKFORCE);
    String before = Files.readString(workforce);
    String data = folder.toString();
    List<String[]> commands = List.of(
        new String[] {"calibrate", "--data", data, "--la", "Medway", "--year", "2019"},
        new String[] {"forecast", "--data", data, "--la", "Medway", "--year", "2019",
            "--replications", "4", "--months", "2", "--quiet"},
        new String[] {"backtest", "--data", data, "--la", "Medway", "--base-year", "2019",
            "--years", "1", "--replications", "4"},
        new String[] {"sweep", "--all-councils", "--data", data, "--year", "2019",
            "--councils", "Medway", "--replications", "4", "--months", "2", "--quiet"},
        new String[] {"goal-seek", "--data", data, "--la", "Medway", "--year", "2019",
            "--months", "2", "--target", "caseload <= 30 at month 2", "--probability", "0.5",
            "--lever", "posts:assessment=0..2", "--screen-replications", "64",
            "--max-replications", "64", "--quiet"},
        new String[] {"sensitivity", "--data", data, "--la", "Medway", "--year", "2019",
            "--months", "2", "--metric", "caseload", "--month", "2", "--method", "tornado",
            "--replications", "2", "--quiet"});
    for (String[] args : commands) {
      CliRunner.Result result = run(with(args, "--out", workforce.toString()));
      assertThat(result.code()).as(args[0]).isEqualTo(2);
      assertThat(result.err()).as(args[0]).startsWith("--out: " + workforce
          + " is a DfE file of --data").endsWith(": the result would replace it; give another"
          + " file\n").doesNotContain("\n\t");
      assertThat(result.out()).as(args[0]).isEmpty();
      assertThat(Files.readString(workforce)).as(args[0]).isEqualTo(before);
    }
    // through a link too, and for --skipped
    Path link = Files.createSymbolicLink(temp.resolve("link.csv"), workforce);
    CliRunner.Result skipped = run("sweep", "--all-councils", "--data", data, "--year", "2019",
        "--councils", "Medway", "--replications", "4", "--months", "2", "--quiet", "--out",
        temp.resolve("sweep.csv").toString(), "--skipped", link.toString());
    assertThat(skipped.code()).isEqualTo(2);
    assertThat(skipped.err()).startsWith("--skipped: " + link + " is a DfE file of --data");
    assertThat(Files.readString(workforce)).isEqualTo(before);
    assertThat(temp.resolve("sweep.csv")).doesNotExist();
  }

  @Test
  void skipped_theGridFile_isRefused_andTheGridKept() throws Exception {
    Path grid = Files.writeString(temp.resolve("grid.json"),
        "{\"axes\": {\"parameters.demand.annualGrowth\": [0]}, \"metrics\": [\"caseload\"]}");
    String before = Files.readString(grid);
    CliRunner.Result result = run("sweep", grid.toString(), "--all-councils", "--data",
        folder.toString(), "--year", "2019", "--councils", "Medway", "--replications", "4",
        "--months", "2", "--quiet", "--out", temp.resolve("sweep.csv").toString(),
        "--skipped", grid.toString());
    assertThat(result.code()).isEqualTo(2);
    assertThat(result.err()).isEqualTo("--skipped: " + grid + " is the grid file: the list of"
        + " councils left out would replace it; give another file\n");
    assertThat(Files.readString(grid)).isEqualTo(before);
    assertThat(temp.resolve("sweep.csv")).doesNotExist();
  }

  /** The all-England sweep's --out naming its grid (a review found it replaced the grid). */
  @Test
  void allCouncilsOut_theGridFile_isRefused_andTheGridKept() throws Exception {
    Path grid = Files.writeString(temp.resolve("grid.json"),
        "{\"axes\": {\"parameters.demand.annualGrowth\": [0]}, \"metrics\": [\"caseload\"]}");
    String before = Files.readString(grid);
    CliRunner.Result result = run("sweep", grid.toString(), "--all-councils", "--data",
        folder.toString(), "--year", "2019", "--councils", "Medway", "--replications", "4",
        "--months", "2", "--quiet", "--out", grid.toString());
    assertThat(result.code()).isEqualTo(2);
    assertThat(result.err()).isEqualTo("--out: " + grid + " is the grid file: the result would"
        + " replace it; give another file\n");
    assertThat(Files.readString(grid)).isEqualTo(before);
  }

  @Test
  void out_anotherFileInTheDataFolder_isWritten() throws Exception {
    Path scenario = folder.resolve("medway.json");
    CliRunner.Result result = run("calibrate", "--data", folder.toString(), "--la", "Medway",
        "--year", "2019", "--quiet", "--out", scenario.toString());
    assertThat(result.code()).isZero();
    assertThat(Files.readString(scenario)).contains("\"area\"");
  }
}
