/**
 * Summaries of many replications that take bounded memory and merge exactly: a
 * {@link org.caseload.sim.summary.Tally} per metric per period holds Welford moments and a
 * DDSketch whose bins are as fine as the metric's {@link org.caseload.sim.summary.Accuracy}
 * (whole numbers exact to 1,024 for counts and FTE, 0.5% relative for rates, caseloads,
 * months and money), and the 95% interval of a mean, the Clopper-Pearson interval of a share
 * and the Monte Carlo errors of percentiles ({@link org.caseload.sim.summary.BandError}: the
 * reach of each percentile's distribution-free order-statistic interval, whose ranks
 * {@link org.caseload.sim.summary.PercentileRanks} gives from the count alone), gathered for
 * outputs as each figure's 95% half-width ({@link org.caseload.sim.summary.HalfWidths95}).
 * Merged in a fixed order they give the same bytes whatever the number of threads.
 */
package org.caseload.sim.summary;
