package org.caseload.sim.engine;

/**
 * The readings of replications {@code from} to {@code from + count - 1} of one scenario of a
 * {@link ReplicationBatch}, by replication: flag f and value v of each, as {@link Readings}
 * orders them.
 *
 * @implNote Filled in chunk order by the batch, then read only.
 */
public final class ReplicationValues {

  private final long from;
  private final boolean[][] flags;
  private final double[][] values;

  ReplicationValues(long from, int count, Readings readings) {
    this.from = from;
    this.flags = new boolean[readings.flags()][count];
    this.values = new double[readings.values()][count];
  }

  /** The first replication. */
  public long from() {
    return from;
  }

  /** The number of replications. */
  public int count() {
    return values.length > 0 ? values[0].length : flags.length > 0 ? flags[0].length : 0;
  }

  /** Replication {@code from + i}'s flag {@code f} (target f met). */
  public boolean flag(int f, int i) {
    return flags[f][i];
  }

  /** Replication {@code from + i}'s value {@code v}. */
  public double value(int v, int i) {
    return values[v][i];
  }

  /** Copies a chunk of these replications in. */
  void put(ReadingsChunk chunk) {
    int at = (int) (chunk.first() - from);
    for (int i = 0; i < chunk.count(); i++) {
      for (int f = 0; f < flags.length; f++) {
        flags[f][at + i] = chunk.flag(i, f);
      }
      for (int v = 0; v < values.length; v++) {
        values[v][at + i] = chunk.value(i, v);
      }
    }
  }
}
