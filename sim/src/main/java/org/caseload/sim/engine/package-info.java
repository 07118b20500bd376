/**
 * The Monte Carlo engine (docs/specification.md section 7): replications in fixed-size chunks over a
 * thread pool, merged in chunk order so that 1, 2 or N threads give identical bytes; progress,
 * cancellation and early stopping at a requested precision; single runs and comparisons on
 * common random numbers; batches of replications read one by one (goal-seek, sensitivity).
 * Chunks can be computed elsewhere ({@link org.caseload.sim.engine.ChunkExecutor}: a job's
 * JSON out, each chunk's bytes back, read in chunk order). The expected-value projection
 * averaged over a run's parameter draws ({@link org.caseload.sim.engine.AveragedProjection},
 * {@code caseload project}) draws them as the replications do.
 */
package org.caseload.sim.engine;
