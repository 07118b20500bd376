/** JMH benchmarks of the simulator, mirroring the packages they measure. */
package org.caseload.bench;
