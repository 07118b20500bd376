/** Benchmarks of the model in {@code org.caseload.core.model}. */
package org.caseload.bench.model;
