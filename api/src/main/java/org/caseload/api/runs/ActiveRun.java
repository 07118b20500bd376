package org.caseload.api.runs;

import java.time.Clock;
import java.time.OffsetDateTime;
import java.util.UUID;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.CompletionStage;
import java.util.concurrent.atomic.AtomicLong;
import java.util.concurrent.atomic.AtomicReference;
import org.caseload.api.domain.RunStatus;

/**
 * A run this server has accepted and not yet finished: its live status and progress, and a
 * stage that completes when its end is stored.
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
  private final CompletableFuture<RunStatus> ended = new CompletableFuture<>();
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

  /** Completes with the run's end once it is stored (or could not be). */
  public CompletionStage<RunStatus> ended() {
    return ended.minimalCompletionStage();
  }

  /** When it started running, or null while queued. */
  public OffsetDateTime startedAt() {
    return startedAt;
  }

  /** Its end: the status is final and whoever waits for it hears. */
  void end(RunStatus value) {
    status = value;
    ended.complete(value);
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

  /** Asks the run to stop at its next chunk; {@code reason} says why (the first one counts). */
  void stop(StopReason reason) {
    stopReason.compareAndSet(null, reason);
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
