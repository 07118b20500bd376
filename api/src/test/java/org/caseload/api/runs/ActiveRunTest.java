package org.caseload.api.runs;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.UUID;
import java.util.concurrent.CyclicBarrier;
import java.util.concurrent.atomic.AtomicBoolean;
import org.junit.jupiter.api.Test;

/**
 * A cancel and a run's storing of its results exclude each other: whichever comes first wins,
 * and the other is told so (a cancel answered and then not carried out had let a run succeed).
 */
class ActiveRunTest {

  private static ActiveRun run() {
    return new ActiveRun(UUID.randomUUID(), null, null, java.time.Clock.systemUTC());
  }

  @Test
  void aCancelBeforeTheResultsAreStored_stopsTheRun() {
    ActiveRun run = run();
    assertThat(run.stop(StopReason.CANCELLED)).isTrue();
    assertThat(run.storeResults()).isFalse();
    assertThat(run.stopReason()).isEqualTo(StopReason.CANCELLED);
  }

  @Test
  void aCancelOnceTheResultsAreBeingStored_isRefused() {
    ActiveRun run = run();
    assertThat(run.storeResults()).isTrue();
    assertThat(run.stop(StopReason.CANCELLED)).isFalse();
    assertThat(run.stopReason()).isNull();
  }

  @Test
  void racingACancelAgainstStoring_exactlyOneWins() throws Exception {
    for (int i = 0; i < 2_000; i++) {
      ActiveRun run = run();
      CyclicBarrier start = new CyclicBarrier(2);
      AtomicBoolean cancelled = new AtomicBoolean();
      Thread canceller = new Thread(() -> {
        try {
          start.await();
        } catch (Exception e) {
          throw new IllegalStateException(e);
        }
        cancelled.set(run.stop(StopReason.CANCELLED));
      });
      canceller.start();
      start.await();
      boolean stored = run.storeResults();
      canceller.join();
      assertThat(stored ^ cancelled.get()).as("round " + i).isTrue();
    }
  }
}
