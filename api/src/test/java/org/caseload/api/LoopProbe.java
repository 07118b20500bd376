package org.caseload.api;

import java.util.concurrent.atomic.AtomicLong;

/**
 * Asks {@code GET /health/live} again and again on a thread of its own while a test sends
 * other requests, and keeps the longest stall of the event loop it reports (a timer on the
 * loop that comes late) and the longest answer. One request at a time, each on a fresh
 * connection.
 */
final class LoopProbe implements AutoCloseable {

  private final int port;
  private final Thread thread;
  private final AtomicLong longestNanos = new AtomicLong();
  private final AtomicLong longestStallMicros = new AtomicLong();
  private final AtomicLong longestBusyMicros = new AtomicLong();
  private final AtomicLong probes = new AtomicLong();
  private volatile boolean running = true;
  private volatile Throwable failure;

  private LoopProbe(int port) {
    this.port = port;
    this.thread = new Thread(this::loop, "loop-probe");
    this.thread.setDaemon(true);
  }

  /** Starts probing; the stall so far is read and dropped first. */
  static LoopProbe start(int port) {
    RawHttp.send(port, RawHttp.request("GET", "/health/live", "", ""));
    LoopProbe probe = new LoopProbe(port);
    probe.thread.start();
    return probe;
  }

  private void loop() {
    String request = RawHttp.request("GET", "/health/live", "", "");
    while (running) {
      long start = System.nanoTime();
      try {
        RawHttp.Response response = RawHttp.send(port, request);
        if (response.status() != 200) {
          throw new AssertionError("/health/live answered " + response);
        }
        long stall = Math.round(response.json().getDouble("longestStallMs") * 1000);
        longestStallMicros.accumulateAndGet(stall, Math::max);
        long busy = Math.round(response.json().getDouble("longestBusyStallMs") * 1000);
        longestBusyMicros.accumulateAndGet(busy, Math::max);
      } catch (Throwable e) {
        failure = e;
        return;
      }
      longestNanos.accumulateAndGet(System.nanoTime() - start, Math::max);
      probes.incrementAndGet();
      TestServer.sleep(5);
    }
  }

  /** The longest answer so far, in milliseconds (includes the client's own delays). */
  double longestAnswerMillis() {
    return longestNanos.get() / 1e6;
  }

  /**
   * The longest stall of the event loop the server reported since the probe started, of
   * any cause (work on the loop, a JVM pause, a busy machine).
   */
  double longestStallMillis() {
    return longestStallMicros.get() / 1e3;
  }

  /**
   * The longest stall the loop spent working (its thread's CPU time): what a request that
   * held the loop costs, apart from pauses and a busy machine.
   */
  double longestBusyMillis() {
    return longestBusyMicros.get() / 1e3;
  }

  long probes() {
    return probes.get();
  }

  /** Stops probing; throws what went wrong with a probe, if anything did. */
  @Override
  public void close() {
    running = false;
    try {
      thread.join(30_000);
    } catch (InterruptedException e) {
      Thread.currentThread().interrupt();
    }
    if (failure != null) {
      throw new AssertionError("a probe of /health/live failed", failure);
    }
  }
}
