/**
 * Scenarios built from the DfE's published figures for a council, region or England at a
 * base year, using that year and earlier only, with the uncertainty of the rates carried
 * into the Monte Carlo (docs/specification.md section 9).
 */
package org.caseload.core.calibration;
