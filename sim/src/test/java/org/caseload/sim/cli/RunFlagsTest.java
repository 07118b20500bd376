package org.caseload.sim.cli;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.util.List;
import java.util.concurrent.atomic.AtomicLong;
import org.caseload.sim.presets.Presets;
import org.junit.jupiter.api.Test;

class RunFlagsTest {

  private final RunFlags flags = new RunFlags();

  @Test
  void confirmLongRun_aboveAMillion_stopsWithTheEstimatedTime() {
    AtomicLong calls = new AtomicLong();
    // The fake clock says the 32 trial replications took 32 seconds: 1 s each.
    flags.nanoClock = () -> calls.getAndIncrement() * 32_000_000_000L;
    flags.replications = 2_000_000;
    flags.threads = 2;
    assertThatThrownBy(() -> flags.confirmLongRun(List.of(synthetic())))
        .isInstanceOf(UserError.class)
        .hasMessage("--replications: 2,000,000 replications would take about 277 h 47 min on 2"
            + " threads here (timed on 32); add --yes to run them, or ask for fewer");
  }

  @Test
  void confirmLongRun_countsEveryScenario() {
    AtomicLong calls = new AtomicLong();
    // The fake clock says each round of trials (32 replications of both scenarios) took 64 s.
    flags.nanoClock = () -> calls.getAndIncrement() * 64_000_000_000L;
    flags.replications = 600_000;
    flags.threads = 2;
    assertThatThrownBy(() -> flags.confirmLongRun(List.of(synthetic(), synthetic())))
        .isInstanceOf(UserError.class)
        .hasMessage("--replications: 1,200,000 replications (600,000 of each of 2 scenarios)"
            + " would take about 166 h 40 min on 2 threads here (timed on 32); add --yes to run"
            + " them, or ask for fewer");
  }

  @Test
  void confirmLongRun_withYesOrAtMostAMillion_goesOn() {
    flags.nanoClock = () -> {
      throw new AssertionError("no trial expected");
    };
    flags.replications = 1_000_000;
    flags.confirmLongRun(List.of(synthetic()));
    flags.replications = 2_000_000;
    flags.yes = true;
    flags.confirmLongRun(List.of(synthetic()));
    assertThat(flags.replications).isEqualTo(2_000_000);
  }

  private static org.caseload.core.scenario.Scenario synthetic() {
    return Presets.load("synthetic-small").orElseThrow();
  }
}
