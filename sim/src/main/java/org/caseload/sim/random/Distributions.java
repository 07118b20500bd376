package org.caseload.sim.random;

import java.util.random.RandomGenerator;

/**
 * Exact samplers that allocate nothing and take their parameters on every call: Poisson by
 * inversion below a mean of 10 and Hormann's PTRS above; binomial by inversion while
 * {@code n * min(p, 1-p) < 10} and Hormann's BTRS above; gamma by Marsaglia and Tsang; the
 * negative binomial as a gamma-Poisson mixture. commons-math3 computes the same
 * distributions 5 to 82 times slower per draw with garbage on every draw
 * ({@code SamplerBenchmark}, bench/README.md); it remains the reference these are tested
 * against.
 *
 * <p>References: W. Hormann, "The transformed rejection method for generating Poisson random
 * variables" (1993) and "The generation of binomial random variates" (1993); G. Marsaglia and
 * W. W. Tsang, "A simple method for generating gamma variables" (2000).
 *
 * @implNote Stateless and thread-safe; the generator passed in is not.
 */
public final class Distributions {

  /** Below this mean (or n times the smaller of p and 1 - p), inversion is used. */
  static final double INVERSION_LIMIT = 10;

  private Distributions() {}

  /** A Poisson count with mean {@code mean} (0 for a mean of 0 or less). */
  public static int poisson(RandomGenerator rng, double mean) {
    if (!(mean > 0)) {
      return 0;
    }
    if (mean < INVERSION_LIMIT) {
      return poissonInversion(rng, mean);
    }
    return poissonPtrs(rng, mean);
  }

  private static int poissonInversion(RandomGenerator rng, double mean) {
    double u = rng.nextDouble();
    double p = Math.exp(-mean);
    double cdf = p;
    int k = 0;
    while (u > cdf) {
      k++;
      p *= mean / k;
      cdf += p;
      if (p < 1e-300 && k > mean) {
        break;
      }
    }
    return k;
  }

  private static int poissonPtrs(RandomGenerator rng, double lambda) {
    double slam = Math.sqrt(lambda);
    double logLambda = Math.log(lambda);
    double b = 0.931 + 2.53 * slam;
    double a = -0.059 + 0.02483 * b;
    double invAlpha = 1.1239 + 1.1328 / (b - 3.4);
    double vr = 0.9277 - 3.6224 / (b - 2);
    while (true) {
      double u = rng.nextDouble() - 0.5;
      double v = rng.nextDouble();
      double us = 0.5 - Math.abs(u);
      double kd = Math.floor((2 * a / us + b) * u + lambda + 0.43);
      if (us >= 0.07 && v <= vr) {
        return (int) kd;
      }
      if (kd < 0 || (us < 0.013 && v > us)) {
        continue;
      }
      if (Math.log(v) + Math.log(invAlpha) - Math.log(a / (us * us) + b)
          <= -lambda + kd * logLambda - LogFactorial.of((long) kd)) {
        return (int) kd;
      }
    }
  }

  /** A binomial count of {@code n} trials with probability {@code p} (clamped to [0, 1]). */
  public static int binomial(RandomGenerator rng, int n, double p) {
    if (n <= 0 || !(p > 0)) {
      return 0;
    }
    if (p >= 1) {
      return n;
    }
    return binomial(rng, n, p, Math.log1p(-Math.min(p, 1 - p)));
  }

  /**
   * The same, given {@code logQ = log(1 - min(p, 1 - p))} (for callers that reuse a
   * probability and can keep its logarithm).
   */
  public static int binomial(RandomGenerator rng, int n, double p, double logQ) {
    if (n <= 0 || !(p > 0)) {
      return 0;
    }
    if (p >= 1) {
      return n;
    }
    if (p > 0.5) {
      return n - binomialSmallP(rng, n, 1 - p, logQ);
    }
    return binomialSmallP(rng, n, p, logQ);
  }

  private static int binomialSmallP(RandomGenerator rng, int n, double p, double logQ) {
    if (n * p < INVERSION_LIMIT) {
      return binomialInversion(rng, n, p, logQ);
    }
    return binomialBtrs(rng, n, p);
  }

  private static int binomialInversion(RandomGenerator rng, int n, double p, double logQ) {
    return binomialFromZero(rng, n, p, Math.exp(n * logQ));
  }

  /** Binomial by inversion for {@code p <= 0.5}, given {@code qn = (1 - p)^n}. */
  static int binomialFromZero(RandomGenerator rng, int n, double p, double qn) {
    double q = 1 - p;
    double ratio = p / q;
    double pk = qn;
    double cdf = pk;
    double u = rng.nextDouble();
    int k = 0;
    while (u > cdf && k < n) {
      pk *= ratio * (n - k) / (k + 1);
      k++;
      cdf += pk;
      if (pk < 1e-300 && k > n * p) {
        break;
      }
    }
    return k;
  }

  /**
   * Fills {@code cdf[0..]} with the cumulative probabilities that {@link #binomialFromZero}
   * walks through for {@code n}, {@code p <= 0.5} and {@code qn = (1 - p)^n}, computed by the
   * same recursion in the same order, and +Infinity where the walk stops whatever the uniform
   * (at n, or where the tail underflows): the first k with {@code u <= cdf[k]} is then the
   * count {@code binomialFromZero} returns for the uniform u, bit for bit (a test checks it).
   * {@code cdf} holds at least n + 1 values.
   */
  static void binomialCdf(int n, double p, double qn, double[] cdf) {
    double q = 1 - p;
    double ratio = p / q;
    double pk = qn;
    double sum = pk;
    cdf[0] = sum;
    int k = 0;
    while (k < n) {
      pk *= ratio * (n - k) / (k + 1);
      k++;
      sum += pk;
      cdf[k] = sum;
      if (pk < 1e-300 && k > n * p) {
        break;
      }
    }
    cdf[k] = Double.POSITIVE_INFINITY;
  }

  private static int binomialBtrs(RandomGenerator rng, int n, double p) {
    double q = 1 - p;
    double spq = Math.sqrt(n * p * q);
    double b = 1.15 + 2.53 * spq;
    double a = -0.0873 + 0.0248 * b + 0.01 * p;
    double c = n * p + 0.5;
    double alpha = (2.83 + 5.1 / b) * spq;
    double vr = 0.92 - 4.2 / b;
    double m = Math.floor((n + 1.0) * p); // n + 1 had overflowed for n = Integer.MAX_VALUE
    double logRatio = Math.log(p / q);
    double h = LogFactorial.of((long) m) + LogFactorial.of((long) (n - m));
    while (true) {
      double u = rng.nextDouble() - 0.5;
      double v = rng.nextDouble();
      double us = 0.5 - Math.abs(u);
      double kd = Math.floor((2 * a / us + b) * u + c);
      if (kd < 0 || kd > n) {
        continue;
      }
      if (us >= 0.07 && v <= vr) {
        return (int) kd;
      }
      double lv = Math.log(v * alpha / (a / (us * us) + b));
      long k = (long) kd;
      if (lv <= h - LogFactorial.of(k) - LogFactorial.of(n - k) + (kd - m) * logRatio) {
        return (int) k;
      }
    }
  }

  /**
   * The overdispersion below which a negative binomial is drawn as Poisson: the gamma's
   * shape is then over 1e15, its relative sd under 3.2e-8, less than a part in 30 million
   * of the mean (the variance it adds, overdispersion x mean^2, is under 1e-15 x mean^2).
   */
  static final double NEGLIGIBLE_OVERDISPERSION = 1e-15;

  /** A gamma variate with {@code shape > 0} and scale 1. */
  public static double gamma(RandomGenerator rng, double shape) {
    if (shape < 1) {
      double u = rng.nextDouble();
      return gamma(rng, shape + 1) * Math.pow(u, 1 / shape);
    }
    double d = shape - 1.0 / 3;
    double c = 1 / Math.sqrt(9 * d);
    while (true) {
      double x = rng.nextGaussian();
      double v = 1 + c * x;
      if (v <= 0) {
        continue;
      }
      v = v * v * v;
      double u = rng.nextDouble();
      double x2 = x * x;
      if (u < 1 - 0.0331 * x2 * x2) {
        return d * v;
      }
      if (Math.log(u) < 0.5 * x2 + d * (1 - v + Math.log(v))) {
        return d * v;
      }
    }
  }

  /**
   * A negative binomial count with mean {@code mean} and variance
   * {@code mean + overdispersion * mean^2}: Poisson with a gamma-distributed mean; Poisson, its
   * limit, where the overdispersion is 0 or under {@link #NEGLIGIBLE_OVERDISPERSION}, where
   * the gamma's spread is below a double's precision beside its mean (a tiny overdispersion,
   * 1e-307 or a subnormal one, had drawn from an infinite mean: the gamma's shape, or the
   * gamma times the mean, overflowed).
   */
  public static int negativeBinomial(RandomGenerator rng, double mean, double overdispersion) {
    if (!(mean > 0)) {
      return 0;
    }
    if (!(overdispersion >= NEGLIGIBLE_OVERDISPERSION)) {
      return poisson(rng, mean);
    }
    double shape = 1 / overdispersion;
    return poisson(rng, gamma(rng, shape) * mean * overdispersion);
  }
}
