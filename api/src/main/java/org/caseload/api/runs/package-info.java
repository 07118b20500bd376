/**
 * Run execution off the event loop: checked run plans (runs, comparisons, and the goal-seeks
 * and sensitivity studies of {@link org.caseload.api.runs.Decision}), a bounded pool and
 * queue, live progress, cancellation, storing each run's end, and the runs' metrics.
 */
package org.caseload.api.runs;
