package org.caseload.sim.cli;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.file.Files;
import java.nio.file.Path;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * Findings of an analyst's trial of the command-line tool (2026-11-30), one test each: every
 * command's --version, an empty --out, bytes that are not text in an argument, and a council
 * name two councils have had.
 */
class AnalystTrialTest {

  private static final String DATA = "../data/dfe";

  @TempDir
  Path dir;

  @Test
  void everyCommandsVersion_printsTheTools() {
    String version = CliRunner.run("--version").out().strip();
    assertThat(version).startsWith("caseload ");
    for (String command : new String[] {"run", "compare", "sweep", "goal-seek", "sensitivity",
        "calibrate", "forecast", "backtest", "project", "presets", "metrics", "validate"}) {
      CliRunner.Result r = CliRunner.run(command, "--version");
      assertThat(r.code()).as(command).isZero();
      assertThat(r.out().strip()).as(command).isEqualTo(version);
    }
  }

  @Test
  void anEmptyOut_isSaidToBeEmpty_notAFolder() {
    for (String[] args : new String[][] {{"run", "--preset", "synthetic-small", "--out", ""},
        {"calibrate", "--la", "Medway", "--year", "2019", "--data", DATA, "--out", ""}}) {
      CliRunner.Result r = CliRunner.run(args);
      assertThat(r.code()).as(r.err()).isEqualTo(2);
      assertThat(r.err()).contains("--out: the file name is empty").doesNotContain("folder");
    }
  }

  /**
   * Bytes the JVM cannot read as UTF-8 arrive as U+FFFD: a name of them had been saved as
   * "\uFFFD\uFFFD"; a file with the same bytes is refused, and so now is the argument.
   */
  @Test
  void anArgumentWithBytesThatAreNotText_isRefusedNamingItsFlag() throws Exception {
    Path out = dir.resolve("s.json");
    CliRunner.Result set = CliRunner.run("calibrate", "--la", "Medway", "--year", "2019",
        "--data", DATA, "--set", "name=\uFFFD\uFFFD", "--out", out.toString());
    assertThat(set.code()).isEqualTo(2);
    assertThat(set.err().strip()).isEqualTo("caseload: --set: has bytes that are not UTF-8 text"
        + " (arguments are read as UTF-8; a file is checked the same way)");
    assertThat(out).doesNotExist();
    assertThat(CliRunner.run("run", "--preset=synth\uFFFD").err()).startsWith("caseload: --preset:");
    assertThat(CliRunner.run("validate", "a\uFFFD.json").err())
        .startsWith("caseload: argument 2:");
  }

  /** Dorset 2018 is the county council's return (E10000009), not the unitary council's. */
  @Test
  void aCouncilNameTwoCouncilsHaveHad_isTheOneWithAReturnThatYear() throws Exception {
    Path out = dir.resolve("dorset.json");
    CliRunner.Result r = CliRunner.run("calibrate", "--la", "Dorset", "--year", "2018",
        "--data", DATA, "--out", out.toString());
    // it had stopped: "--year: Dorset 2018: the workforce return is not published for that
    // year (returns published: 2019-2022)", the unitary council's
    assertThat(r.code()).as(r.err()).isZero();
    assertThat(Files.readString(out)).contains("\"baseDate\" : \"2018-09-30\"");
    CliRunner.Result now = CliRunner.run("calibrate", "--la", "Dorset", "--year", "2021",
        "--data", DATA, "--out", out.toString());
    assertThat(now.code()).as(now.err()).isZero();
  }
}
