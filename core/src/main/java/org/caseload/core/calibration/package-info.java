/**
 * Scenarios built from the DfE's published figures for a council, region or England at a
 * base year, using that year and earlier only, with the uncertainty of the rates carried
 * into the Monte Carlo (docs/specification.md section 9). {@link
 * org.caseload.core.calibration.Calibrator} is the entry point; each part of the derivation
 * is a small class of its own, and every figure the data do not give is a named constant
 * with its source (a DfE table, a section of docs/specification.md, or an assumption).
 */
package org.caseload.core.calibration;
