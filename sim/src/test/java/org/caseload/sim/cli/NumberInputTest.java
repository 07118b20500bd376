package org.caseload.sim.cli;

import static org.assertj.core.api.Assertions.assertThat;
import static org.caseload.sim.cli.CliRunner.run;

import java.util.List;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

/**
 * Numbers are read one way wherever they are typed (targets, lever ranges, --probability,
 * --precision, whole-number flags): the same forms accepted, the same reason when refused,
 * exit 2 naming the flag, nothing on stdout.
 */
class NumberInputTest {

  private static final String TARGET = "caseload <= 18 at month 2";
  private static final String LEVER = "posts:longTerm=0..8/4";

  /** Where a decimal is typed: each command line with N in that place. */
  private static List<List<String>> places(String n) {
    return List.of(
        List.of("--target", goalSeek("caseload <= " + n + " at month 2", LEVER, "0.8")),
        List.of("--lever", goalSeek(TARGET, "posts:longTerm=0.." + n, "0.8")),
        List.of("--lever", goalSeek(TARGET, LEVER + ",start=" + n, "0.8")),
        List.of("--probability", goalSeek(TARGET, LEVER, n)),
        List.of("--precision", "run --preset medway-2019 --replications 2 --months 2 --quiet"
            + " --precision 'caseload=" + n + "'"));
  }

  private static String goalSeek(String target, String lever, String probability) {
    return "goal-seek --preset medway-2019 --months 2 --quiet --screen-replications 64"
        + " --max-replications 64 --target '" + target + "' --lever '" + lever + "'"
        + " --probability '" + probability + "'";
  }

  @ParameterizedTest(name = "{0}")
  @CsvSource(delimiter = '|', value = {
      "\u0663|'\u0663' is not a number: write it with the digits 0-9",
      "1\u0662|'1\u0662' is not a number: write it with the digits 0-9",
      "80%|'80%' is not a number: write 0.8 for 80%",
      "NaN|'NaN' is not a number",
      "0x1p3|'0x1p3' is not a number",
      "1d|'1d' is not a number",
      "1e999|'1e999' is too large"})
  void aBadNumber_isRefusedWithTheSameReasonEverywhere(String number, String reason) {
    for (List<String> place : places(number)) {
      CliRunner.Result result = run(RunCommandTest.split(place.get(1)));
      assertThat(result.code()).as(place.get(1)).isEqualTo(CaseloadCommand.USER_ERROR);
      assertThat(result.out()).as(place.get(1)).isEmpty();
      assertThat(result.err()).as(place.get(1)).contains(place.get(0)).contains(reason);
    }
  }

  @ParameterizedTest(name = "{0}")
  @CsvSource(delimiter = '|', value = {
      "--replications|\u0663", "--months|\u0661\u0662", "--seed|\u0967", "--threads|\uff12"})
  void aWholeNumberFlag_refusesOtherScriptsDigits(String flag, String digits) {
    CliRunner.Result result = run("run", "--preset", "medway-2019", "--quiet", flag, digits);
    assertThat(result.code()).isEqualTo(CaseloadCommand.USER_ERROR);
    assertThat(result.out()).isEmpty();
    assertThat(result.err()).contains("'" + flag + "'")
        .contains("'" + digits + "' is not a whole number: write it with the digits 0-9");
  }

  /** The help says how to write a probability: 0.8, not 80%. */
  @Test
  void probability_helpSaysToWriteAFraction() {
    CliRunner.Result result = run("goal-seek", "--help");
    assertThat(result.out().replaceAll("\\s+", " ")).contains("--probability=P")
        .contains("written as a fraction: 0.8 for 80% ('80%' is refused)");
  }

  /** The forms a decimal may take are accepted in a target as anywhere. */
  @Test
  void target_takesEveryDecimalForm() {
    for (String n : List.of("18", "+18", "18.", "18.0", "1.8e1", "1.8E+1", " 18 ")) {
      CliRunner.Result result = run("run", "--preset", "medway-2019", "--replications", "2",
          "--months", "2", "--quiet", "--format", "csv", "--target",
          "caseload <=" + n + " at month 2");
      assertThat(result.code()).as(n + ": " + result.err()).isZero();
    }
  }
}
