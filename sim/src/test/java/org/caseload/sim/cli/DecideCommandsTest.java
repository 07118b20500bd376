package org.caseload.sim.cli;

import static org.assertj.core.api.Assertions.assertThat;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

/** Bad input to goal-seek stops it with exit 2 and one line naming the flag. */
class DecideCommandsTest {

  @org.junit.jupiter.api.io.TempDir
  java.nio.file.Path temp;

  @ParameterizedTest
  @CsvSource(delimiter = '|', value = {
      "foo=0..3|0.8|--lever 'foo=0..3': unknown lever 'foo'",
      "posts:assessment=2..2|0.8|--lever 'posts:assessment=2..2': range 2..2 has one value",
      "posts:nope=0..3|0.8|--lever 'posts:nope=0..3': unknown team 'nope'",
      "posts:longTerm=3..0|0.8|--lever 'posts:longTerm=3..0': posts:longTerm 3..0/1 runs"
          + " strongest first",
      "retention=0.8..1/0.1|0.8|--lever 'retention=0.8..1/0.1': retention 0.8..1/0.1 runs"
          + " strongest first",
      "posts:longTerm=0..3,start=4|0.8|--lever 'posts:longTerm=0..3,start=4': start=4 is after"
          + " the horizon of 3 months: the lever would change nothing",
      "caseloadCap:longTerm=25..18.6|0.8|--lever 'caseloadCap:longTerm=25..18.6': caseloadCap"
          + " takes whole numbers: 25..18.6 has a fraction",
      "posts:longTerm=0..3|1.5|--probability: must be strictly between 0 and 1, was 1.5: for"
          + " 1.5% write 0.015",
      "posts:longTerm=0..3|80|--probability: must be strictly between 0 and 1, was 80.0: for 80%"
          + " write 0.8",
      "posts:longTerm=0..3|100|--probability: must be strictly between 0 and 1, was 100.0",
      "posts:longTerm=0..3|0.8|--target: target \"referrals <= 10 at month 1\" is met"})
  void goalSeek_badInput_exits2WithOneLine(String lever, String p, String message) {
    CliRunner.Result r = CliRunner.run("goal-seek", "--preset", "medway-2019", "--months", "3",
        "--target", "referrals <= 10 at month 1", "--probability", p, "--lever", lever,
        "--screen-replications", "64", "--max-replications", "64");

    assertThat(r.code()).isEqualTo(2);
    assertThat(r.err().strip()).startsWith(message).doesNotContain("\n");
  }

  /**
   * A search that may simulate more than 1,000,000 replications stops at once unless --yes
   * (an analyst's grid of 4.1 million plans had run for hours, silent): the count is the
   * one the API's work limit takes (GoalSeekRequest#replicationsPlanned); docs/decide.md's
   * example (71,168) runs without it.
   */
  @Test
  void goalSeek_ofMillionsOfReplications_stopsUnlessYes() {
    CliRunner.Result r = CliRunner.run("goal-seek", "--preset", "medway-2019", "--months", "12",
        "--target", "caseload <= 10 at month 12", "--probability", "0.9",
        "--screen-replications", "64", "--max-replications", "64",
        "--lever", "posts:assessment=0..999", "--lever", "posts:longTerm=0..99",
        "--lever", "campaign=1..3/0.05,months=12");
    assertThat(r.code()).isEqualTo(2);
    // 100 x 41 combinations x 11 looks x 64, and 4 + 4 plans refined to 64 (the answer, its
    // three one-step-weaker neighbours, and up to 4 not ruled out)
    assertThat(r.err()).isEqualTo("--lever: the search may simulate about 2,886,912"
        + " replications (every combination of the levers' steps screened at 64, the answer"
        + " refined to 64); add --yes to search, or use coarser steps, fewer levers or fewer"
        + " --screen-replications\n");
    assertThat(r.out()).isEmpty();
    assertThat(100 * 41 * 11 * 64 + 4 * 64).isEqualTo(2_886_656);
  }

  /**
   * The goal-seek's numbers and plans are checked by one rule for the CLI and the API
   * (GoalSeekRequest), before anything is simulated: too many combinations of the other
   * levers are refused up front, not after the first plans have run.
   */
  @ParameterizedTest(name = "{0}")
  @CsvSource(delimiter = '|', value = {
      "--screen-replications 100|--screen-replications: must be a multiple of 64 from 64 to"
          + " 1,000,000, was 100",
      "--max-replications 32|--max-replications: must be from the screen replications (64) to"
          + " 1,000,000, was 32",
      "--screen-replications 8192 --max-replications 4096|--max-replications: must be from the"
          + " screen replications (8192) to 1,000,000, was 4096",
      "--lever campaign=1..3/0.01 --lever retention=1..0.8/0.001|--lever: the levers other"
          + " than posts:longTerm have more than 10000 combinations; use coarser steps"})
  void goalSeek_numbersAndPlans_areCheckedFirst(String args, String message) {
    java.util.List<String> all = new java.util.ArrayList<>(java.util.List.of("goal-seek",
        "--preset", "medway-2019", "--months", "3", "--target", "caseload <= 18 at month 3",
        "--probability", "0.8", "--lever", "posts:longTerm=0..10",
        "--screen-replications", "64", "--max-replications", "64"));
    String[] changes = args.split(" ");
    for (int i = 0; i < changes.length; i += 2) {
      int at = all.indexOf(changes[i]);
      if (at >= 0 && !changes[i].equals("--lever")) {
        all.set(at + 1, changes[i + 1]);
      } else {
        all.addAll(java.util.List.of(changes[i], changes[i + 1]));
      }
    }
    CliRunner.Result r = CliRunner.run(all.toArray(String[]::new));
    assertThat(r.code()).as(r.err()).isEqualTo(2);
    assertThat(r.err()).isEqualTo(message + "\n");
  }

  /**
   * A screen above the default maximum, the maximum not given: the refusal says the maximum is
   * the default (it had read as if given); given, as 4096, it does not.
   */
  @Test
  void goalSeek_aDefaultMaximumBelowTheScreen_isSaidToBeTheDefault() {
    CliRunner.Result r = CliRunner.run("goal-seek", "--preset", "medway-2019", "--months", "3",
        "--target", "caseload <= 18 at month 3", "--probability", "0.8", "--lever",
        "posts:longTerm=0..10", "--screen-replications", "8192");
    assertThat(r.code()).as(r.err()).isEqualTo(2);
    assertThat(r.err()).isEqualTo("--max-replications: must be from the screen replications"
        + " (8192) to 1,000,000, was 4096 (the default where it is not given)\n");
  }

  /** A lever that would overwrite an earlier one (the later of two agency policies) is refused. */
  @ParameterizedTest
  @CsvSource(delimiter = '|', value = {
      "caseloadCap:longTerm=25..18|caseloadCap:longTerm=30..20/5|--lever"
          + " 'caseloadCap:longTerm=30..20/5': caseloadCap:longTerm sets what an"
          + " earlier lever (caseloadCap:longTerm) sets, so it would overwrite it: give it once",
      "agencyCover=0.5..1/0.1|agencyCap=0..60/10|--lever 'agencyCap=0..60/10': agencyCap sets"
          + " what an earlier lever (agencyCover) sets, so it would overwrite it: agencyCover and"
          + " agencyCap both set the whole agency policy; use one",
      "posts:longTerm=0..4|posts:longTerm=0..8|--lever 'posts:longTerm=0..8': posts:longTerm"
          + " from month 1 repeats an earlier lever (posts:longTerm from month 1): give it once",
      "campaign=1..2|campaign=1..3,months=6|--lever 'campaign=1..3,months=6': campaign from"
          + " month 1 repeats an earlier lever (campaign from month 1): give it once"})
  void goalSeekAndSensitivity_aRepeatedLever_exits2(String first, String second,
      String message) {
    for (String command : new String[] {"goal-seek", "sensitivity"}) {
      CliRunner.Result r = command.equals("goal-seek")
          ? CliRunner.run(command, "--preset", "medway-2019", "--months", "3", "--target",
              "caseload <= 18 at month 3", "--probability", "0.8", "--lever", first,
              "--lever", second)
          : CliRunner.run(command, "--preset", "medway-2019", "--months", "3", "--metric",
              "caseload", "--month", "3", "--method", "tornado", "--lever", first, "--lever",
              second);
      assertThat(r.code()).as(command + ": " + r.err()).isEqualTo(2);
      assertThat(r.err().strip()).as(command).startsWith(message).doesNotContain("\n");
    }
  }

  /** A council calibrated from the DfE figures is a base, as for forecast; notes on stderr. */
  @org.junit.jupiter.api.Test
  void goalSeek_fromACalibratedCouncil() throws Exception {
    CliRunner.Result r = CliRunner.run("goal-seek", "--data", CalibrationCommandsTest.DATA,
        "--la", "Medway", "--year", "2019",
        "--months", "6", "--target", "caseload <= 25 at month 6", "--probability", "0.5",
        "--lever", "posts:assessment=0..8/4", "--screen-replications", "64",
        "--max-replications", "64", "--format", "json");
    assertThat(r.code()).as(r.err()).isZero();
    assertThat(r.out()).contains("Medway at 30 September 2019");
    assertThat(r.err()).contains("Medway at 30 September 2019:");
    // the calibrated base is recorded: from it alone the same search gives the same bytes
    com.fasterxml.jackson.databind.JsonNode json = new com.fasterxml.jackson.databind
        .ObjectMapper().readTree(r.out());
    assertThat(json.get("tool").asText()).startsWith("caseload ");
    java.nio.file.Path base = java.nio.file.Files.writeString(temp.resolve("base.json"),
        json.get("baseScenario").toString());
    CliRunner.Result again = CliRunner.run("goal-seek", "--scenario", base.toString(),
        "--target", "caseload <= 25 at month 6", "--probability", "0.5",
        "--lever", "posts:assessment=0..8/4", "--screen-replications", "64",
        "--max-replications", "64", "--format", "json");
    assertThat(again.code()).as(again.err()).isZero();
    assertThat(again.out()).isEqualTo(r.out());
  }

  @ParameterizedTest
  @CsvSource(delimiter = '|', value = {
      "--preset medway-2019 --la Medway --year 2019|mutually exclusive",
      "--la Medway|Missing required argument(s): --year",
      "--la Nowhereshire --year 2019|--la"})
  void decisionBase_badInput_exits2(String base, String message) {
    java.util.List<String> args = new java.util.ArrayList<>(java.util.List.of("sensitivity"));
    args.addAll(java.util.List.of(base.split(" ")));
    args.addAll(java.util.List.of("--data", CalibrationCommandsTest.DATA));
    args.addAll(java.util.List.of("--metric", "caseload", "--month", "3", "--months", "3"));
    CliRunner.Result r = CliRunner.run(args.toArray(String[]::new));
    assertThat(r.code()).isEqualTo(2);
    assertThat(r.err()).contains(message);
  }

  /** A parameter studied twice would give contradictory Sobol indices: refused. */
  @org.junit.jupiter.api.Test
  void sensitivity_aRepeatedParameter_exits2() {
    CliRunner.Result r = CliRunner.run("sensitivity", "--preset", "medway-2019", "--months",
        "3", "--metric", "caseload", "--month", "3", "--parameters",
        "referralLevel,referralLevel", "--sobol-points", "16", "--replications", "2");
    assertThat(r.code()).as(r.err()).isEqualTo(2);
    assertThat(r.err()).isEqualTo("--parameters: 'referralLevel' is given twice\n");
    assertThat(r.out()).isEmpty();
  }

  /** A tornado with no uncertain parameter and no lever has nothing to swing, as sobol. */
  @org.junit.jupiter.api.Test
  void sensitivity_tornadoWithNothingToSwing_exits2() {
    CliRunner.Result r = CliRunner.run("sensitivity", "--preset", "medway-2019", "--months",
        "3", "--metric", "caseload", "--month", "3", "--method", "tornado", "--set",
        "uncertainty=[]");
    assertThat(r.code()).as(r.err()).isEqualTo(2);
    assertThat(r.err()).startsWith("--parameters: nothing to swing").doesNotContain("\n\n");
    assertThat(r.err().strip()).doesNotContain("\n");
    assertThat(r.out()).isEmpty();
  }

  /** A base given twice is named, not picocli's "expected only one match but got (...)". */
  @ParameterizedTest
  @CsvSource(delimiter = '|', value = {
      "--preset medway-2019 --preset medway-2019|--preset",
      "--preset=medway-2019 --preset medway-2019|--preset",
      "--la Medway --year 2019 --la Medway --year 2019|--la"})
  void goalSeek_aBaseGivenTwice_namesTheFlag(String base, String flag) {
    java.util.List<String> args = new java.util.ArrayList<>(java.util.List.of("goal-seek"));
    args.addAll(java.util.List.of(base.split(" ")));
    args.addAll(java.util.List.of("--months", "3", "--target", "caseload <= 18 at month 3",
        "--probability", "0.8", "--lever", "posts:longTerm=0..3"));
    CliRunner.Result r = CliRunner.run(args.toArray(String[]::new));
    assertThat(r.code()).isEqualTo(2);
    assertThat(r.err()).isEqualTo("goal-seek: " + flag + " is given twice (see --help)\n");
  }

  /**
   * Sobol's base points and bootstrap resamples have floors: 2 points and 1 resample had given
   * an index of the main driver of 0 and an "interval" [27.55, 27.55] beside an index of 0.23.
   */
  @org.junit.jupiter.params.ParameterizedTest
  @org.junit.jupiter.params.provider.CsvSource(delimiter = '|', value = {
      "--sobol-points|8|--sobol-points: must be from 16 to 100,000, was 8",
      "--bootstrap|1|--bootstrap: must be 0 (no intervals) or from 100 to 10,000, was 1: fewer"
          + " resamples make intervals of the extremes of a handful",
      // too many is said to be too many (it had been given the reason for too few)
      "--bootstrap|1000000000|--bootstrap: must be 0 (no intervals) or from 100 to 10,000, was"
          + " 1000000000: more resamples cost time and narrow the intervals no further"})
  void sensitivity_tooFewPointsOrResamples_exits2(String flag, String value, String message) {
    CliRunner.Result r = CliRunner.run("sensitivity", "--preset", "medway-2019", "--months",
        "3", "--metric", "caseload", "--month", "3", "--method", "sobol", flag, value);
    assertThat(r.code()).as(r.err()).isEqualTo(2);
    assertThat(r.err()).isEqualTo(message + "\n");
    assertThat(r.out()).isEmpty();
  }

  /**
   * Each input of a study is checked by one rule (SensitivityPlan) and blamed on its own flag,
   * before anything is simulated.
   */
  @org.junit.jupiter.params.ParameterizedTest(name = "{0}")
  @org.junit.jupiter.params.provider.CsvSource(delimiter = '|', value = {
      "--method tornadoes|--method: must be tornado, sobol or both, was 'tornadoes'",
      "--replications 0|--replications: must be from 1 to 100,000, was 0",
      "--metric caseloda|--metric: 'caseloda' is not a metric; did you mean 'caseload'?",
      "--month 7|--month: month 7 is outside the horizon",
      "--lever posts:nobody=0..8|--lever 'posts:nobody=0..8': ",
      "--lever agencyCover=0.2..0.8/0.2 --lever agencyCap=0..50/10|--lever 'agencyCap=0..50/10': agencyCap sets"})
  void sensitivity_eachInput_isBlamedOnItsFlag(String args, String message) {
    CliRunner.Result r = CliRunner.run(withOptions("--months 6 --metric caseload --month 3",
        args));
    assertThat(r.code()).as(r.err()).isEqualTo(2);
    assertThat(r.err()).startsWith(message);
    assertThat(r.out()).isEmpty();
  }

  @org.junit.jupiter.params.ParameterizedTest(name = "{0}")
  @org.junit.jupiter.params.provider.CsvSource(delimiter = '|', value = {
      "--metric meanWait|--metric: 'meanWait' is not a snapshot indicator (inPostFte,",
      "--snapshot 2020-13-30|--snapshot: '2020-13-30' is not a date YYYY-09-30",
      "--snapshot 2031-09-30|--snapshot: 2031-09-30 is not a 30 September within the horizon"})
  void sensitivity_snapshotInputs_areBlamedOnTheirFlags(String args, String message) {
    CliRunner.Result r = CliRunner.run(withOptions(
        "--months 12 --metric caseload --snapshot 2020-09-30", args));
    assertThat(r.code()).as(r.err()).isEqualTo(2);
    assertThat(r.err()).startsWith(message);
  }

  /**
   * A tornado of Medway with 4 replications and the options {@code defaults}, each of which
   * {@code changes} replaces (a --lever is added).
   */
  private static String[] withOptions(String defaults, String changes) {
    java.util.Map<String, String> options = new java.util.LinkedHashMap<>();
    String[] d = ("--method tornado --replications 4 " + defaults).split(" ");
    for (int i = 0; i < d.length; i += 2) {
      options.put(d[i], d[i + 1]);
    }
    java.util.List<String> all = new java.util.ArrayList<>(java.util.List.of("sensitivity",
        "--preset", "medway-2019"));
    String[] c = changes.split(" ");
    for (int i = 0; i < c.length; i += 2) {
      if (c[i].equals("--lever")) {
        all.addAll(java.util.List.of(c[i], c[i + 1]));
      } else {
        options.put(c[i], c[i + 1]);
      }
    }
    options.forEach((k, v) -> all.addAll(java.util.List.of(k, v)));
    return all.toArray(String[]::new);
  }

  /** Every row of sensitivity's CSV has the header's columns; the standard errors come last. */
  @org.junit.jupiter.api.Test
  void sensitivityCsv_rowsHaveTheHeadersColumns_standardErrorsLast() {
    CliRunner.Result r = CliRunner.run("sensitivity", "--preset", "medway-2019", "--months", "3",
        "--metric", "caseload", "--month", "3", "--replications", "4", "--method", "both",
        "--sobol-points", "16", "--bootstrap", "100", "--parameters",
        "referralLevel,annualTurnover", "--format", "csv");
    assertThat(r.code()).as(r.err()).isZero();
    String[] rows = r.out().split("\n");
    assertThat(rows[0]).isEqualTo("kind,input,low,high,swing,first,firstLow,firstHigh,total,"
        + "totalLow,totalHigh,lowSe,highSe,swingSe,lowSetting,highSetting,mean,meanLow,meanHigh,"
        + "variance,varianceLow,varianceHigh,noise,noiseShare,difference");
    for (String row : rows) {
      assertThat(row.split(",", -1)).as(row).hasSize(25);
    }
    String noSobolOutput = ",,,,,,,,";
    // the central value (it had been in JSON only), both ends at it, its se at both
    assertThat(rows[1]).matches("central,,([0-9.e-]+),\\1,0,,,,,,,([0-9.e-]+),\\2,,,"
        + noSobolOutput + ",0");
    // a bar's signed swing last: high - low where every replication has both ends (to 6 digits)
    assertThat(rows).anySatisfy(row -> assertThat(row).startsWith("tornado,referralLevel,")
        .matches(".*,,,,,,,[0-9.e-]+,[0-9.e-]+,[0-9.e-]+,referralLevel p5 [0-9.]+,"
            + "referralLevel p95 [0-9.]+" + noSobolOutput + ",-?[0-9.e-]+$"));
    for (String row : rows) {
      if (row.startsWith("tornado,")) {
        String[] cells = row.split(",", -1);
        double difference = Double.parseDouble(cells[24]);
        assertThat(Math.abs(difference)).as(row).isCloseTo(Double.parseDouble(cells[4]),
            org.assertj.core.data.Offset.offset(1e-9 + 1e-5 * Math.abs(difference)));
        double high = Double.parseDouble(cells[3]);
        double low = Double.parseDouble(cells[2]);
        // each end written to six digits: within 5e-6 of itself, relatively
        assertThat(difference).as(row).isCloseTo(high - low, org.assertj.core.data.Offset.offset(
            1e-9 + 5e-6 * (Math.abs(high) + Math.abs(low) + Math.abs(difference))));
      }
    }
    assertThat(rows).anySatisfy(row -> assertThat(row).startsWith("sobol,referralLevel,,,,")
        .endsWith(",,,,," + noSobolOutput + ","));
    // the output the indices are shares of: its mean and variance with intervals, the noise,
    // as JSON gives them (the same study, seed and points)
    String[] output = rows[rows.length - 1].split(",", -1);
    assertThat(output[0] + "," + output[1]).isEqualTo("sobolOutput,caseload at month 3");
    CliRunner.Result json = CliRunner.run("sensitivity", "--preset", "medway-2019", "--months",
        "3", "--metric", "caseload", "--month", "3", "--replications", "4", "--method", "both",
        "--sobol-points", "16", "--bootstrap", "100", "--parameters",
        "referralLevel,annualTurnover", "--format", "json");
    com.fasterxml.jackson.databind.JsonNode sobol;
    try {
      sobol = new com.fasterxml.jackson.databind.ObjectMapper().readTree(json.out()).get("sobol");
    } catch (java.io.IOException e) {
      throw new AssertionError(json.out(), e);
    }
    double[] expected = {sobol.get("mean").asDouble(), sobol.get("meanCi95").get(0).asDouble(),
        sobol.get("meanCi95").get(1).asDouble(), sobol.get("variance").asDouble(),
        sobol.get("varianceCi95").get(0).asDouble(),
        sobol.get("varianceCi95").get(1).asDouble(), sobol.get("noise").asDouble(),
        sobol.get("noiseShare").asDouble()};
    for (int i = 0; i < expected.length; i++) {
      assertThat(Double.parseDouble(output[16 + i])).as("column " + (16 + i))
          .isCloseTo(expected[i], org.assertj.core.data.Percentage.withPercentage(5e-4)); // 6 digits
    }
  }

  /**
   * The output's mean and variance carry their bootstrap intervals, in the table as in JSON
   * (they had been printed bare, the one figure of the study without an accuracy).
   */
  @org.junit.jupiter.api.Test
  void sobolOutputMeanAndVariance_haveTheirIntervals() throws Exception {
    String[] study = {"sensitivity", "--preset", "medway-2019", "--months", "3", "--metric",
        "caseload", "--month", "3", "--replications", "4", "--method", "sobol",
        "--sobol-points", "16", "--bootstrap", "100", "--parameters",
        "referralLevel,annualTurnover", "--format"};
    String[] json = java.util.Arrays.copyOf(study, study.length + 1);
    json[study.length] = "json";
    CliRunner.Result r = CliRunner.run(json);
    assertThat(r.code()).as(r.err()).isZero();
    com.fasterxml.jackson.databind.JsonNode sobol =
        new com.fasterxml.jackson.databind.ObjectMapper().readTree(r.out()).get("sobol");
    double mean = sobol.get("mean").asDouble();
    double variance = sobol.get("variance").asDouble();
    assertThat(mean).isBetween(sobol.get("meanCi95").get(0).asDouble(),
        sobol.get("meanCi95").get(1).asDouble());
    assertThat(variance).isBetween(sobol.get("varianceCi95").get(0).asDouble(),
        sobol.get("varianceCi95").get(1).asDouble());
    assertThat(sobol.get("meanCi95").get(1).asDouble())
        .isGreaterThan(sobol.get("meanCi95").get(0).asDouble());
    String[] table = java.util.Arrays.copyOf(study, study.length + 1);
    table[study.length] = "table";
    CliRunner.Result t = CliRunner.run(table);
    assertThat(t.code()).as(t.err()).isZero();
    // the table gives the standard deviation, the variance's square root, in the output's unit
    assertThat(t.out()).containsPattern("Output mean [0-9.]+ \\[[0-9.]+, [0-9.]+\\], standard"
        + " deviation [0-9.]+ \\[[0-9.]+, [0-9.]+\\] ");
  }

  /** A study of more than a million replications in all asks for --yes, with its sum. */
  @org.junit.jupiter.api.Test
  void sensitivity_ofMoreThanAMillionReplications_asksForYes() {
    CliRunner.Result r = CliRunner.run("sensitivity", "--preset", "medway-2019", "--months",
        "3", "--metric", "caseload", "--month", "3", "--replications", "2000", "--method",
        "both", "--sobol-points", "128", "--parameters", "referralLevel,annualTurnover");
    assertThat(r.code()).isEqualTo(2);
    // Sobol 128 x (2 + 2) x 2,000 = 1,024,000 and the tornado (1 + 2 x 2) x 2,000 = 10,000
    assertThat(r.err().strip()).isEqualTo("--replications: the study would simulate 1034000"
        + " (Sobol 128 points x (2 parameters + 2) x 2000 = 1024000, tornado (1 + 2 x (2"
        + " parameters + 0 levers)) x 2000 = 10000) replications; add --yes to run them, or ask"
        + " for fewer --replications, --sobol-points, parameters or levers");
  }

  /** A cost's tornado is in pounds, as every other table's money (it had read 1,256,911). */
  @Test
  void sensitivity_ofACost_printsPounds() {
    CliRunner.Result r = CliRunner.run("sensitivity", "--preset", "medway-2019", "--months", "3",
        "--metric", "cost", "--month", "3", "--method", "tornado", "--parameters",
        "annualTurnover", "--replications", "8", "--quiet");
    assertThat(r.code()).as(r.err()).isZero();
    assertThat(r.out()).containsPattern("Tornado: central value £[0-9,]+ \\(se £[0-9,]+\\)")
        .containsPattern("annualTurnover +£[0-9,]+ +£[0-9,]+ +£[0-9,]+");
  }
}
