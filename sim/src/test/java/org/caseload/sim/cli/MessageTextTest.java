package org.caseload.sim.cli;

import static org.assertj.core.api.Assertions.assertThat;
import static org.caseload.sim.cli.CliRunner.run;

import org.junit.jupiter.api.Test;

/**
 * What a user typed comes back in messages as text, never as control: a new line in a value
 * cannot forge a second line of the message, a terminal's escape cannot clear or colour the
 * screen, and a value of 120,000 characters is not echoed whole (an analyst's trial: each of
 * these had gone through raw from --la, --preset, --metrics, --set, --with and file names).
 */
class MessageTextTest {

  private static final String DATA = "../data/dfe";

  private static void oneShownLine(CliRunner.Result r) {
    assertThat(r.code()).as(r.err()).isEqualTo(2);
    assertThat(r.err()).hasLineCount(1).doesNotContain("\u001b").doesNotContain("\r");
    assertThat(r.out()).isEmpty();
  }

  @Test
  void aNewLineInAValue_isShownNotPrinted() {
    CliRunner.Result r = run("calibrate", "--data", DATA, "--year", "2019", "--la",
        "Kent\nINJECTED LINE");
    oneShownLine(r);
    assertThat(r.err()).contains("Kent?INJECTED LINE");
  }

  @Test
  void aTerminalsEscape_isShownNotPrinted() {
    CliRunner.Result council = run("calibrate", "--data", DATA, "--year", "2019", "--la",
        "\u001b[2J\u001b[31mKent");
    oneShownLine(council);
    assertThat(council.err()).contains("?[2J?[31mKent");
    oneShownLine(run("run", "--preset", "medway\u001b[2J"));
    oneShownLine(run("run", "--preset", "medway-2019", "--set", "name\u001b[31m=x"));
    oneShownLine(run("validate", "/tmp/no\u001b[2Jsuch.json"));
    oneShownLine(run("run", "--preset", "medway-2019", "--bogus\u001b[2J"));
  }

  @Test
  void aValueOf120000Characters_isNotEchoedWhole() {
    CliRunner.Result r = run("run", "--preset", "medway-2019", "--with",
        "{\"type\": \"" + "x".repeat(120_000) + "\", \"startMonth\": 1}");
    oneShownLine(r);
    assertThat(r.err().length()).isLessThan(CaseloadCommand.MAX_LINE + 100);
    assertThat(r.err()).matches("(?s)--with #1: .*x{100}\\.\\.\\. \\(1[0-9][0-9],[0-9]{3} characters in"
        + " all\\)\n");
  }

  @Test
  void printable_keepsPlainLinesAsTheyAre() {
    assertThat(CaseloadCommand.printable("run: --replications: must be 1 to 10,000,000"))
        .isEqualTo("run: --replications: must be 1 to 10,000,000");
    assertThat(CaseloadCommand.printable("a\tb\u202Ec")).isEqualTo("a?b?c");
    String max = "y".repeat(CaseloadCommand.MAX_LINE);
    assertThat(CaseloadCommand.printable(max)).isEqualTo(max);
    assertThat(CaseloadCommand.printable(max + "z"))
        .isEqualTo(max + "... (2,001 characters in all)");
  }
}
