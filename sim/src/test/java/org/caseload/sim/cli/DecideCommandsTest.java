package org.caseload.sim.cli;

import static org.assertj.core.api.Assertions.assertThat;

import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

/** Bad input to goal-seek stops it with exit 2 and one line naming the flag. */
class DecideCommandsTest {

  @ParameterizedTest
  @CsvSource(delimiter = '|', value = {
      "foo=0..3|0.8|--lever 'foo=0..3': unknown lever 'foo'",
      "posts:assessment=2..2|0.8|--lever 'posts:assessment=2..2': empty range",
      "posts:nope=0..3|0.8|--lever 'posts:nope=0..3': unknown team 'nope'",
      "posts:longTerm=0..3|1.5|--probability: must be strictly between 0 and 1",
      "posts:longTerm=0..3|0.8|--target: target \"referrals <= 10 at month 1\" is met"})
  void goalSeek_badInput_exits2WithOneLine(String lever, String p, String message) {
    CliRunner.Result r = CliRunner.run("goal-seek", "--preset", "medway-2019", "--months", "3",
        "--target", "referrals <= 10 at month 1", "--probability", p, "--lever", lever,
        "--screen-replications", "64", "--max-replications", "64");

    assertThat(r.code()).isEqualTo(2);
    assertThat(r.err().strip()).startsWith(message).doesNotContain("\n");
  }
}
