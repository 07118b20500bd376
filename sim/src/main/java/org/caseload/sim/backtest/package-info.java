/**
 * Backtests: forecasts of every council from a base year, scored against what the DfE later
 * published, and against two naive forecasts (last value carried forward; linear trend).
 */
package org.caseload.sim.backtest;
