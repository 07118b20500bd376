package org.caseload.sim.decide;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.within;

import java.util.List;
import org.caseload.core.metrics.Metric;
import org.caseload.core.scenario.Scenario;
import org.caseload.core.scenario.Uncertainty.Parameter;
import org.caseload.sim.engine.MetricAt;
import org.caseload.sim.presets.Presets;
import org.junit.jupiter.api.Test;

/**
 * Sensitivity of the Medway preset over a short horizon. Referrals in month 1 depend on the
 * referral level and not at all on turnover; every scenario runs on the same replications
 * (common random numbers), so turnover's indices and swing are exactly zero, not merely small.
 * Deterministic for the seed: these tests cannot fail by chance.
 */
class SensitivityTest {

  private static Sensitivity.Request request(Metric metric, int threads) {
    Scenario medway = Presets.load("medway-2019").orElseThrow().withHorizon(3);
    return new Sensitivity.Request(medway, MetricAt.month(metric, 1),
        List.of(Parameter.annualTurnover, Parameter.referralLevel),
        List.of(new Lever.Posts("longTerm", 1, Grid.of(0, 20, 5))), 8, 3, threads,
        () -> false);
  }

  @Test
  void sobol_ofAParameterTheMetricIgnores_isZero() {
    SobolIndices.Result r = Sensitivity.sobol(request(Metric.referrals, 2), 256, 50);

    assertThat(r.indices().get(0).first()).isEqualTo(0);
    assertThat(r.indices().get(0).total()).isEqualTo(0);
    assertThat(r.indices().get(1).total()).isCloseTo(1, within(0.1));
    assertThat(r.indices().get(1).first()).isCloseTo(1, within(0.1));
  }

  @Test
  void tornadoAndSobol_withChunksComputedElsewhere_areTheSameBytes() {
    Sensitivity.Request request = request(Metric.caseload, 2);
    org.caseload.sim.engine.ShuffledChunks elsewhere =
        new org.caseload.sim.engine.ShuffledChunks();
    long[] progress = {0};
    Sensitivity.Tornado tornado = Sensitivity.tornado(request, elsewhere,
        (done, total) -> progress[0] = done);
    // 80 points of 2 parameters: 320 scenarios, in two batches of at most 256
    SobolIndices.Result sobol = Sensitivity.sobol(request, 80, 20, elsewhere,
        org.caseload.sim.engine.Progress.NONE);

    assertThat(org.caseload.sim.output.SensitivityOutput.json(request, tornado, sobol, 80))
        .isEqualTo(org.caseload.sim.output.SensitivityOutput.json(request,
            Sensitivity.tornado(request), Sensitivity.sobol(request, 80, 20), 80));
    assertThat(elsewhere.opened()).isEqualTo(1 + 2);
    // the central scenario, two parameters and one lever at both ends: 7 scenarios of 8
    assertThat(progress[0]).isEqualTo(7 * 8);
  }

  @Test
  void sobol_isTheSameOnAnyThreadCount() {
    SobolIndices.Result one = Sensitivity.sobol(request(Metric.caseload, 1), 8, 10);
    SobolIndices.Result two = Sensitivity.sobol(request(Metric.caseload, 3), 8, 10);

    assertThat(two.indices().get(1).total()).isEqualTo(one.indices().get(1).total());
    assertThat(two.mean()).isEqualTo(one.mean());
  }

  @Test
  void tornado_sortsBySwing_andAnIgnoredParameterDoesNotSwing() {
    Sensitivity.Tornado t = Sensitivity.tornado(request(Metric.referrals, 2));

    assertThat(t.bars()).extracting(Sensitivity.Bar::input).containsExactly("referralLevel",
        "annualTurnover", "posts:longTerm");
    assertThat(t.bars().get(0).high()).isGreaterThan(t.bars().get(0).low());
    assertThat(t.bars().get(1).swing()).isZero();
  }
}
