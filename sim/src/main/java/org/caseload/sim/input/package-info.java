/**
 * Reading what people type: numbers written the one way every flag, target and lever
 * takes them ({@link org.caseload.sim.input.Numbers}).
 */
package org.caseload.sim.input;
