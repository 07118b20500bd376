package org.caseload.api.runs;

import java.time.OffsetDateTime;
import java.time.ZoneOffset;
import java.util.UUID;
import java.util.concurrent.atomic.AtomicLong;
import org.caseload.api.domain.RunStatus;

/** A run this server has accepted and not yet finished: its live status and progress. */
public final class ActiveRun implements Runnable {

  private final UUID id;
  private final RunPlan plan;
  private final RunService service;
  private final AtomicLong done = new AtomicLong();
  private volatile RunStatus status = RunStatus.QUEUED;
  private volatile String stopReason;
  private volatile OffsetDateTime startedAt;

  ActiveRun(UUID id, RunPlan plan, RunService service) {
    this.id = id;
    this.plan = plan;
    this.service = service;
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
    return stopReason != null && !status.finished();
  }

  /** When it started running, or null while queued. */
  public OffsetDateTime startedAt() {
    return startedAt;
  }

  void status(RunStatus value) {
    status = value;
  }

  void started() {
    startedAt = OffsetDateTime.now(ZoneOffset.UTC);
    status = RunStatus.RUNNING;
  }

  void progress(long value) {
    done.set(value);
  }

  /** Asks the run to stop at its next chunk; {@code reason} says why. */
  void stop(String reason) {
    if (stopReason == null) {
      stopReason = reason;
    }
  }

  String stopReason() {
    return stopReason;
  }

  @Override
  public void run() {
    service.execute(this);
  }
}
