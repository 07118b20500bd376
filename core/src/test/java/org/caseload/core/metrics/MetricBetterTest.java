package org.caseload.core.metrics;

import static org.assertj.core.api.Assertions.assertThat;

import org.junit.jupiter.api.Test;

/**
 * The flows of children through the front door are neither better nor worse lower: a
 * comparison gives them only P(same). No further action had been "better lower" alone of
 * them (P(better) 0.0, P(worse) 1.0 beside the others' nulls; an outside audit).
 */
class MetricBetterTest {

  @Test
  void theFrontDoorsFlows_areNeitherBetterNorWorse() {
    for (Metric m : new Metric[] {Metric.referrals, Metric.reReferrals, Metric.nfa,
        Metric.assessmentsCompleted, Metric.notInNeed}) {
      assertThat(m.better()).as(m.name()).isEqualTo(Metric.Better.NEITHER);
    }
    assertThat(Metric.caseload.better()).isEqualTo(Metric.Better.LOWER);
    assertThat(Metric.inPostFte.better()).isEqualTo(Metric.Better.HIGHER);
  }
}
