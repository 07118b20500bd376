/**
 * Run execution off the event loop: checked run plans (runs, comparisons, and the goal-seeks,
 * sensitivity studies and sweeps of {@link org.caseload.api.runs.Decision}), a bounded pool and
 * queue, live progress, cancellation, storing each run's end, and the runs' metrics.
 */
package org.caseload.api.runs;
