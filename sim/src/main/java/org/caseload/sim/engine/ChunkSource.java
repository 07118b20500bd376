package org.caseload.sim.engine;

/**
 * The chunks of one job as they are computed (on this process's threads, another process,
 * another machine): the merging thread takes chunk 0, 1, 2, ... in order; the source computes
 * ahead as it sees fit. Closing it drops whatever has not been taken.
 */
public interface ChunkSource extends AutoCloseable {

  /**
   * Chunk {@code chunk}'s bytes as {@link ChunkJob#compute} wrote them, waiting for them.
   *
   * @throws java.util.concurrent.CancellationException if the run was cancelled meanwhile
   */
  byte[] take(long chunk);

  @Override
  void close();
}
