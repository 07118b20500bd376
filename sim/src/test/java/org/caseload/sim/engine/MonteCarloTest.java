package org.caseload.sim.engine;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.CancellationException;
import java.util.concurrent.atomic.AtomicInteger;
import org.caseload.core.metrics.Metric;
import org.caseload.core.metrics.Trajectory;
import org.caseload.core.model.ExpectedProjection;
import org.caseload.core.model.MonthPlan;
import org.caseload.core.model.SteadyScenarios;
import org.caseload.core.scenario.Examples;
import org.caseload.core.scenario.InvalidScenarioException;
import org.caseload.core.scenario.Scenario;
import org.caseload.sim.output.RunJson;
import org.caseload.sim.target.TargetParser;
import org.junit.jupiter.api.Test;

class MonteCarloTest {

  private static final Scenario MEDWAY = Examples.medway().withHorizon(24);

  private static RunOptions.Builder options(long replications) {
    return RunOptions.builder().replications(replications).seed(42);
  }

  @Test
  void sameBytes_forOneTwoAndFourThreads() {
    var targets = List.of(TargetParser.parse("caseload <= 21 at month 12"),
        TargetParser.parse("vacancyRate <= 0.15 at snapshot 2021-09-30"));
    String one = RunJson.write(MonteCarlo.run(MEDWAY, options(300).threads(1).build(), targets));
    String two = RunJson.write(MonteCarlo.run(MEDWAY, options(300).threads(2).build(), targets));
    String four = RunJson.write(MonteCarlo.run(MEDWAY, options(300).threads(4).build(), targets));
    assertThat(two).isEqualTo(one);
    assertThat(four).isEqualTo(one);
  }

  @Test
  void otherSeed_givesOtherNumbers() {
    String a = RunJson.write(MonteCarlo.run(MEDWAY, options(64).build(), List.of()));
    String b = RunJson.write(MonteCarlo.run(MEDWAY, options(64).seed(43).build(), List.of()));
    assertThat(a).isNotEqualTo(b);
  }

  @Test
  void aReplicationAlone_equalsItsPartOfAFullRun() {
    int replications = 150;
    RunOptions run = options(replications).threads(2).build();
    RunResult full = MonteCarlo.run(MEDWAY, run, List.of());
    // Each replication re-run alone, in reverse order, with fresh state each time...
    double[][][] alone = new double[replications][][];
    for (int r = replications - 1; r >= 0; r--) {
      alone[r] = MonteCarlo.replicateRows(MEDWAY, 42, r);
    }
    // ...then accumulated chunk by chunk as the runner does, gives the same bytes.
    Outcomes total = new Outcomes(MEDWAY, List.of());
    for (int chunk = 0; chunk * RunOptions.CHUNK < replications; chunk++) {
      Outcomes part = new Outcomes(MEDWAY, List.of());
      for (int r = chunk * RunOptions.CHUNK;
          r < Math.min(replications, (chunk + 1) * RunOptions.CHUNK); r++) {
        part.record(alone[r]);
      }
      total.merge(part);
    }
    RunResult rebuilt = MonteCarlo.result(MEDWAY, run, List.of(), total, false);
    assertThat(RunJson.write(rebuilt)).isEqualTo(RunJson.write(full));
  }



  /**
   * Where the model is linear the Monte Carlo mean equals the expected-value projection.
   * 2,000 replications; 36 comparisons at 4.5 standard errors, each with false-failure
   * probability about 7e-6 (3e-4 in all); the seed is fixed.
   */
  @Test
  void mean_equalsExpectedProjection_whereTheModelIsLinear() {
    Scenario linear = SteadyScenarios.linear(36);
    RunResult result = MonteCarlo.run(linear, options(2000).build(), List.of());
    Trajectory expected = ExpectedProjection.of(MonthPlan.of(linear));
    List<Metric> metrics = List.of(Metric.referrals, Metric.assessmentsOpen,
        Metric.childProtection, Metric.lookedAfter, Metric.childInNeed, Metric.inPostFte,
        Metric.starters, Metric.leavers, Metric.pipelineFte, Metric.nfa, Metric.newLongTermCases,
        Metric.cost);
    for (int month : new int[] {1, 12, 36}) {
      for (Metric m : metrics) {
        var summary = result.summary(month, m);
        double exp = expected.value(month, m);
        assertThat(Math.abs(summary.mean() - exp))
            .as("%s at month %d: mean %.3f, expected %.3f, se %.4f", m, month, summary.mean(),
                exp, summary.se())
            .isLessThanOrEqualTo(4.5 * summary.se() + 1e-9 * Math.abs(exp));
      }
    }
  }

  @Test
  void earlyStop_whenPrecisionIsReached_andStillTheSameForAnyThreadCount() {
    List<Precision> precision = List.of(new Precision(Metric.caseload, 0.08));
    RunResult one = MonteCarlo.run(MEDWAY,
        options(100_000).threads(1).precisions(precision).build(), List.of());
    RunResult two = MonteCarlo.run(MEDWAY,
        options(100_000).threads(2).precisions(precision).build(), List.of());
    assertThat(one.stoppedEarly()).isTrue();
    assertThat(one.replications()).isLessThan(100_000).isGreaterThanOrEqualTo(100);
    assertThat(one.replications() % RunOptions.CHUNK).isZero();
    for (int t = 1; t <= one.months(); t++) {
      assertThat(one.summary(t, Metric.caseload).halfWidth95()).isLessThanOrEqualTo(0.08);
    }
    assertThat(RunJson.write(two)).isEqualTo(RunJson.write(one));
  }

  /**
   * A month whose replications all agree (the interventions' cost, 0 without levers) is not
   * judged precise, whatever the half-width asked: the run goes on (it had stopped at 128).
   */
  @Test
  void earlyStop_notOnAMetricWhoseReplicationsAllAgree() {
    RunResult result = MonteCarlo.run(MEDWAY, options(320).threads(1)
        .precisions(List.of(new Precision(Metric.costInterventions, 1e9))).build(), List.of());
    assertThat(result.summary(1, Metric.costInterventions).sd()).isZero();
    assertThat(result.stoppedEarly()).isFalse();
    assertThat(result.replications()).isEqualTo(320);
  }

  @Test
  void progress_isReportedAfterEachChunk_upToTheTotal() {
    List<Long> seen = new ArrayList<>();
    MonteCarlo.run(MEDWAY, options(200).threads(2)
        .progress((done, total) -> seen.add(done)).build(), List.of());
    assertThat(seen).containsExactly(64L, 128L, 192L, 200L);
  }

  @Test
  void cancellation_stopsTheRun() {
    AtomicInteger polls = new AtomicInteger();
    RunOptions cancelling = options(10_000).threads(2)
        .cancelled(() -> polls.incrementAndGet() > 100).build();
    assertThatThrownBy(() -> MonteCarlo.run(MEDWAY, cancelling, List.of()))
        .isInstanceOf(CancellationException.class);
    assertThat(polls.get()).isLessThan(1000);
  }

  @Test
  void targets_areProbabilitiesWithIntervals() {
    RunResult result = MonteCarlo.run(MEDWAY, options(128).build(), List.of(
        TargetParser.parse("referrals >= 0 in every month"),
        TargetParser.parse("inPostFte < 0 in any month"),
        TargetParser.parse("caseload <= 20.7 at month 6")));
    assertThat(result.targets().get(0).probability()).isEqualTo(1.0);
    assertThat(result.targets().get(0).lower95()).isGreaterThan(0.97).isLessThan(1.0);
    assertThat(result.targets().get(1).probability()).isZero();
    double p = result.targets().get(2).probability();
    assertThat(p).isStrictlyBetween(0.0, 1.0);
    assertThat(result.targets().get(2).lower95()).isLessThan(p);
    assertThat(result.targets().get(2).upper95()).isGreaterThan(p);
  }

  @Test
  void targets_outsideTheHorizon_areRefused() {
    assertThatThrownBy(() -> MonteCarlo.run(MEDWAY, options(10).build(),
        List.of(TargetParser.parse("caseload <= 18 at month 25"))))
        .isInstanceOf(IllegalArgumentException.class)
        .hasMessageContaining("month 25 is beyond the horizon of 24 months");
    assertThatThrownBy(() -> MonteCarlo.run(MEDWAY, options(10).build(),
        List.of(TargetParser.parse("caseload <= 18 at snapshot 2025-09-30"))))
        .isInstanceOf(IllegalArgumentException.class)
        .hasMessageContaining("is not a 30 September within the horizon");
  }

  @Test
  void invalidScenario_runsNothing() {
    Scenario bad = MEDWAY.withHorizon(0);
    assertThatThrownBy(() -> MonteCarlo.run(bad, options(10).build(), List.of()))
        .isInstanceOf(InvalidScenarioException.class)
        .hasMessageContaining("horizonMonths: must be >= 1, was 0");
  }
}
