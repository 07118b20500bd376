package org.caseload.sim.engine;

/**
 * The chunks of one run as they are computed elsewhere (another process, another machine):
 * the merging thread takes chunk 0, 1, 2, ... in order; the source computes ahead as it
 * sees fit. Closing it drops whatever has not been taken.
 */
public interface ChunkSource extends AutoCloseable {

  /**
   * Chunk {@code chunk}'s accumulator as {@link ChunkWork#compute} wrote it, waiting for it.
   *
   * @throws java.util.concurrent.CancellationException if the run was cancelled meanwhile
   */
  byte[] take(long chunk);

  @Override
  void close();
}
