/** Benchmarks of summary recording and merging. */
package org.caseload.bench.summary;
