package org.caseload.sim.cli;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.PrintWriter;
import java.io.StringWriter;
import java.util.concurrent.atomic.AtomicLong;
import org.junit.jupiter.api.Test;

class ProgressBarTest {

  private final AtomicLong now = new AtomicLong();
  private final StringWriter err = new StringWriter();

  @Test
  void staysSilentDuringTheFirstSecond_thenDrawsAndEndsItsLine() {
    ProgressBar bar = new ProgressBar(new PrintWriter(err), true, now::get);
    now.set(500_000_000L);
    bar.update(64, 1000);
    assertThat(err.toString()).isEmpty();
    now.set(1_500_000_000L);
    bar.update(500, 1000);
    assertThat(err.toString()).contains("[###############               ]  50%  500/1,000"
        + " replications  1.5s, about 1.5s left");
    now.set(121_500_000_000L);
    bar.update(750, 1000);
    assertThat(err.toString()).contains("75%  750/1,000 replications  2 min 02s, about"
        + " 40.5s left");
    bar.finish();
    assertThat(err.toString()).endsWith(System.lineSeparator());
  }

  @Test
  void duration_readsAsPeopleSayIt() {
    assertThat(ProgressBar.duration(1.25)).isEqualTo("1.3s");
    assertThat(ProgressBar.duration(125)).isEqualTo("2 min 05s");
    assertThat(ProgressBar.duration(8_340)).isEqualTo("2 h 19 min");
  }

  @Test
  void disabled_neverDraws() {
    ProgressBar bar = new ProgressBar(new PrintWriter(err), false, now::get);
    now.set(5_000_000_000L);
    bar.update(10, 10);
    bar.finish();
    assertThat(err.toString()).isEmpty();
  }
}
