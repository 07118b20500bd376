package org.caseload.api.runs;

/**
 * The inputs of a run turned out, once it ran, not to make sense (e.g. a goal-seek's target
 * that no lever moves): the run fails with this message, the planner's to act on.
 */
public final class RefusedRunException extends RuntimeException {

  private final String field;

  public RefusedRunException(String field, String reason) {
    super(field + ": " + reason);
    this.field = field;
  }

  /** The request's field at fault. */
  public String field() {
    return field;
  }
}
