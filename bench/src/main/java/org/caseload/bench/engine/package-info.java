/** Benchmarks of whole Monte Carlo runs: the standard workload at 1 and 2 threads. */
package org.caseload.bench.engine;
