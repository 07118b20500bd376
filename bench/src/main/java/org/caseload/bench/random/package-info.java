/** Benchmarks of the samplers and of the random-number floor of the standard workload. */
package org.caseload.bench.random;
