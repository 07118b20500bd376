/**
 * Run execution off the event loop: checked run plans, a bounded pool and queue, live
 * progress, cancellation, storing each run's end, and the runs' metrics.
 */
package org.caseload.api.runs;
