package org.caseload.sim.engine;

/**
 * Computes a job's chunks: this process's threads ({@link LocalChunks}) or other processes
 * (the cluster). Used by {@link MonteCarlo#run(org.caseload.core.scenario.Scenario,
 * RunOptions, java.util.List, ChunkExecutor)} and {@link Comparison#run(
 * org.caseload.core.scenario.Scenario, java.util.List, RunOptions, boolean, java.util.List,
 * ChunkExecutor)} for runs' accumulators, and by {@link ReplicationBatch#run} for goal-seeks'
 * and sensitivity studies' per-replication readings. Results are read in chunk order by the
 * caller, so they have the same bytes whatever computed them.
 */
public interface ChunkExecutor {

  /**
   * Starts computing {@code work}'s chunks; {@code options} gives the cancellation flag
   * (polled while waiting) and the progress callback.
   */
  ChunkSource open(ChunkJob work, RunOptions options);
}
