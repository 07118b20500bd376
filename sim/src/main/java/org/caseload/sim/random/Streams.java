package org.caseload.sim.random;

import org.caseload.core.model.RandomProcess;
import org.caseload.core.model.RandomSources;

/**
 * The random streams of a run. Replication r of master seed s draws process p's numbers from
 * the stream with seed {@link SeedMixer#seed(long, long, int) seed(s, r, p)}; within it, the
 * model keys each group of draws (a worker's month, a team's month) to a SplitMix64
 * substream (see {@link FastSampler}). A replication's numbers therefore depend on nothing
 * but (s, r, p, key): not on threads, chunks or the other replications, and two scenarios
 * run with the same seed share them (common random numbers).
 *
 * @implNote Immutable and thread-safe; the sources it makes are for one thread.
 */
public final class Streams {

  /** The generator algorithm of every substream. */
  public static final String ALGORITHM = "SplitMix64";

  /** How results name the generator and how its streams are seeded. */
  public static final String DESCRIPTION = "SplitMix64 (java.util.SplittableRandom's algorithm)"
      + " substreams keyed by (seed, replication, process, key) with the SplitMix64 mixer";

  private final long masterSeed;

  private Streams(long masterSeed) {
    this.masterSeed = masterSeed;
  }

  public static Streams of(long masterSeed) {
    return new Streams(masterSeed);
  }

  public long masterSeed() {
    return masterSeed;
  }

  /** Fresh sources for replication {@code replication}, one sampler per process. */
  public RandomSources forReplication(long replication) {
    return RandomSources.of(process ->
        new FastSampler(SeedMixer.seed(masterSeed, replication, process.ordinal())));
  }
}
