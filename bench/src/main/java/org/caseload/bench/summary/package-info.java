/** Benchmarks of summaries: recording a value, merging a chunk's tally, computing a summary. */
package org.caseload.bench.summary;
