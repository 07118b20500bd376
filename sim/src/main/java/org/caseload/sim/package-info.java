/**
 * Monte Carlo engine for the Caseload model. For now it holds the command-line tool
 * ({@link org.caseload.sim.cli}); the replication runner, samplers and summaries follow.
 */
package org.caseload.sim;
