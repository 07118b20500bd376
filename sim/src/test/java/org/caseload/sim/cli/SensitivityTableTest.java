package org.caseload.sim.cli;

import static org.assertj.core.api.Assertions.assertThat;

import org.junit.jupiter.api.Test;

/**
 * The sensitivity table names its month and prints its figures as the other tables do: a
 * snapshot by its date (it had said "at snapshot month 12"), rates as percentages (they had
 * been fractions, 0.193), money in pounds (the Sobol mean and variance had been bare numbers).
 */
class SensitivityTableTest {

  private static CliRunner.Result study(String... output) {
    String[] args = {"sensitivity", "--preset", "medway-2019", "--months", "12",
        "--replications", "2", "--sobol-points", "16", "--bootstrap", "100", "--parameters",
        "fillProbability,annualTurnover", "--quiet"};
    String[] all = java.util.Arrays.copyOf(args, args.length + output.length);
    System.arraycopy(output, 0, all, args.length, output.length);
    CliRunner.Result r = CliRunner.run(all);
    assertThat(r.code()).as(r.err()).isZero();
    return r;
  }

  @Test
  void aSnapshotRate_isNamedByItsDate_andPrintedInPercent() {
    String out = study("--metric", "vacancyRate", "--snapshot", "2020-09-30").out();
    assertThat(out).contains("Output: mean of vacancyRate at snapshot 2020-09-30 (month 12) over")
        .doesNotContain("snapshot month");
    assertThat(out).containsPattern("central value \\d+\\.\\d% \\(se \\d+\\.\\d\\d pt\\)")
        .containsPattern("\nfillProbability +\\d+\\.\\d% +\\d+\\.\\d\\d pt +\\d+\\.\\d% +"
            + "\\d+\\.\\d\\d pt +\\d+\\.\\d pt +\\d+\\.\\d\\d pt +fillProbability p5")
        .containsPattern("Output mean \\d+\\.\\d% \\[\\d+\\.\\d%, \\d+\\.\\d%\\], standard"
            + " deviation \\d+\\.\\d pt \\[\\d+\\.\\d pt, \\d+\\.\\d pt\\]")
        .containsPattern("standard error of \\d+\\.\\d\\d pt");
  }

  @Test
  void aMonthlyMoneyOutput_isNamedWithItsDate_andPrintedInPounds() {
    String out = study("--metric", "cost", "--month", "12").out();
    assertThat(out).contains("Output: mean of cost at month 12 (2020-09) over")
        .containsPattern("Output mean £[\\d,]+ \\[£[\\d,]+; £[\\d,]+\\], standard deviation"
            + " £[\\d,]+ \\[£[\\d,]+; £[\\d,]+\\]")
        .containsPattern("standard error of £[\\d,]+ ")
        .doesNotContain("variance 1", "variance 2", "variance 3", "variance 4", "variance 5",
            "variance 6", "variance 7", "variance 8", "variance 9");
  }
}
