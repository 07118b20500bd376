package org.caseload.api.runs;

import java.time.Clock;
import java.time.OffsetDateTime;
import java.util.UUID;
import java.util.Set;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.atomic.AtomicLong;
import java.util.concurrent.atomic.AtomicReference;
import org.caseload.api.domain.RunStatus;

/**
 * A run this server has accepted and not yet finished: its live status and progress, and
 * who waits for its end to be stored.
 *
 * @implNote Thread-safe: the run's worker writes, event loops read.
 */
public final class ActiveRun implements Runnable {

  private final UUID id;
  private final RunPlan plan;
  private final RunService service;
  private final Clock clock;
  private final AtomicLong done = new AtomicLong();
  private final AtomicReference<StopReason> stopReason = new AtomicReference<>();
  /** Who waits for the end; each removes itself when it gives up ({@link #whenEnded}). */
  private final Set<Runnable> waiters = ConcurrentHashMap.newKeySet();
  private volatile boolean ended;
  private boolean storing; // guarded by this
  private volatile RunStatus status = RunStatus.QUEUED;
  private volatile OffsetDateTime startedAt;

  ActiveRun(UUID id, RunPlan plan, RunService service, Clock clock) {
    this.id = id;
    this.plan = plan;
    this.service = service;
    this.clock = clock;
  }

  public UUID id() {
    return id;
  }

  public RunPlan plan() {
    return plan;
  }

  public RunStatus status() {
    return status;
  }

  public long done() {
    return done.get();
  }

  /** Whether cancellation was asked for and the run has not ended yet. */
  public boolean stopping() {
    return stopReason.get() != null && !status.finished();
  }

  /**
   * Runs {@code waiter} once, when the run's end is stored (or could not be), at once if it
   * is, on the thread that stores it. The returned handle removes it: a waiter that gives up
   * (its time is over, its client gone) leaves nothing behind on a run that may last hours.
   */
  public Runnable whenEnded(Runnable waiter) {
    waiters.add(waiter);
    if (ended && waiters.remove(waiter)) {
      waiter.run();
    }
    return () -> waiters.remove(waiter);
  }

  /** How many wait for the end now (given-up waiters must not stay: RunService#waiters). */
  long waiting() {
    return waiters.size();
  }

  /** When it started running, or null while queued. */
  public OffsetDateTime startedAt() {
    return startedAt;
  }

  /** Its end: the status is final and whoever waits for it hears. */
  void end(RunStatus value) {
    status = value;
    ended = true;
    for (Runnable waiter : waiters) {
      if (waiters.remove(waiter)) { // one of this and whenEnded runs a waiter, once
        waiter.run();
      }
    }
  }

  /**
   * Marks the run started now, to the microsecond PostgreSQL stores, so that the live status
   * and the stored one give the same start.
   *
   * @return the start
   */
  OffsetDateTime started() {
    startedAt = OffsetDateTime.now(clock).truncatedTo(java.time.temporal.ChronoUnit.MICROS);
    status = RunStatus.RUNNING;
    return startedAt;
  }

  void progress(long value) {
    done.set(value);
  }

  /**
   * Asks the run to stop at its next chunk; {@code reason} says why (the first one counts).
   * Returns false, asking nothing, once its results are being stored ({@link #storeResults}):
   * a cancel then would be answered and not carried out (it had been answered 202 and the run
   * had still succeeded).
   */
  synchronized boolean stop(StopReason reason) {
    if (storing) {
      return false;
    }
    stopReason.compareAndSet(null, reason);
    return true;
  }

  /**
   * Whether its computed results may be stored as its end: true, and no stop is taken after
   * this, unless it was asked to stop before (while the results were being made).
   */
  synchronized boolean storeResults() {
    if (stopReason.get() != null) {
      return false;
    }
    storing = true;
    return true;
  }

  /** Why it was asked to stop, or null. */
  StopReason stopReason() {
    return stopReason.get();
  }

  @Override
  public void run() {
    service.execute(this);
  }
}
