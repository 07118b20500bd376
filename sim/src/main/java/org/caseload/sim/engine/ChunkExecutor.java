package org.caseload.sim.engine;

/**
 * Computes a run's chunks somewhere other than the calling process's own threads, for
 * {@link MonteCarlo#run(org.caseload.core.scenario.Scenario, RunOptions, java.util.List,
 * ChunkExecutor)} and {@link Comparison#run(org.caseload.core.scenario.Scenario,
 * java.util.List, RunOptions, boolean, java.util.List, ChunkExecutor)}. Results are merged in
 * chunk order by the caller, so they have the bytes of a local run whatever computed them.
 */
public interface ChunkExecutor {

  /**
   * Starts computing {@code work}'s chunks; {@code options} gives the cancellation flag
   * (polled while waiting) and the progress callback.
   */
  ChunkSource open(ChunkWork work, RunOptions options);
}
