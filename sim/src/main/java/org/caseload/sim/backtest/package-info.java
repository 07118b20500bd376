/**
 * Backtests: forecasts of every council from a base year, scored against what the DfE later
 * published, and against naive forecasts (last value carried forward; the council's mean
 * plus 0.7^h of its last deviation; the linear trend): absolute errors of the median, the
 * 90% interval score and the coverage of the 5-95% band.
 */
package org.caseload.sim.backtest;
