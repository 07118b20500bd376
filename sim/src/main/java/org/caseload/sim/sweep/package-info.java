/**
 * Sweeps: a grid's axes and metrics read by one rule ({@link org.caseload.sim.sweep.SweepGrid})
 * for the command line, the cluster command and the API; all-England sweeps, every council of
 * a year calibrated, forecast and written as one CSV ({@link org.caseload.sim.sweep.AllCouncils});
 * a grid's points run against its base on common random numbers, with their paired differences
 * ({@link org.caseload.sim.sweep.PairedGrid}, {@code caseload sweep GRID.json}).
 */
package org.caseload.sim.sweep;
