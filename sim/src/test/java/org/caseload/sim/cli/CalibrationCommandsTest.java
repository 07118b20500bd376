package org.caseload.sim.cli;

import static org.assertj.core.api.Assertions.assertThat;
import static org.caseload.sim.cli.CliRunner.run;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import org.caseload.core.scenario.ScenarioJson;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

class CalibrationCommandsTest {

  static final String DATA = Path.of("..", "data", "dfe").toString();

  @TempDir
  Path temp;

  @Test
  void calibrate_printsAValidScenario_andNotesOnStderr() {
    CliRunner.Result result = run("calibrate", "--data", DATA, "--la", "medway", "--year",
        "2019");
    assertThat(result.code()).isZero();
    assertThat(ScenarioJson.read(result.out()).name())
        .isEqualTo("Medway at 30 September 2019");
    assertThat(result.err()).contains("Medway at 30 September 2019: 162.1 FTE in post",
        "years of data read: [2014, 2015, 2016, 2017, 2018, 2019]");
  }

  /** Each reason a council and year cannot be calibrated blames the flag that can change it. */
  @Test
  void uncalibratable_exitsTwoNamingTheFlagAtFault() throws Exception {
    CliRunner.Result noReturn = run("calibrate", "--data", DATA, "--la", "Medway", "--year",
        "2015");
    assertThat(noReturn.code()).isEqualTo(2);
    assertThat(noReturn.err()).startsWith("--year: Medway 2015: the"
        + " workforce return is not published for that year (returns published: 2017-2022)");
    CliRunner.Result joint = run("calibrate", "--data", DATA, "--la", "West Northamptonshire",
        "--year", "2021");
    assertThat(joint.code()).isEqualTo(2);
    assertThat(joint.err()).startsWith("--la: West Northamptonshire 2021:"
        + " the workforce figures are published only jointly");
    CliRunner.Result suppressed = run("calibrate", "--data", DATA, "--la", "Westminster",
        "--year", "2022");
    assertThat(suppressed.code()).as(suppressed.err()).isZero();
    assertThat(suppressed.err()).contains("agency FTE: not published for 2022; estimated as"
        + " 4.6 from 17 agency workers at its own agency FTE per head in 2019-2021");
  }

  /**
   * Without --data the folder is the launcher's (property caseload.dfe, the repository's
   * data/dfe wherever the command runs), else data/dfe under the working directory, which
   * this module's tests do not have.
   */
  @Test
  void data_defaultsToTheFolderTheLauncherNames() {
    assertThat(run("calibrate", "--la", "Medway", "--year", "2019").err())
        .contains("--data: data/dfe is not a folder");
    System.setProperty("caseload.dfe", Path.of(DATA).toAbsolutePath().toString());
    try {
      CliRunner.Result result = run("calibrate", "--la", "Medway", "--year", "2019");
      assertThat(result.code()).isZero();
      assertThat(ScenarioJson.read(result.out()).name())
          .isEqualTo("Medway at 30 September 2019");
      assertThat(run("calibrate", "--help").out().replaceAll("\\s+", ""))
          .contains("(default" + Path.of(DATA).toAbsolutePath() + ")");
    } finally {
      System.clearProperty("caseload.dfe");
    }
  }

  @Test
  void forecast_json_hasSnapshotsOfTheFollowingYears() throws Exception {
    CliRunner.Result result = run("forecast", "--data", DATA, "--la", "E06000035", "--year",
        "2019", "--months", "24", "--replications", "64", "--format", "json");
    assertThat(result.code()).as(result.err()).isZero();
    assertThat(result.err()).contains("Medway at 30 September 2019: 162.1 FTE in post");
    JsonNode json = new ObjectMapper().readTree(result.out());
    assertThat(json.get("snapshots").get(0).get("date").asText()).isEqualTo("2020-09-30");
    assertThat(json.get("snapshots").get(1).get("date").asText()).isEqualTo("2021-09-30");
    assertThat(json.get("baseDate").asText()).isEqualTo("2019-09-30");
  }

  @Test
  void backtest_printsTheTable_andWritesThePerCouncilCsv() throws Exception {
    Path csv = temp.resolve("bt.csv");
    CliRunner.Result result = run("backtest", "--data", DATA, "--base-year", "2019", "--years",
        "2", "--la", "Medway", "--la", "Worcestershire", "--replications", "32", "--out",
        csv.toString());
    assertThat(result.code()).as(result.err()).isZero();
    assertThat(result.out()).contains("Backtest from 30 September 2019, scored against"
        + " 2020-2021", "inPostFte", "caseload", "mean-rev", "M/I/C");
    assertThat(Files.readAllLines(csv)).hasSize(1 + 2 * 2 * 5);
  }

  @Test
  void backtest_headlineNamesTheYearsScored_andGoalsOnFewValuesAreNotJudged() {
    CliRunner.Result result = run("backtest", "--data", DATA, "--base-year", "2021", "--years",
        "3", "--la", "Medway", "--replications", "8", "--out", temp.resolve("x.csv").toString());
    assertThat(result.code()).as(result.err()).isZero();
    assertThat(result.out()).contains("Backtest from 30 September 2021, scored against 2022"
        + " (no published figures for 2023-2024)").doesNotContain("2022-2024");
    // the scores' line, then the line of their Monte Carlo errors
    List<String> inPost = result.out().lines().filter(l -> l.startsWith("inPostFte")).toList();
    assertThat(inPost).hasSize(2).first().asString().endsWith("n too small to judge");
    assertThat(inPost.get(1)).endsWith("100.0% - 100.0%");
  }

  @Test
  void backtest_withNoFiguresAfterTheBaseYear_saysSo() {
    CliRunner.Result result = run("backtest", "--data", DATA, "--base-year", "2022", "--years",
        "2", "--la", "Medway", "--replications", "8", "--out", temp.resolve("z.csv").toString());
    assertThat(result.code()).isEqualTo(2);
    assertThat(result.err()).isEqualTo("--base-year: no published figures to score for"
        + " 2023-2024 (the forecasts start at 30 September 2022)\n");
  }

  @Test
  void backtest_councilWhoseReturnIsJoint_saysSo() {
    CliRunner.Result result = run("backtest", "--data", DATA, "--base-year", "2021", "--la",
        "West Northamptonshire", "--replications", "8", "--out",
        temp.resolve("y.csv").toString());
    assertThat(result.code()).isEqualTo(2);
    assertThat(result.err()).isEqualTo("--base-year: no council could be forecast from 2021:"
        + " West Northamptonshire 2021: the workforce figures are published only jointly with"
        + " North Northamptonshire, as 'North Northamptonshire / West Northamptonshire'"
        + " (E06000061 / E06000062), which can be calibrated\n");
    assertThat(result.out()).isEmpty();
    assertThat(temp.resolve("y.csv")).doesNotExist();
  }

  @Test
  void backtest_ofMoreThanAMillionReplicationsInAll_asksForYes() {
    CliRunner.Result result = run("backtest", "--data", DATA, "--base-year", "2019", "--years",
        "1", "--la", "Medway", "--la", "Kent", "--replications", "600000", "--out",
        temp.resolve("never.csv").toString());
    assertThat(result.code()).isEqualTo(2);
    assertThat(result.err().strip()).isEqualTo("--replications: 600,000"
        + " replications for each of 2 councils is 1,200,000 in all; add --yes to run them, or"
        + " ask for fewer");
    assertThat(temp.resolve("never.csv")).doesNotExist();
  }

  @Test
  void backtest_aCouncilNamedTwice_isScoredOnce() throws Exception {
    Path once = temp.resolve("once.csv");
    Path twice = temp.resolve("twice.csv");
    CliRunner.Result one = run("backtest", "--data", DATA, "--base-year", "2019", "--years",
        "1", "--la", "Medway", "--replications", "8", "--out", once.toString());
    CliRunner.Result two = run("backtest", "--data", DATA, "--base-year", "2019", "--years",
        "1", "--la", "Medway", "--la", "E06000035", "--la", "Medway", "--replications", "8",
        "--out", twice.toString());
    assertThat(two.code()).as(two.err()).isZero();
    assertThat(Files.readString(twice)).isEqualTo(Files.readString(once));
    assertThat(two.out().replace(twice.toString(), once.toString())).isEqualTo(one.out());
  }

  @ParameterizedTest(name = "{0}")
  @CsvSource(delimiter = '|', value = {
      "unknown council|calibrate --la Medwey --year 2019|--la: no council, region or country called 'Medwey'; closest: Medway",
      "year without data|calibrate --la Medway --year 2012|--year: Medway 2012: the workforce return is not published",
      "no data folder|calibrate --data /nonexistent --la Medway --year 2019|--data: /nonexistent is not a folder",
      "bad years|backtest --base-year 2019 --years 0 --all|--years: must be between 1 and 10, was 0",
      "no councils|backtest --base-year 2019|Error: Missing required argument",
      "forecast months|forecast --la Medway --year 2019 --months 0|--months: must be between 1 and 120, was 0"})
  void badInput_exitsTwo(String name, String args, String message) {
    String[] words = RunCommandTest.split(args.contains("--data") ? args
        : args.replaceFirst(" ", " --data " + DATA + " "));
    CliRunner.Result result = run(words);
    assertThat(result.code()).as(name).isEqualTo(2);
    assertThat(result.err()).as(name).contains(message).doesNotContain("Exception");
  }

  /** A --data folder whose Medway 2019 workforce row has -5 FTE in post, none holding cases. */
  private Path brokenMedway2019() throws Exception {
    Path folder = Files.createDirectory(temp.resolve("dfe"));
    try (var files = Files.list(Path.of(DATA))) {
      for (Path file : files.toList()) {
        Files.copy(file, folder.resolve(file.getFileName().toString()));
      }
    }
    Path workforce = folder.resolve("csww_indicators_2017_to_2022.csv");
    List<String> lines = new ArrayList<>(Files.readAllLines(workforce));
    List<String> header = List.of(lines.get(0).split(","));
    int changed = 0;
    for (int i = 1; i < lines.size(); i++) {
      String[] cells = lines.get(i).split(",", -1);
      if (cells[0].equals("2019") && cells[header.indexOf("la_name")].equals("Medway")) {
        cells[header.indexOf("inpost_fte")] = "-5";
        cells[header.indexOf("case_holders_fte")] = "0";
        lines.set(i, String.join(",", cells));
        changed++;
      }
    }
    assertThat(changed).isEqualTo(1);
    Files.write(workforce, lines);
    return folder;
  }

  @Test
  void calibrateAndForecast_malformedFigures_exitTwoNamingCouncilAndYear() throws Exception {
    Path folder = brokenMedway2019();
    for (String command : List.of("calibrate", "forecast")) {
      CliRunner.Result result = run(command, "--la", "Medway", "--year", "2019", "--data",
          folder.toString(), "--quiet", "--replications", "4");
      if (command.equals("calibrate")) {
        result = run(command, "--la", "Medway", "--year", "2019", "--data", folder.toString(),
            "--quiet");
      }
      assertThat(result.code()).as(command).isEqualTo(2);
      assertThat(result.err()).as(command).isEqualTo("--data: " + folder + ": Medway 2019:"
          + " inpost_fte is -5 in the data: a published figure is from 0 to 100,000,000\n")
          .doesNotContain("Exception").hasLineCount(1);
      assertThat(result.out()).as(command).isEmpty();
    }
  }

  /**
   * A backtest of one council with a figure no table could hold in a year it scores is
   * refused as calibrate refuses it: exit 2 naming --data, council, year and column (it had
   * scored 1e300 FTE in post as published, exit 0).
   */
  @Test
  void backtest_impossibleFigureOfAYearScored_exitsTwoNamingDataCouncilYearAndColumn()
      throws Exception {
    Path folder = org.caseload.core.data.EditedDfeData.workforce(temp.resolve("huge"),
        "Medway", 2021, "1e300", org.caseload.core.data.EditedDfeData.INPOST_FTE);
    Path csv = temp.resolve("huge.csv");
    CliRunner.Result result = run("backtest", "--data", folder.toString(), "--base-year",
        "2019", "--la", "Medway", "--replications", "8", "--threads", "1", "--out",
        csv.toString());
    assertThat(result.code()).isEqualTo(2);
    assertThat(result.err()).isEqualTo("--data: " + folder + ": Medway 2021: inpost_fte is"
        + " 1.00e+300 in the data: a published figure is from 0 to 100,000,000\n");
    assertThat(result.out()).isEmpty();
    assertThat(csv).doesNotExist();
  }

  /**
   * One council with a return in the base year and nothing under its code after it
   * (Northamptonshire from 2020) is refused with that reason, as the {@code not scored} lines
   * of --all say; it had been told that nothing was published for 2021-2023, when 2021-2022
   * are.
   */
  @Test
  void backtest_councilWithNothingPublishedAfterUnderItsCode_saysSo() {
    CliRunner.Result result = run("backtest", "--data", DATA, "--base-year", "2020", "--la",
        "Northamptonshire", "--replications", "8", "--threads", "1", "--out",
        temp.resolve("n.csv").toString());
    assertThat(result.code()).isEqualTo(2);
    assertThat(result.err()).isEqualTo("--la: no council to score from 2020: Northamptonshire"
        + " (E10000021) 2020: nothing published after 2020 under this code\n");
    assertThat(temp.resolve("n.csv")).doesNotExist();
  }

  /**
   * An indicator with no value to score (the Isles of Scilly's turnover from 2020: no one in
   * post in 2021-2022) says so with n 0, in both tables, where NaN% and NaN had been printed.
   */
  @Test
  void backtest_indicatorWithNoValueToScore_saysSoWithoutNaN() {
    CliRunner.Result result = run("backtest", "--data", DATA, "--base-year", "2020", "--years",
        "2", "--la", "Isles of Scilly", "--replications", "8", "--threads", "1", "--out",
        temp.resolve("s.csv").toString());
    assertThat(result.code()).as(result.err()).isZero();
    assertThat(result.out()).doesNotContain("NaN");
    List<String> turnover = result.out().lines().filter(l -> l.startsWith("turnoverRate"))
        .toList();
    assertThat(turnover).containsExactly(
        "turnoverRate      0 no values to score: none published (or defined) in the years"
            + " scored, or none with the base year's value and an earlier one to compare with",
        "turnoverRate  no values to score: none published (or defined) in the years scored, or"
            + " none with the base year's value and an earlier one to compare with");
  }
}
