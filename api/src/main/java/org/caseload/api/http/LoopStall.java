package org.caseload.api.http;

import io.vertx.core.Vertx;
import java.util.concurrent.atomic.AtomicBoolean;
import java.util.concurrent.atomic.AtomicLong;

/**
 * How long the event loop that serves HTTP was held: a timer on that loop ticks every
 * {@value #TICK_MS} ms, and a tick that comes late by more than a tick measures a stall (a
 * handler that held the loop, or a pause of the whole JVM). {@code /health/live} reports the
 * longest stall since it was last asked.
 *
 * @implNote Thread-safe; started from the event loop it measures.
 */
final class LoopStall {

  private static final long TICK_MS = 10;

  private final AtomicBoolean started = new AtomicBoolean();
  private final AtomicLong last = new AtomicLong();
  private final AtomicLong longest = new AtomicLong();

  /** Starts ticking on the calling event loop (once). */
  void startHere(Vertx vertx) {
    if (started.compareAndSet(false, true)) {
      last.set(System.nanoTime());
      vertx.setPeriodic(TICK_MS, t -> tick());
    }
  }

  private void tick() {
    long now = System.nanoTime();
    long late = now - last.getAndSet(now) - TICK_MS * 1_000_000;
    longest.accumulateAndGet(late, Math::max);
  }

  /** The longest stall since the last call, in milliseconds. */
  double takeLongestMillis() {
    return Math.max(0, longest.getAndSet(0)) / 1e6;
  }
}
