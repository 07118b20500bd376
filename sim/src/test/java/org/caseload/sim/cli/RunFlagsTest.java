package org.caseload.sim.cli;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.atomic.AtomicLong;
import org.caseload.core.scenario.Scenario;
import org.caseload.sim.presets.Presets;
import org.junit.jupiter.api.Test;

class RunFlagsTest {

  private final RunFlags flags = new RunFlags();

  /** The fake machine's clock, in nanoseconds. */
  private final AtomicLong now = new AtomicLong();

  private final List<Integer> trialThreads = new ArrayList<>();

  private final java.util.Set<Scenario> trialScenarios =
      java.util.Collections.newSetFromMap(new java.util.IdentityHashMap<>());

  /**
   * A fake machine on which a replication takes {@code horizonMonths} milliseconds once warm,
   * and ten times as long in its first 3 seconds (a cold JVM).
   */
  private void fakeMachine() {
    flags.nanoClock = now::get;
    flags.compilingMillis = () -> 0;
    flags.trial = (scenario, options) -> {
      trialThreads.add(options.threads());
      trialScenarios.add(scenario);
      long warm = scenario.horizonMonths() * 1_000_000L;
      long perReplication = now.get() < 3_000_000_000L ? 10 * warm : warm;
      now.addAndGet(options.replications() * perReplication);
    };
  }

  @Test
  void confirmLongRun_aboveAMillion_stopsWithTheWarmEstimate() {
    fakeMachine();
    flags.replications = 2_000_000;
    flags.threads = 1;
    // 10 ms a replication once warm: 20,000 s; the cold rate would say 200,000 s
    assertThatThrownBy(() -> flags.confirmLongRun(List.of(synthetic(10))))
        .isInstanceOf(UserError.class)
        .hasMessage("--replications: 2,000,000 replications would take about 5 h 33 min on 1"
            + " thread here (timed after a warm-up); add --yes to run them, or ask for fewer");
    assertThat(trialThreads).containsOnly(1);
    assertThat(now.get()).as("the trial's time").isBetween(5_000_000_000L, 10_000_000_000L);
  }

  @Test
  void confirmLongRun_waitsForTheJitToFinish_notForAPlateau() {
    flags.nanoClock = now::get;
    // 20 ms a replication from 1 s to 6 s while the JIT compiles all the time, then 10 ms
    flags.compilingMillis = () -> Math.min(now.get(), 6_000_000_000L) / 1_000_000;
    flags.trial = (scenario, options) -> now.addAndGet(options.replications()
        * (now.get() < 1_000_000_000L ? 100_000_000L
            : now.get() < 6_000_000_000L ? 20_000_000L : 10_000_000L));
    flags.replications = 2_000_000;
    flags.threads = 1;
    assertThatThrownBy(() -> flags.confirmLongRun(List.of(synthetic(10))))
        .hasMessageContaining("would take about 5 h 33 min on 1 thread here");
    // and without the JIT's time, the plateau would have been taken: the signal matters
    now.set(0);
    flags.compilingMillis = () -> 0;
    assertThatThrownBy(() -> flags.confirmLongRun(List.of(synthetic(10))))
        .hasMessageContaining("would take about 11 h 07 min on 1 thread here");
  }

  @Test
  void confirmLongRun_timesOnTheThreadsTheRunWillUse() {
    fakeMachine();
    flags.replications = 2_000_000;
    flags.threads = 2;
    // the fake machine's time is the wall time on 2 threads: no division by the threads
    assertThatThrownBy(() -> flags.confirmLongRun(List.of(synthetic(10))))
        .hasMessageContaining("would take about 5 h 33 min on 2 threads here");
    assertThat(trialThreads).containsOnly(2);
  }

  @Test
  void confirmLongRun_countsEveryScenario() {
    fakeMachine();
    flags.replications = 600_000;
    flags.threads = 2;
    // 600,000 x (10 + 30) ms = 24,000 s
    assertThatThrownBy(() -> flags.confirmLongRun(List.of(synthetic(10), synthetic(30))))
        .isInstanceOf(UserError.class)
        .hasMessage("--replications: 1,200,000 replications (600,000 of each of 2 scenarios)"
            + " would take about 6 h 40 min on 2 threads here (timed after a warm-up); add --yes"
            + " to run them, or ask for fewer");
  }

  @Test
  void confirmLongRun_manyScenarios_timesAnEvenSampleOfThem() {
    fakeMachine();
    flags.replications = 30_000;
    flags.threads = 2;
    List<Scenario> scenarios = new ArrayList<>();
    for (int i = 0; i < 40; i++) {
      scenarios.add(synthetic(i % 2 == 0 ? 10 : 30));
    }
    // the sample's mean is 20 ms: 30,000 x 40 x 20 ms = 24,000 s
    assertThatThrownBy(() -> flags.confirmLongRun(scenarios))
        .hasMessage("--replications: 1,200,000 replications (30,000 of each of 40 scenarios)"
            + " would take about 6 h 40 min on 2 threads here (timed after a warm-up, on 16 of"
            + " the 40 scenarios); add --yes to run them, or ask for fewer");
    assertThat(trialScenarios).hasSize(16);
  }

  @Test
  void confirmLongRun_onAMachineThatNeverSettles_stopsAfterTheLimit_withTheMedian() {
    flags.nanoClock = now::get;
    flags.compilingMillis = () -> 0;
    AtomicLong rounds = new AtomicLong();
    // rounds alternate 10, 20 and 40 ms a replication: never within 1.25 of each other
    long[] perReplication = {10_000_000L, 20_000_000L, 40_000_000L};
    flags.trial = (scenario, options) -> now.addAndGet(options.replications()
        * perReplication[(int) (rounds.getAndIncrement() % 3)]);
    flags.replications = 2_000_000;
    flags.threads = 1;
    // median 20 ms: 40,000 s
    assertThatThrownBy(() -> flags.confirmLongRun(List.of(synthetic(10))))
        .hasMessageContaining("would take about 11 h 07 min on 1 thread here");
    assertThat(now.get()).isBetween(RunFlags.MAX_TRIAL_NANOS, RunFlags.MAX_TRIAL_NANOS
        + 5_000_000_000L);
  }

  @Test
  void confirmLongRun_withYesOrAtMostAMillion_goesOn() {
    flags.trial = (scenario, options) -> {
      throw new AssertionError("no trial expected");
    };
    flags.replications = 1_000_000;
    flags.confirmLongRun(List.of(synthetic(10)));
    flags.replications = 2_000_000;
    flags.yes = true;
    flags.confirmLongRun(List.of(synthetic(10)));
    assertThat(flags.replications).isEqualTo(2_000_000);
  }

  private static Scenario synthetic(int months) {
    return Presets.load("synthetic-small").orElseThrow().withHorizon(months);
  }
}
