package org.caseload.api.http;

import io.vertx.core.Vertx;
import java.lang.management.ManagementFactory;
import java.lang.management.ThreadMXBean;
import java.util.concurrent.atomic.AtomicBoolean;
import java.util.concurrent.atomic.AtomicLong;

/**
 * How long the event loop that serves HTTP was held: a timer on that loop ticks every
 * {@value #TICK_MS} ms. A tick that comes late measures a stall; the loop thread's CPU time
 * between ticks tells a stall of work done on the loop (a handler that held it) from one of
 * waiting (a pause of the whole JVM, or a machine too busy to run the thread).
 * {@code /health/live} reports both, longest since it was last asked.
 *
 * @implNote Thread-safe; started from the event loop it measures.
 */
final class LoopStall {

  private static final long TICK_MS = 10;
  private static final ThreadMXBean THREADS = ManagementFactory.getThreadMXBean();

  private final AtomicBoolean started = new AtomicBoolean();
  private final AtomicLong last = new AtomicLong();
  private final AtomicLong lastCpu = new AtomicLong();
  private final AtomicLong longest = new AtomicLong();
  private final AtomicLong longestBusy = new AtomicLong();

  /** Starts ticking on the calling event loop (once). */
  void startHere(Vertx vertx) {
    if (started.compareAndSet(false, true)) {
      last.set(System.nanoTime());
      lastCpu.set(cpu());
      vertx.setPeriodic(TICK_MS, t -> tick());
    }
  }

  private void tick() {
    long now = System.nanoTime();
    long cpu = cpu();
    long late = now - last.getAndSet(now) - TICK_MS * 1_000_000;
    long busy = cpu - lastCpu.getAndSet(cpu);
    longest.accumulateAndGet(late, Math::max);
    longestBusy.accumulateAndGet(Math.min(late, busy), Math::max);
  }

  private static long cpu() {
    return THREADS.isCurrentThreadCpuTimeSupported() ? THREADS.getCurrentThreadCpuTime() : 0;
  }

  /** The longest stall since the last call, in milliseconds, and resets it. */
  double takeLongestMillis() {
    return Math.max(0, longest.getAndSet(0)) / 1e6;
  }

  /** The longest stall spent working on the loop since the last call, in ms; resets it. */
  double takeLongestBusyMillis() {
    return Math.max(0, longestBusy.getAndSet(0)) / 1e6;
  }
}
