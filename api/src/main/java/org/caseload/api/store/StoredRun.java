package org.caseload.api.store;

import java.time.OffsetDateTime;
import java.util.UUID;
import org.caseload.api.domain.RunKind;
import org.caseload.api.domain.RunStatus;

/**
 * A run as stored, without its results: what was asked ({@code request}), the scenarios as
 * run (a JSON array, baseline first), and what reproduces it (seed, generator, code version);
 * {@code cancelRequested} when a cancel was asked of a server other than the one computing it.
 */
public record StoredRun(UUID id, RunKind kind, UUID scenarioId, Integer scenarioVersion,
    RunStatus status, String request, String scenarios, long seed, long replications,
    int months, String generator, String codeVersion, long replicationsDone, String error,
    OffsetDateTime createdAt, OffsetDateTime startedAt, OffsetDateTime finishedAt,
    boolean cancelRequested) {

  /**
   * This run as it is now: another status and progress, and the start time when it has
   * started ({@code started} null keeps the stored one); the rest unchanged.
   */
  public StoredRun withProgress(RunStatus newStatus, long done, OffsetDateTime started) {
    return new StoredRun(id, kind, scenarioId, scenarioVersion, newStatus, request, scenarios,
        seed, replications, months, generator, codeVersion, done, error, createdAt,
        started == null ? startedAt : started, finishedAt, cancelRequested);
  }
}
