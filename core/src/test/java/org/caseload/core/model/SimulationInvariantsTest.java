package org.caseload.core.model;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.SplittableRandom;
import java.util.stream.LongStream;
import org.caseload.core.metrics.Metric;
import org.caseload.core.metrics.Unit;
import org.caseload.core.scenario.CaseCounts;
import org.caseload.core.scenario.RandomScenarios;
import org.caseload.core.scenario.Scenario;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.MethodSource;

/**
 * docs/specification.md section 10 identities, checked after every month of random valid scenarios. These
 * are exact (integer) identities, so the tests cannot fail by chance; the scenarios' seeds
 * come from a fixed seed, so a run is reproducible.
 */
class SimulationInvariantsTest {

  /** 150 scenario seeds drawn from a fixed seed. */
  static LongStream scenarioSeeds() {
    return new SplittableRandom(20261123).longs(150);
  }

  /** 60 more, for the replay check. */
  static LongStream replaySeeds() {
    return new SplittableRandom(7).longs(60);
  }

  @ParameterizedTest
  @MethodSource("scenarioSeeds")
  void noCaseIsCreatedOrLost(long seed) {
    Scenario scenario = RandomScenarios.generate(seed);
    Simulation simulation = Simulation.of(MonthPlan.of(scenario));
    CaseCounts initial = simulation.openCases();
    RandomSources sources = InversionSampler.sources(seed);
    double[] row = new double[Metric.COUNT];
    for (int t = 1; t <= scenario.horizonMonths(); t++) {
      simulation.step(sources, row);
      CaseCounts open = simulation.openCases();
      // Every case ever opened is open (allocated or waiting) or closed.
      assertThat(initial.total() + simulation.totalReferrals())
          .as("month %d: cases in = cases open + closed", t)
          .isEqualTo(open.total() + simulation.totalNfa() + simulation.totalNotInNeed()
              + simulation.totalLongTermClosures());
      // Referrals - NFA - not in need = new long-term cases (+ assessments still open).
      assertThat(simulation.totalReferrals() - simulation.totalNfa()
          - simulation.totalNotInNeed() - (open.assessment() - initial.assessment()))
          .isEqualTo(simulation.totalNewLongTerm());
      assertThat(initial.longTerm() + simulation.totalNewLongTerm()
          - simulation.totalLongTermClosures()).isEqualTo(open.longTerm());
      // Monthly metrics tell the same story.
      assertThat(row[Metric.assessmentsOpen.ordinal()]).isEqualTo(open.assessment());
      assertThat(row[Metric.childProtection.ordinal()] + row[Metric.lookedAfter.ordinal()]
          + row[Metric.childInNeed.ordinal()]).isEqualTo(open.longTerm());
      assertThat(row[Metric.cases.ordinal()] + row[Metric.unallocatedCases.ordinal()])
          .isEqualTo(open.total());
      assertThat(simulation.casesHeldOutOfRole()).isZero();
      assertThat(simulation.smallestCount()).isGreaterThanOrEqualTo(0);
      assertMetricsInRange(row, t);
    }
  }

  private static void assertMetricsInRange(double[] row, int month) {
    for (Metric metric : Metric.values()) {
      double value = row[metric.ordinal()];
      assertThat(value).as("%s in month %d", metric, month).isFinite();
      if (metric != Metric.budgetVariance && metric != Metric.agencyOverspend) {
        assertThat(value).as("%s in month %d", metric, month).isGreaterThanOrEqualTo(0);
      }
      if (metric.unit() == Unit.RATE && metric != Metric.turnoverRate) {
        assertThat(value).as("%s in month %d", metric, month).isLessThanOrEqualTo(1);
      }
    }
  }

  @ParameterizedTest
  @MethodSource("replaySeeds")
  void sameSourcesGiveTheSameTrajectory(long seed) {
    Scenario scenario = RandomScenarios.generate(seed);
    Simulation simulation = Simulation.of(MonthPlan.of(scenario));
    var first = simulation.run(InversionSampler.sources(seed));
    var again = simulation.run(InversionSampler.sources(seed));
    for (int t = 1; t <= first.months(); t++) {
      assertThat(again.row(t)).containsExactly(first.row(t));
    }
  }
}
