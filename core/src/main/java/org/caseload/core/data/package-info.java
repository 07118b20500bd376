/**
 * The Department for Education's published statistics (children's social work workforce,
 * children in need, child protection, children looked after) read from their CSV files:
 * tables found by their headers, suppressed values kept as missing, areas found by name or
 * code.
 */
package org.caseload.core.data;
