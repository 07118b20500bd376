/**
 * The Monte Carlo engine of Caseload and the tools around it: reproducible random streams
 * and samplers ({@code random}), mergeable summaries ({@code summary}), the replication runner
 * and comparisons ({@code engine}), targets ({@code target}), result formats
 * ({@code output}), presets ({@code presets}), backtests ({@code backtest}), decision
 * support: goal-seek and sensitivity ({@code decide}), all-England sweeps ({@code sweep}),
 * and the command-line tool analysts script ({@code cli}). Depends on {@code core} only.
 */
package org.caseload.sim;
