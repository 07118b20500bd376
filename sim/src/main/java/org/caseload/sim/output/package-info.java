/**
 * Run results as JSON (the document the API also serves), tidy CSV and a readable table.
 * Same result, same bytes.
 */
package org.caseload.sim.output;
