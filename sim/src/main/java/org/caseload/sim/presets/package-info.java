/**
 * Named scenarios shipped with Caseload, read from the classpath: those calibrated from the
 * DfE figures ({@code presets/}) and the hand-made examples ({@code examples/}).
 */
package org.caseload.sim.presets;
