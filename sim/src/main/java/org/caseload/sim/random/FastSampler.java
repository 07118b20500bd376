package org.caseload.sim.random;

import org.caseload.core.model.Sampler;

/**
 * The model's {@link Sampler}: keyed substreams of one (seed, replication, process) stream,
 * each a {@link SplitMix64} sequence seeded by mixing the stream's seed with the key, drawn
 * from with {@link Distributions}. Before the first {@link #at(long)} it is at key 0.
 *
 * @implNote Not thread-safe. Allocates nothing after construction.
 */
public final class FastSampler implements Sampler {

  private long streamSeed;
  private final SplitMix64 rng;
  // log(1 - min(p, 1 - p)) of recently used probabilities: the model reuses a few hazards
  // (three closure hazards in turn, worker by worker), so the cache is fully associative:
  // a direct-mapped one thrashed between them and spent 13% of a run in log1p.
  private static final int SLOTS = 8;
  private final double[] cachedP = new double[SLOTS];
  private final double[] cachedLogQ = new double[SLOTS];
  private int nextVictim;
  // For small n of those probabilities, the cumulative probabilities that inversion walks
  // through (Distributions.binomialCdf): a draw is then a search without exp() or divisions.
  // Tables are filled when first needed and refilled in place after their slot is reused.
  private static final int TABLED = 128;
  private static final int UNROLLED = 4;
  private final double[][][] cdfs = new double[SLOTS][TABLED][];
  private final boolean[][] fresh = new boolean[SLOTS][TABLED];

  /** A sampler of the stream with seed {@code streamSeed}. */
  public FastSampler(long streamSeed) {
    this.streamSeed = streamSeed;
    this.rng = new SplitMix64(0);
    java.util.Arrays.fill(cachedP, Double.NaN);
    at(0);
  }

  /** Moves to another stream (another replication), as if newly made with its seed. */
  public void restream(long seed) {
    streamSeed = seed;
    at(0);
  }

  @Override
  public Sampler at(long key) {
    rng.reseed(SeedMixer.substream(streamSeed, key));
    return this;
  }

  @Override
  public double normal() {
    return rng.nextGaussian();
  }

  @Override
  public double uniform() {
    return rng.nextDouble();
  }

  @Override
  public int poisson(double mean) {
    return Distributions.poisson(rng, mean);
  }

  @Override
  public int binomial(int n, double p) {
    if (n <= 0 || !(p > 0) || p >= 1) {
      return Distributions.binomial(rng, n, p);
    }
    double small = Math.min(p, 1 - p);
    int slot = slotOf(small);
    if (n < TABLED && n * small < Distributions.INVERSION_LIMIT) {
      double[] cdf = cdfs[slot][n];
      if (!fresh[slot][n]) {
        if (cdf == null) {
          cdf = new double[Math.max(n + 1, UNROLLED)];
          cdfs[slot][n] = cdf;
        }
        fillTable(n, small, Math.exp(n * cachedLogQ[slot]), cdf);
        fresh[slot][n] = true;
      }
      int k = firstAtLeast(cdf, rng.nextDouble());
      return p > 0.5 ? n - k : k;
    }
    return Distributions.binomial(rng, n, p, cachedLogQ[slot]);
  }

  /**
   * The first k with {@code u <= cdf[k]}, for rising cumulative probabilities ending in
   * +Infinity and padded with it to at least {@link #UNROLLED} values. Below UNROLLED that is
   * how many of the first UNROLLED are below u, counted without a branch: a loop's exit is
   * mispredicted on most draws, which cost a tenth of a replication-month.
   */
  static int firstAtLeast(double[] cdf, double u) {
    int k = (u > cdf[0] ? 1 : 0) + (u > cdf[1] ? 1 : 0) + (u > cdf[2] ? 1 : 0)
        + (u > cdf[3] ? 1 : 0);
    if (k == UNROLLED) {
      while (u > cdf[k]) {
        k++;
      }
    }
    return k;
  }

  /**
   * Fills {@code cdf} with the table {@link #firstAtLeast} searches for n trials of
   * probability {@code small} given {@code qn = (1 - small)^n}: {@link
   * Distributions#binomialCdf}'s values, then +Infinity to the end.
   */
  static void fillTable(int n, double small, double qn, double[] cdf) {
    Distributions.binomialCdf(n, small, qn, cdf);
    for (int j = 1; j < cdf.length; j++) {
      if (cdf[j - 1] == Double.POSITIVE_INFINITY) {
        cdf[j] = Double.POSITIVE_INFINITY;
      }
    }
  }

  /** The cache slot of probability {@code small}, filled on a miss (oldest entry evicted). */
  private int slotOf(double small) {
    for (int i = 0; i < SLOTS; i++) {
      if (cachedP[i] == small) {
        return i;
      }
    }
    int slot = nextVictim;
    nextVictim = (nextVictim + 1) % SLOTS;
    cachedP[slot] = small;
    cachedLogQ[slot] = Math.log1p(-small);
    java.util.Arrays.fill(fresh[slot], false);
    return slot;
  }

  @Override
  public int negativeBinomial(double mean, double overdispersion) {
    return Distributions.negativeBinomial(rng, mean, overdispersion);
  }
}
