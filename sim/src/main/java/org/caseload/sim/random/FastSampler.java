package org.caseload.sim.random;

import java.util.random.RandomGenerator;
import org.caseload.core.model.Sampler;

/**
 * The model's {@link Sampler} on a JDK generator, drawing with {@link Distributions}.
 *
 * @implNote Not thread-safe, like its generator.
 */
public final class FastSampler implements Sampler {

  private final RandomGenerator rng;

  public FastSampler(RandomGenerator rng) {
    this.rng = rng;
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
