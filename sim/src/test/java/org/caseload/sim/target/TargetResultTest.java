package org.caseload.sim.target;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.within;

import java.util.List;
import org.caseload.sim.engine.MonteCarlo;
import org.caseload.sim.engine.RunOptions;
import org.caseload.sim.engine.RunResult;
import org.caseload.sim.output.CsvNumbers;
import org.caseload.sim.output.RunCsv;
import org.caseload.sim.presets.Presets;
import org.caseload.sim.summary.Accuracy;
import org.caseload.sim.summary.Summary;
import org.caseload.sim.summary.Tally;
import org.junit.jupiter.api.Test;

/** A target's probability as a 0/1 metric, against the summaries of the same 0s and 1s. */
class TargetResultTest {

  @Test
  void outcome_isTheSummaryOfItsZerosAndOnes() {
    Target target = TargetParser.parse("caseload <= 18 at month 12");
    long[][] cases = {{0, 1}, {1, 1}, {3, 4}, {1, 20}, {19, 20}, {3383, 4096}, {0, 4096},
        {4096, 4096}, {1, 3}};
    for (long[] c : cases) {
      Summary outcome = new TargetResult(target, c[0], c[1]).outcome();
      Tally tally = new Tally(Accuracy.of(true));
      for (long i = 0; i < c[1]; i++) {
        tally.add(i < c[0] ? 1 : 0);
      }
      Summary reference = tally.summary();
      String what = c[0] + " of " + c[1];
      assertThat(outcome.mean()).as(what).isEqualTo((double) c[0] / c[1]);
      assertThat(outcome.mean()).as(what).isCloseTo(reference.mean(), within(1e-12));
      assertThat(outcome.sd()).as(what).isCloseTo(reference.sd(), within(1e-12));
      assertThat(outcome.se()).as(what).isCloseTo(reference.se(), within(1e-12));
      assertThat(new double[] {outcome.p5(), outcome.p10(), outcome.p25(), outcome.p50(),
          outcome.p75(), outcome.p90(), outcome.p95()}).as(what).containsExactly(
          reference.p5(), reference.p10(), reference.p25(), reference.p50(), reference.p75(),
          reference.p90(), reference.p95());
      assertThat(outcome.shareAboveZero()).as(what).isEqualTo(reference.shareAboveZero());
    }
  }

  /** Tidy CSV ends with a row per target, its mean the probability the JSON gives. */
  @Test
  void tidyCsv_hasARowPerTarget() {
    List<Target> targets = List.of(TargetParser.parse("caseload <= 20 at month 6"),
        TargetParser.parse("unallocatedCases == 0 in every month"));
    RunResult result = MonteCarlo.run(Presets.load("synthetic-small").orElseThrow()
        .withHorizon(6), RunOptions.builder().replications(64).seed(3).build(), targets);
    List<String> rows = RunCsv.write(result).lines()
        .filter(line -> line.startsWith("target,")).toList();
    assertThat(rows).hasSize(2);
    assertThat(rows.get(0)).startsWith("target,6,").contains(",caseload <= 20 at month 6,"
        + CsvNumbers.format(result.targets().get(0).probability()) + ",");
    assertThat(rows.get(1)).startsWith("target,6,")
        .contains(",unallocatedCases == 0 in every month,");
  }
}
