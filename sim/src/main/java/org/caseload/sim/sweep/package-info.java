/**
 * Sweeps: a grid's axes and metrics read by one rule ({@link org.caseload.sim.sweep.SweepGrid})
 * for the command line, the cluster command and the API; all-England sweeps, every council of
 * a year calibrated, forecast and written as one CSV ({@link org.caseload.sim.sweep.AllCouncils}).
 */
package org.caseload.sim.sweep;
