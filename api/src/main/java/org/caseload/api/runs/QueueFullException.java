package org.caseload.api.runs;

/** Every worker is busy and the queue is full: the planner should try again later. */
public final class QueueFullException extends RuntimeException {

  public QueueFullException(int capacity) {
    super("the server is running and queueing as many runs as it can (" + capacity
        + "); try again later");
  }
}
