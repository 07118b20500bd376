/**
 * Benchmarks of whole Monte Carlo runs (the standard workload at 1 and 2 threads), and
 * {@code ChunkWireCost}, which measures what a chunk of results weighs on a cluster's wire.
 */
package org.caseload.bench.engine;
