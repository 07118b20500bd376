package org.caseload.sim.random;

/**
 * Derives independent-looking 64-bit seeds from (master seed, replication, process) with the
 * SplitMix64 finaliser (Stafford's variant 13), so that every stream depends on all three
 * and never on the clock, the thread or the order of use.
 *
 * @implNote Stateless and thread-safe.
 */
public final class SeedMixer {

  private static final long GOLDEN = 0x9E3779B97F4A7C15L;

  private SeedMixer() {}

  /** The SplitMix64 finaliser: a bijection of 64-bit values with strong avalanche. */
  public static long mix64(long z) {
    z = (z ^ (z >>> 30)) * 0xBF58476D1CE4E5B9L;
    z = (z ^ (z >>> 27)) * 0x94D049BB133111EBL;
    return z ^ (z >>> 31);
  }

  /** The seed of the substream {@code key} of the stream with seed {@code streamSeed}. */
  public static long substream(long streamSeed, long key) {
    return mix64(streamSeed + key * 0xD1B54A32D192ED03L);
  }

  /** The seed of replication {@code replication}'s stream for process number {@code process}. */
  public static long seed(long masterSeed, long replication, int process) {
    long h = mix64(masterSeed + GOLDEN);
    h = mix64(h ^ mix64(replication * GOLDEN + 0x632BE59BD9B4E019L));
    return mix64(h ^ mix64((process + 1L) * 0xD1B54A32D192ED03L));
  }
}
