package org.caseload.bench.random;

import org.apache.commons.math3.distribution.BinomialDistribution;
import org.apache.commons.math3.distribution.GammaDistribution;
import org.apache.commons.math3.distribution.PoissonDistribution;
import org.apache.commons.math3.random.RandomGenerator;
import org.caseload.core.model.Sampler;
import org.caseload.sim.random.SeedMixer;
import org.caseload.sim.random.SplitMix64;

/**
 * The model's sampler done the commons-math3 way: a distribution object per draw, as its API
 * requires when the parameter changes on every draw. Same keyed SplitMix64 substreams as
 * {@link org.caseload.sim.random.FastSampler}, so only the sampling differs.
 */
public final class Math3Sampler implements Sampler {

  private final long streamSeed;
  private final SplitMix64 rng = new SplitMix64(0);
  private final RandomGenerator adapter = new Adapter(rng);

  public Math3Sampler(long streamSeed) {
    this.streamSeed = streamSeed;
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
    if (!(mean > 0)) {
      return 0;
    }
    return new PoissonDistribution(adapter, mean, PoissonDistribution.DEFAULT_EPSILON,
        PoissonDistribution.DEFAULT_MAX_ITERATIONS).sample();
  }

  @Override
  public int binomial(int n, double p) {
    if (n <= 0 || !(p > 0)) {
      return 0;
    }
    if (p >= 1) {
      return n;
    }
    return new BinomialDistribution(adapter, n, p).sample();
  }

  @Override
  public int negativeBinomial(double mean, double overdispersion) {
    if (!(overdispersion > 0)) {
      return poisson(mean);
    }
    double shape = 1 / overdispersion;
    return poisson(new GammaDistribution(adapter, shape, mean / shape).sample());
  }

  /** commons-math3's generator interface over a SplitMix64. */
  static final class Adapter implements RandomGenerator {
    private final SplitMix64 rng;

    Adapter(SplitMix64 rng) {
      this.rng = rng;
    }

    @Override
    public void setSeed(int seed) {
      rng.reseed(seed);
    }

    @Override
    public void setSeed(int[] seed) {
      rng.reseed(seed.length == 0 ? 0 : seed[0]);
    }

    @Override
    public void setSeed(long seed) {
      rng.reseed(seed);
    }

    @Override
    public void nextBytes(byte[] bytes) {
      rng.nextBytes(bytes);
    }

    @Override
    public int nextInt() {
      return rng.nextInt();
    }

    @Override
    public int nextInt(int n) {
      return rng.nextInt(n);
    }

    @Override
    public long nextLong() {
      return rng.nextLong();
    }

    @Override
    public boolean nextBoolean() {
      return rng.nextBoolean();
    }

    @Override
    public float nextFloat() {
      return rng.nextFloat();
    }

    @Override
    public double nextDouble() {
      return rng.nextDouble();
    }

    @Override
    public double nextGaussian() {
      return rng.nextGaussian();
    }
  }
}
