package org.caseload.sim.engine;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.util.List;
import org.caseload.core.scenario.Intervention;
import org.caseload.core.scenario.Scenario;
import org.caseload.sim.presets.Presets;
import org.junit.jupiter.api.Test;

/**
 * The summaries' memory estimate counts the tallies runs and comparisons really hold, and
 * grows as documented; a run over its budget is refused before anything is allocated.
 */
class SummaryMemoryTest {

  private static Scenario preset(String name, int months) {
    return Presets.load(name).orElseThrow().withHorizon(months);
  }

  private static Scenario withPosts(Scenario s, double fte) {
    return s.withInterventions(List.of(new Intervention.Posts(1, null, "assessment", fte)));
  }

  @Test
  void tallyCounts_equalWhatOutcomesAndPairingsHold() {
    for (String name : List.of("medway-2019", "medway-2019-localities", "synthetic-small")) {
      for (int months : new int[] {1, 11, 12, 36, 120}) {
        Scenario s = preset(name, months);
        assertThat(SummaryMemory.outcomes(s)).as(name + " " + months)
            .isEqualTo(new Outcomes(s, List.of()).tallies());
      }
    }
    Scenario base = preset("medway-2019", 36);
    List<Scenario> variants = List.of(withPosts(base, 4), withPosts(base, 8));
    Paired paired = new Paired(base, variants, List.of());
    assertThat(SummaryMemory.outcomes(base) * 3).isEqualTo(paired.outcomeTallies());
    assertThat(SummaryMemory.differences(base, 2)).isEqualTo(paired.differenceTallies());
  }

  @Test
  void estimate_setsPerThreadAndGrowthWithReplications() {
    Scenario s = preset("medway-2019", 36);
    long tallies = SummaryMemory.outcomes(s);
    long kib = 2560; // 2.5 KiB an outcome tally up to 1,000 replications
    assertThat(SummaryMemory.outcomeBytes(1000)).isEqualTo(kib);
    // one thread: the total and one chunk; two threads: the total, two chunks, one in flight
    assertThat(SummaryMemory.run(s, 1000, 1)).isEqualTo(2 * tallies * kib);
    assertThat(SummaryMemory.run(s, 1000, 2)).isEqualTo(4 * tallies * kib);
    // a run of one chunk has one set of chunk tallies whatever the threads
    assertThat(SummaryMemory.run(s, 64, 8)).isEqualTo(2 * tallies * kib);
    // + 0.4 and 0.8 KiB per doubling over 1,000: 8,000 replications are 3 doublings
    assertThat(SummaryMemory.outcomeBytes(8000)).isEqualTo((long) Math.ceil(3.7 * 1024));
    assertThat(SummaryMemory.differenceBytes(8000)).isEqualTo((long) Math.ceil(8.4 * 1024));
    long comparison = SummaryMemory.comparison(s, List.of(withPosts(s, 8)), 8000, 2);
    assertThat(comparison).isEqualTo(4 * (2 * tallies * SummaryMemory.outcomeBytes(8000)
        + SummaryMemory.differences(s, 1) * SummaryMemory.differenceBytes(8000)));
  }

  /**
   * The estimates against the live heaps measured (after a full collection, less the
   * process's own 12 MB; Medway with 8 more assessment posts): at least the measurement, at
   * most twice it.
   */
  @Test
  void estimate_coversWhatWasMeasured() {
    Scenario s36 = preset("medway-2019", 36);
    Scenario s120 = preset("medway-2019", 120);
    long mb = 1_000_000;
    record Case(Scenario base, long replications, int threads, long measuredMb) {}
    for (Case c : List.of(new Case(s36, 8000, 1, 51 - 12), new Case(s36, 8000, 2, 79 - 12),
        new Case(s36, 8000, 16, 288 - 12), new Case(s120, 8000, 2, 326 - 12),
        new Case(s120, 40_000, 2, 377 - 12))) {
      long estimate = SummaryMemory.comparison(c.base(), List.of(withPosts(c.base(), 8)),
          c.replications(), c.threads());
      assertThat(estimate).as("%s", c).isBetween(c.measuredMb() * mb, 2 * c.measuredMb() * mb);
    }
  }

  @Test
  void aRunOverItsBudget_runsOnFewerThreads_andOnNoneIsRefused() {
    Scenario s = preset("synthetic-small", 12);
    long oneThread = SummaryMemory.run(s, 640, 1);
    long threeThreads = SummaryMemory.run(s, 640, 3);
    RunOptions eight = RunOptions.builder().replications(640).seed(3).threads(8)
        .summaryBytes(threeThreads).build();
    RunOptions fitted = SummaryMemory.fitted(eight, t -> SummaryMemory.run(s, 640, t));
    assertThat(fitted.threads()).isEqualTo(3);
    assertThat(fitted.withThreads(8)).isEqualTo(eight);
    // the engine runs it on fewer threads, with the same result as on one
    RunResult onThree = MonteCarlo.run(s, eight, List.of());
    RunResult onOne = MonteCarlo.run(s, RunOptions.builder().replications(640).seed(3)
        .threads(1).build(), List.of());
    assertThat(onThree.monthly()).isEqualTo(onOne.monthly());
    RunOptions tooSmall = RunOptions.builder().replications(640).seed(3).threads(2)
        .summaryBytes(oneThread - 1).build();
    assertThatThrownBy(() -> MonteCarlo.run(s, tooSmall, List.of()))
        .isInstanceOfSatisfying(SummaryMemory.TooLargeException.class, e -> {
          assertThat(e.estimate()).isEqualTo(oneThread);
          assertThat(e.getMessage()).startsWith("its summaries would take about")
              .contains("even on one thread");
        });
    Scenario m = preset("medway-2019", 12);
    long comparisonOnOne = SummaryMemory.comparison(m, List.of(withPosts(m, 8)), 640, 1);
    RunOptions tooSmallForComparison = RunOptions.builder().replications(640).seed(3)
        .threads(2).summaryBytes(comparisonOnOne - 1).build();
    assertThatThrownBy(() -> Comparison.run(m, List.of(withPosts(m, 8)),
        tooSmallForComparison, true)).isInstanceOf(SummaryMemory.TooLargeException.class);
  }
}
