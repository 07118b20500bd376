package org.caseload.sim.random;

import java.util.random.RandomGenerator;
import java.util.random.RandomGeneratorFactory;
import org.caseload.core.model.RandomProcess;
import org.caseload.core.model.RandomSources;

/**
 * The random streams of a run: for replication r of master seed s, process p draws from a
 * fresh {@value #ALGORITHM} generator seeded with {@link SeedMixer#seed(long, long, int)
 * seed(s, r, p)}. A replication's numbers therefore depend on nothing but (s, r, p): not on
 * threads, chunks, or the other replications, and two scenarios run with the same seed share
 * them process by process (common random numbers).
 *
 * @implNote Immutable and thread-safe; the sources it makes are for one thread.
 */
public final class Streams {

  /** The JDK 17 generator algorithm of every stream. */
  public static final String ALGORITHM = "L64X128MixRandom";

  /** How results name the generator: the algorithm and how its seeds are derived. */
  public static final String DESCRIPTION = ALGORITHM + " seeded by SplitMix64(seed, replication, process)";

  private static final RandomGeneratorFactory<RandomGenerator> FACTORY =
      RandomGeneratorFactory.of(ALGORITHM);

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

  /** The generator of one (replication, process). */
  public RandomGenerator generator(long replication, RandomProcess process) {
    return FACTORY.create(SeedMixer.seed(masterSeed, replication, process.ordinal()));
  }

  /** Fresh sources for replication {@code replication}, one sampler per process. */
  public RandomSources forReplication(long replication) {
    return RandomSources.of(process -> new FastSampler(generator(replication, process)));
  }
}
