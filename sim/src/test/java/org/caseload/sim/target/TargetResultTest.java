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
import org.caseload.sim.summary.Summary;
import org.junit.jupiter.api.Test;

/**
 * A target's probability as a 0/1 metric: its summary is exact where it can be (the mean
 * within rounding of successes / replications, the percentiles 0 or 1 at their ranks).
 */
class TargetResultTest {

  @Test
  void outcome_isTheSummaryOfItsZerosAndOnes() {
    Target target = TargetParser.parse("caseload <= 18 at month 12");
    long[][] cases = {{0, 1}, {1, 1}, {3, 4}, {1, 20}, {19, 20}, {3383, 4096}, {0, 4096},
        {4096, 4096}, {1, 3}};
    for (long[] c : cases) {
      long successes = c[0];
      long n = c[1];
      Summary outcome = new TargetResult(target, successes, n).outcome();
      double p = (double) successes / n;
      String what = successes + " of " + n;
      assertThat(outcome.mean()).as(what).isCloseTo(p, within(1e-12));
      assertThat(outcome.shareAboveZero()).as(what).isEqualTo(p);
      if (n < 2) { // one replication says nothing of a spread
        assertThat(outcome.sd()).as(what).isNaN();
        assertThat(outcome.se()).as(what).isNaN();
      } else {
        double sd = Math.sqrt(successes * (double) (n - successes) / (n * (n - 1.0)));
        assertThat(outcome.sd()).as(what).isCloseTo(sd, within(1e-9));
      }
      double[] percentiles = {outcome.p5(), outcome.p10(), outcome.p25(), outcome.p50(),
          outcome.p75(), outcome.p90(), outcome.p95()};
      int[] percents = {5, 10, 25, 50, 75, 90, 95};
      for (int i = 0; i < percents.length; i++) {
        long rank = Math.max(1, (long) Math.ceil(percents[i] * (double) n / 100));
        assertThat(percentiles[i]).as(what + " p" + percents[i])
            .isEqualTo(rank <= n - successes ? 0 : 1);
      }
    }
  }

  /**
   * Tidy CSV ends with a row per target, its mean the probability the JSON gives, then every
   * target together at the latest month of theirs (a target in every month: the last); the
   * JSON and the table list it last too.
   */
  @Test
  void tidyCsv_hasARowPerTarget() {
    List<Target> targets = List.of(TargetParser.parse("caseload <= 20 at month 6"),
        TargetParser.parse("unallocatedCases == 0 in every month"));
    RunResult result = MonteCarlo.run(Presets.load("synthetic-small").orElseThrow()
        .withHorizon(6), RunOptions.builder().replications(64).seed(3).build(), targets);
    List<String> rows = RunCsv.write(result).lines()
        .filter(line -> line.startsWith("target,")).toList();
    assertThat(rows).hasSize(3);
    assertThat(rows.get(0)).startsWith("target,6,").contains(",caseload <= 20 at month 6,"
        + CsvNumbers.format(result.targets().get(0).probability()) + ",");
    assertThat(rows.get(1)).startsWith("target,6,")
        .contains(",unallocatedCases == 0 in every month,");
    assertThat(rows.get(2)).startsWith("target,6,").contains(",every target together,"
        + CsvNumbers.format(result.targets().get(2).probability()) + ",");
    assertThat(result.targets().get(2).successes()).isLessThanOrEqualTo(Math.min(
        result.targets().get(0).successes(), result.targets().get(1).successes()));
    assertThat(org.caseload.sim.output.RunJson.write(result))
        .contains("\"target\" : \"every target together\"");
    assertThat(org.caseload.sim.output.RunTable.write(result)).contains("every target together");
  }

  /** Every target together is checked at the latest of its targets' months. */
  @Test
  void everyTargetTogether_isInTheCsvAtTheLatestMonth() {
    List<Target> targets = List.of(TargetParser.parse("caseload <= 20 at month 4"),
        TargetParser.parse("vacancyRate <= 0.2 at month 2"));
    RunResult result = MonteCarlo.run(Presets.load("synthetic-small").orElseThrow()
        .withHorizon(6), RunOptions.builder().replications(16).seed(3).build(), targets);
    assertThat(RunCsv.write(result).lines().filter(line -> line.startsWith("target,")))
        .extracting(line -> line.split(",")[1]).containsExactly("4", "2", "4");
  }
}
