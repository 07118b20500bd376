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

  /**
   * Moves to the start of the substream keyed by {@code key}: the draws that follow depend on
   * this source and the key alone, not on what was drawn before. The model keys each group
   * of draws by what it is about and when (a worker's decisions in a month, a team's hires in
   * a month), so that a worker or team that exists in two scenarios run on the same sources
   * draws alike in both, however the scenarios differ elsewhere: this keeps common random
   * numbers in step.
   *
   * @return this sampler, re-keyed
   */
  Sampler at(long key);

  /** true with probability {@code p} (p outside [0, 1] is clamped). */
  default boolean bernoulli(double p) {
    return uniform() < p;
  }

  /** A standard normal number. */
  double normal();

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
