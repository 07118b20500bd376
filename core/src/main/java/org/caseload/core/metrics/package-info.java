/**
 * What the model reports: the monthly metrics and the 30 September snapshot, named and
 * defined as the Department for Education defines them (docs/specification.md section 8), with rates as
 * fractions in [0, 1].
 */
package org.caseload.core.metrics;
