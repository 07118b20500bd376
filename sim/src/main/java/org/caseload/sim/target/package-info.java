/**
 * Planners' targets, such as {@code caseload <= 18 at month 12}, parsed from text and
 * reported as the probability that they hold, with a 95% interval.
 */
package org.caseload.sim.target;
