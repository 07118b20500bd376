package org.caseload.core.scenario;

/**
 * A group of identical permanent social workers in the base state.
 *
 * @param count how many workers (each one FTE)
 * @param tenureMonths months in post at the base date
 * @param newlyQualified in their first year after qualifying (needs {@code tenureMonths < 12})
 */
public record WorkerCohort(int count, int tenureMonths, boolean newlyQualified) {

  /** A cohort of {@code count} workers. */
  public static WorkerCohort of(int count, int tenureMonths, boolean newlyQualified) {
    return new WorkerCohort(count, tenureMonths, newlyQualified);
  }
}
