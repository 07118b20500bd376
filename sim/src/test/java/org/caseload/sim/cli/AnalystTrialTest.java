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
    // as ./caseload runs it, with a UTF-8 locale (a C locale's message is tested below)
    boolean utf8 = System.getProperty("sun.jnu.encoding", "UTF-8").equalsIgnoreCase("UTF-8");
    assertThat(set.err().strip()).isEqualTo(utf8 ? "--set: has bytes that are not UTF-8 text"
        + " (arguments are read as UTF-8; a file is checked the same way)"
        : "--set: has characters this system's locale (" + System.getProperty("sun.jnu.encoding")
            + ") cannot read: run with a UTF-8 locale, e.g. LC_ALL=C.UTF-8 (./caseload does)");
    assertThat(out).doesNotExist();
    assertThat(CliRunner.run("run", "--preset=synth\uFFFD").err()).startsWith("--preset:");
    assertThat(CliRunner.run("validate", "a\uFFFD.json").err()).startsWith("argument 2:");
  }

  /**
   * Under a locale of another encoding (LANG=C) the JVM reads a UTF-8 argument's é as U+FFFD:
   * the message says it is the locale and how to run instead (a review found it blamed the
   * planner's bytes); ./caseload runs Java with a UTF-8 locale when the system's is not.
   */
  @Test
  void underACLocale_theMessageNamesTheLocale() throws Exception {
    ProcessBuilder child = new ProcessBuilder(Path.of(System.getProperty("java.home"), "bin",
        "java").toString(), "-cp", System.getProperty("java.class.path"),
        CaseloadCommand.class.getName(), "validate", "--set", "name=M\u00e9dway plan",
        "../presets/medway-2019.json");
    child.environment().put("LC_ALL", "C");
    child.environment().put("LANG", "C");
    child.redirectErrorStream(true);
    Process process = child.start();
    String output = new String(process.getInputStream().readAllBytes(),
        java.nio.charset.StandardCharsets.UTF_8);
    assertThat(process.waitFor()).as(output).isEqualTo(2);
    assertThat(output.strip()).startsWith("--set: has characters this system's locale (")
        .endsWith("cannot read: run with a UTF-8 locale, e.g. LC_ALL=C.UTF-8 (./caseload does)");
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
