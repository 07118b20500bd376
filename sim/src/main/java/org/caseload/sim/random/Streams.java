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
  private final SamplerFactory samplers;

  private Streams(long masterSeed, SamplerFactory samplers) {
    this.masterSeed = masterSeed;
    this.samplers = samplers;
  }

  public static Streams of(long masterSeed) {
    return new Streams(masterSeed, SamplerFactory.FAST);
  }

  /** Streams drawing through samplers made by {@code samplers} (for benchmarks). */
  public static Streams of(long masterSeed, SamplerFactory samplers) {
    return new Streams(masterSeed, samplers);
  }

  public long masterSeed() {
    return masterSeed;
  }

  /** Fresh sources for replication {@code replication}, one sampler per process. */
  public RandomSources forReplication(long replication) {
    return RandomSources.of(process ->
        samplers.create(SeedMixer.seed(masterSeed, replication, process.ordinal())));
  }

  /**
   * Sources for one thread that move from replication to replication: re-used, without
   * allocating, when the samplers are {@link FastSampler}s; made afresh otherwise.
   */
  public Reusable reusable() {
    return new Reusable();
  }

  private static final RandomProcess[] PROCESSES = RandomProcess.values();

  /** Sources re-pointed at each replication in turn. */
  public final class Reusable {
    private RandomSources sources;
    private final FastSampler[] fast = new FastSampler[RandomProcess.values().length];

    private Reusable() {}

    /** The sources of replication {@code replication}. */
    public RandomSources at(long replication) {
      if (sources == null || samplers != SamplerFactory.FAST) {
        sources = forReplication(replication);
        if (samplers == SamplerFactory.FAST) {
          for (RandomProcess p : RandomProcess.values()) {
            fast[p.ordinal()] = (FastSampler) sources.get(p);
          }
        }
        return sources;
      }
      for (RandomProcess p : PROCESSES) {
        fast[p.ordinal()].restream(SeedMixer.seed(masterSeed, replication, p.ordinal()));
      }
      return sources;
    }
  }
}
