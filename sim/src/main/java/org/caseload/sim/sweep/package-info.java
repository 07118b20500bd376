/** All-England sweeps: every council of a year calibrated, forecast and written as one CSV. */
package org.caseload.sim.sweep;
