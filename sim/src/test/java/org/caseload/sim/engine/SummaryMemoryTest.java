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
    // one thread: the total and one chunk; two threads: the total, two chunks, one in flight
    assertThat(SummaryMemory.run(s, 1000, 1)).isEqualTo(2 * tallies * 3 * 1024);
    assertThat(SummaryMemory.run(s, 1000, 2)).isEqualTo(4 * tallies * 3 * 1024);
    // a run of one chunk has one set of chunk tallies whatever the threads
    assertThat(SummaryMemory.run(s, 64, 8)).isEqualTo(2 * tallies * 3 * 1024);
    // 3 KiB + 0.5 KiB per doubling over 1,000: 8,000 replications are 3 doublings
    assertThat(SummaryMemory.outcomeBytes(8000)).isEqualTo((long) (4.5 * 1024));
    assertThat(SummaryMemory.differenceBytes(8000)).isEqualTo(11 * 1024);
    long comparison = SummaryMemory.comparison(s, List.of(withPosts(s, 8)), 8000, 2);
    assertThat(comparison).isEqualTo(4 * (2 * tallies * (long) (4.5 * 1024)
        + SummaryMemory.differences(s, 1) * 11 * 1024));
  }

  @Test
  void aRunOverItsBudget_isRefusedBeforeItStarts() {
    Scenario s = preset("medway-2019", 120);
    long estimate = SummaryMemory.run(s, 100_000, 2);
    SummaryMemory.Budget small = new SummaryMemory.Budget(estimate - 1, 2);
    assertThatThrownBy(() -> SummaryMemory.require(estimate, small))
        .isInstanceOfSatisfying(SummaryMemory.TooLargeException.class, e -> {
          assertThat(e.estimate()).isEqualTo(estimate);
          assertThat(e.getMessage()).startsWith("its summaries would take about")
              .contains("MiB of memory while it runs, more than the");
        });
    SummaryMemory.require(estimate, new SummaryMemory.Budget(estimate, 2));
  }
}
