/** Named scenarios shipped with Caseload, from {@code examples/}, read from the classpath. */
package org.caseload.sim.presets;
