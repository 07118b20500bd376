package org.caseload.core.model;

import java.util.SplittableRandom;

/**
 * A simple exact sampler for tests: inversion by sequential search, split into sums of
 * smaller draws for large means. Slow for large parameters, obviously correct.
 */
public final class InversionSampler implements Sampler {

  private static final double SPLIT = 200;

  private final long seed;
  private SplittableRandom random;

  public InversionSampler(long seed) {
    this.random = new SplittableRandom(seed);
    this.seed = seed;
  }

  @Override
  public Sampler at(long key) {
    random = new SplittableRandom(new SplittableRandom(seed ^ (key * 0x9E3779B97F4A7C15L))
        .nextLong());
    return this;
  }

  /** Sources with one independent sampler per process, all derived from {@code seed}. */
  public static RandomSources sources(long seed) {
    return RandomSources.of(process -> new InversionSampler(seed * 1_000_003L
        + 7919L * (process.ordinal() + 1)));
  }

  @Override
  public double normal() {
    return random.nextGaussian();
  }

  @Override
  public double uniform() {
    return random.nextDouble();
  }

  @Override
  public int poisson(double mean) {
    if (mean <= 0) {
      return 0;
    }
    if (mean > SPLIT) {
      double half = mean / 2;
      return poisson(half) + poisson(mean - half);
    }
    double u = uniform();
    double p = Math.exp(-mean);
    double cdf = p;
    int k = 0;
    while (u > cdf && k < 10_000) {
      k++;
      p *= mean / k;
      cdf += p;
    }
    return k;
  }

  @Override
  public int binomial(int n, double p) {
    if (n <= 0 || p <= 0) {
      return 0;
    }
    if (p >= 1) {
      return n;
    }
    if (p > 0.5) {
      return n - binomial(n, 1 - p);
    }
    if (n * p > SPLIT) {
      int half = n / 2;
      return binomial(half, p) + binomial(n - half, p);
    }
    double q = 1 - p;
    double ratio = p / q;
    double pk = Math.exp(n * Math.log(q));
    double cdf = pk;
    double u = uniform();
    int k = 0;
    while (u > cdf && k < n) {
      pk *= ratio * (n - k) / (k + 1);
      k++;
      cdf += pk;
    }
    return k;
  }

  @Override
  public int negativeBinomial(double mean, double overdispersion) {
    if (overdispersion <= 0) {
      return poisson(mean);
    }
    double shape = 1 / overdispersion;
    return poisson(gamma(shape) * mean / shape);
  }

  /** Marsaglia and Tsang's gamma(shape, 1). */
  private double gamma(double shape) {
    if (shape < 1) {
      return gamma(shape + 1) * Math.pow(uniform(), 1 / shape);
    }
    double d = shape - 1.0 / 3;
    double c = 1 / Math.sqrt(9 * d);
    while (true) {
      double x = random.nextGaussian();
      double v = 1 + c * x;
      if (v <= 0) {
        continue;
      }
      v = v * v * v;
      double u = uniform();
      if (Math.log(u) < 0.5 * x * x + d - d * v + d * Math.log(v)) {
        return d * v;
      }
    }
  }
}
