package org.caseload.sim.random;

import java.util.random.RandomGenerator;
import org.caseload.core.model.Sampler;

/**
 * The model's {@link Sampler}: keyed substreams of one (seed, replication, process) stream,
 * each a {@link SplitMix64} sequence seeded by mixing the stream's seed with the key, drawn
 * from with {@link Distributions}. Before the first {@link #at(long)} it is at key 0.
 *
 * @implNote Not thread-safe. Allocates nothing after construction.
 */
public final class FastSampler implements Sampler {

  private final long streamSeed;
  private final SplitMix64 rng;

  /** A sampler of the stream with seed {@code streamSeed}. */
  public FastSampler(long streamSeed) {
    this.streamSeed = streamSeed;
    this.rng = new SplitMix64(0);
    at(0);
  }

  @Override
  public Sampler at(long key) {
    rng.reseed(SeedMixer.mix64(streamSeed ^ SeedMixer.mix64(key + 0x632BE59BD9B4E019L)));
    return this;
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
    return Distributions.binomial(rng, n, p);
  }

  @Override
  public int negativeBinomial(double mean, double overdispersion) {
    return Distributions.negativeBinomial(rng, mean, overdispersion);
  }
}
