package org.caseload.sim.engine;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.util.Set;
import java.util.concurrent.CancellationException;
import java.util.concurrent.atomic.AtomicBoolean;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.function.BooleanSupplier;
import java.util.stream.Collectors;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.Timeout;

/**
 * This process's chunk executor: chunks come back in order whatever thread computed them; a
 * chunk's failure reaches the caller; a cancelled wait ends; closing stops its threads.
 * Deterministic outcomes (the waits are bounded), no false failures.
 */
class LocalChunksTest {

  /** Chunks whose bytes are their own number; chunk {@code failing} throws. */
  private record Numbered(long chunks, long failing, AtomicInteger computed) implements ChunkJob {
    @Override
    public byte[] compute(long chunk, BooleanSupplier cancelled) {
      computed.incrementAndGet();
      if (chunk == failing) {
        throw new IllegalStateException("chunk " + chunk + " broke");
      }
      return new byte[] {(byte) chunk};
    }

    @Override
    public String toJson() {
      return "{}";
    }
  }

  private static RunOptions options(BooleanSupplier cancelled) {
    return RunOptions.builder().replications(64).seed(1).cancelled(cancelled).build();
  }

  @Test
  void chunksComeBackInOrder_onSeveralThreads() throws Exception {
    AtomicInteger computed = new AtomicInteger();
    try (ChunkSource source = new LocalChunks(3)
        .open(new Numbered(40, -1, computed), options(() -> false))) {
      for (long c = 0; c < 40; c++) {
        assertThat(source.take(c)).containsExactly((byte) c);
      }
    }
    assertThat(computed).hasValue(40);
  }

  @Test
  void aChunksFailure_reachesTheCaller() throws Exception {
    try (ChunkSource source = new LocalChunks(2)
        .open(new Numbered(20, 5, new AtomicInteger()), options(() -> false))) {
      for (long c = 0; c < 5; c++) {
        assertThat(source.take(c)).containsExactly((byte) c);
      }
      assertThatThrownBy(() -> source.take(5)).isInstanceOf(IllegalStateException.class)
          .hasMessage("chunk 5 broke");
    }
  }

  @Test
  @Timeout(10)
  void aCancelledWait_ends() throws Exception {
    AtomicBoolean cancelled = new AtomicBoolean();
    ChunkJob stuck = new ChunkJob() {
      @Override
      public long chunks() {
        return 4;
      }

      @Override
      public byte[] compute(long chunk, BooleanSupplier stop) {
        while (!stop.getAsBoolean()) {
          Thread.onSpinWait();
        }
        throw new CancellationException("stopped");
      }

      @Override
      public String toJson() {
        return "{}";
      }
    };
    try (ChunkSource source = new LocalChunks(2).open(stuck, options(cancelled::get))) {
      new Thread(() -> {
        sleep(200);
        cancelled.set(true);
      }).start();
      assertThatThrownBy(() -> source.take(0)).isInstanceOf(CancellationException.class);
    }
  }

  @Test
  @Timeout(10)
  void closing_stopsItsThreads() throws Exception {
    Set<Thread> before = chunkThreads();
    AtomicInteger computed = new AtomicInteger();
    ChunkSource source = new LocalChunks(2)
        .open(new Numbered(1_000_000, -1, computed), options(() -> false));
    source.take(0);
    assertThat(chunkThreads()).hasSizeGreaterThan(before.size());
    source.close();
    long deadline = System.nanoTime() + 5_000_000_000L;
    while (!before.containsAll(chunkThreads()) && System.nanoTime() < deadline) {
      sleep(20);
    }
    assertThat(before).containsAll(chunkThreads());
    // Computing ahead is bounded: two chunks a thread beyond the one taken.
    assertThat(computed.get()).isLessThanOrEqualTo(1 + 2 * 2 + 2);
  }

  /** The live threads of every source this JVM has opened and not closed. */
  private static Set<Thread> chunkThreads() {
    return Thread.getAllStackTraces().keySet().stream()
        .filter(t -> t.getName().equals("caseload-chunks") && t.isAlive())
        .collect(Collectors.toSet());
  }

  private static void sleep(long millis) {
    try {
      Thread.sleep(millis);
    } catch (InterruptedException e) {
      Thread.currentThread().interrupt();
    }
  }
}
