package org.caseload.core.calibration;

/**
 * A growth rate fitted to a few years of figures, with its uncertainty.
 *
 * @param growth annual growth (0.05 is 5% a year)
 * @param growthSd standard deviation of the growth
 * @param levelSd standard deviation of the level, as a share of it (0 where not used)
 */
record Trend(double growth, double growthSd, double levelSd) {}
