package org.caseload.core.model;

/**
 * Exact draws from the distributions the model needs, bound to one random generator. The
 * model never creates randomness itself.
 *
 * @implNote Implementations are not thread-safe: one per thread, per process, per replication.
 */
public interface Sampler {

  /** A uniform number in [0, 1). */
  double uniform();

  /** true with probability {@code p} (p outside [0, 1] is clamped). */
  default boolean bernoulli(double p) {
    return uniform() < p;
  }

  /** A Poisson count with mean {@code mean >= 0}. */
  int poisson(double mean);

  /** A binomial count of {@code n >= 0} trials with success probability {@code p in [0, 1]}. */
  int binomial(int n, double p);

  /**
   * A negative binomial count with mean {@code mean} and variance
   * {@code mean + overdispersion * mean^2}, as a gamma-Poisson mixture; Poisson when
   * {@code overdispersion == 0}.
   */
  int negativeBinomial(double mean, double overdispersion);
}
