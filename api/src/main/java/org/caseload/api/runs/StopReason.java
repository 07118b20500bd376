package org.caseload.api.runs;

import org.caseload.api.domain.RunStatus;

/**
 * Why a run was asked to stop before its end, and so how it ends.
 *
 * @implNote Immutable and thread-safe.
 */
enum StopReason {
  /** A planner cancelled it. */
  CANCELLED(RunStatus.CANCELLED, "cancelled"),
  /** This server is stopping. */
  SERVER_STOPPING(RunStatus.FAILED, RunService.INTERRUPTED),
  /**
   * Its end is already stored (another server's start failed it): computing on is of no
   * use, and the end it stops with is not stored.
   */
  ENDED_ELSEWHERE(RunStatus.FAILED, RunService.INTERRUPTED);

  private final RunStatus status;
  private final String text;

  StopReason(RunStatus status, String text) {
    this.status = status;
    this.text = text;
  }

  /** How a run stopped for this reason ends. */
  RunStatus status() {
    return status;
  }

  /** What the run's status says of its end. */
  String text() {
    return text;
  }

  /** What it says of a run stopped before it started. */
  String textUnstarted() {
    return this == CANCELLED ? "cancelled before it started" : text;
  }
}
