package org.caseload.core.model;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.within;

import java.util.SplittableRandom;
import java.util.stream.LongStream;
import org.caseload.core.metrics.Metric;
import org.caseload.core.scenario.RandomScenarios;
import org.caseload.core.scenario.Scenario;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.MethodSource;
import org.junit.jupiter.api.Test;

/**
 * The invariants of {@link SimulationInvariantsTest} and the steady states of
 * {@link SteadyStateTest}, on the other draw strategy: the model run with expected draws (the
 * projection), where counts are fractions, so equalities hold to rounding error. Deterministic:
 * no draws, no false failures.
 */
class ExpectedDrawsInvariantsTest {

  /** The same 150 scenario seeds as the sampled invariants. */
  static LongStream scenarioSeeds() {
    return new SplittableRandom(20261123).longs(150);
  }

  @ParameterizedTest
  @MethodSource("scenarioSeeds")
  void noCaseIsCreatedOrLost(long seed) {
    Scenario scenario = RandomScenarios.generate(seed);
    Model model = new Model(MonthPlan.of(scenario), new ExpectedDraws());
    State s = model.state;
    double[] initial = open(s);
    double initialTotal = sum(initial);
    double[] row = new double[Metric.COUNT];
    for (int t = 1; t <= scenario.horizonMonths(); t++) {
      model.step(row);
      double[] open = open(s);
      double total = sum(open);
      double scale = 1e-9 * Math.max(1, initialTotal + s.totalReferrals);
      assertThat(initialTotal + s.totalReferrals)
          .as("month %d: cases in = cases open + closed", t)
          .isCloseTo(total + s.totalNfa + s.totalNotInNeed + s.totalLongTermClosures,
              within(scale));
      double longTerm = total - open[CaseKind.ASSESSMENT.ordinal()];
      double initialLongTerm = initialTotal - initial[CaseKind.ASSESSMENT.ordinal()];
      assertThat(initialLongTerm + s.totalNewLongTerm - s.totalLongTermClosures)
          .isCloseTo(longTerm, within(scale));
      assertThat(row[Metric.assessmentsOpen.ordinal()])
          .isCloseTo(open[CaseKind.ASSESSMENT.ordinal()], within(scale));
      assertThat(row[Metric.cases.ordinal()] + row[Metric.unallocatedCases.ordinal()])
          .isCloseTo(total, within(scale));
      assertThat(smallest(s)).isGreaterThanOrEqualTo(-scale);
      for (Metric m : Metric.values()) {
        assertThat(row[m.ordinal()]).as("%s at month %d", m, t).isFinite();
      }
      assertThat(row[Metric.caseloadMedian.ordinal()])
          .isLessThanOrEqualTo(row[Metric.caseloadP90.ordinal()] + 1e-9);
      assertThat(row[Metric.caseloadP90.ordinal()])
          .isLessThanOrEqualTo(row[Metric.caseloadMax.ordinal()] + 1e-9);
    }
  }

  /** Little's law on the projection: stocks settle at inflow times mean duration. */
  @Test
  void littlesLaw_stocksEqualInflowTimesDuration() {
    Model model = new Model(MonthPlan.of(SteadyScenarios.linear(120)), new ExpectedDraws());
    double[] row = new double[Metric.COUNT];
    for (int t = 1; t <= 120; t++) {
      model.step(row);
    }
    double lt = SteadyScenarios.newLongTermPerMonth();
    assertThat(row[Metric.childProtection.ordinal()]).isCloseTo(
        lt * SteadyScenarios.CP_SHARE * SteadyScenarios.CP_MONTHS, within(0.5));
    assertThat(row[Metric.lookedAfter.ordinal()]).isCloseTo(
        lt * SteadyScenarios.LAC_SHARE * SteadyScenarios.LAC_MONTHS, within(0.5));
    assertThat(row[Metric.childInNeed.ordinal()]).isCloseTo(lt
        * (1 - SteadyScenarios.CP_SHARE - SteadyScenarios.LAC_SHARE)
        * SteadyScenarios.CIN_MONTHS, within(0.5));
    assertThat(row[Metric.assessmentsOpen.ordinal()])
        .isCloseTo(SteadyScenarios.assessmentStock(), within(0.5));
    assertThat(row[Metric.referrals.ordinal()])
        .isCloseTo(SteadyScenarios.REFERRALS, within(1e-6 * SteadyScenarios.REFERRALS));
  }

  private static double[] open(State s) {
    double[] open = new double[CaseKind.COUNT];
    for (CaseKind kind : CaseKind.ALL) {
      open[kind.ordinal()] = s.waiting(kind);
      for (int i = 0; i < s.workers.size; i++) {
        open[kind.ordinal()] += s.workers.of(kind)[i];
      }
    }
    return open;
  }

  private static double sum(double[] values) {
    double sum = 0;
    for (double v : values) {
      sum += v;
    }
    return sum;
  }

  private static double smallest(State s) {
    double min = s.reReferralPool;
    for (CaseQueue[] ofTeam : s.queues) {
      for (CaseQueue queue : ofTeam) {
        min = Math.min(min, queue.total());
      }
    }
    for (double[] held : s.workers.cases) {
      for (int i = 0; i < s.workers.size; i++) {
        min = Math.min(min, held[i]);
      }
    }
    for (int i = 0; i < s.workers.size; i++) {
      min = Math.min(min, s.workers.weight[i]);
    }
    return min;
  }
}
