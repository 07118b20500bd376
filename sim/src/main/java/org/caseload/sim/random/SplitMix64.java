package org.caseload.sim.random;

import java.util.random.RandomGenerator;

/**
 * The SplitMix64 generator of the JDK's {@code java.util.SplittableRandom} (same seed, same
 * numbers; a test checks it), made re-seedable so that a sampler can move between keyed
 * substreams without allocating.
 *
 * @implNote Mutable, not thread-safe.
 */
public final class SplitMix64 implements RandomGenerator {

  private static final long GOLDEN_GAMMA = 0x9E3779B97F4A7C15L;

  private long seed;

  public SplitMix64(long seed) {
    this.seed = seed;
  }

  /** Restarts the sequence as {@code new SplittableRandom(seed)} would start it. */
  public void reseed(long value) {
    seed = value;
  }

  @Override
  public long nextLong() {
    seed += GOLDEN_GAMMA;
    return SeedMixer.mix64(seed);
  }

  @Override
  public double nextDouble() {
    return (nextLong() >>> 11) * 0x1.0p-53;
  }
}
