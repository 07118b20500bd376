/**
 * Summaries of many replications that take fixed memory and merge exactly: a
 * {@link org.caseload.sim.summary.Tally} per metric per period holds Welford moments and a
 * {@link org.caseload.sim.summary.Histogram} of quantised values (exact for counts, a fixed
 * resolution for rates, caseloads, FTE and money). Merged in a fixed order they give the same
 * bytes whatever the number of threads.
 */
package org.caseload.sim.summary;
