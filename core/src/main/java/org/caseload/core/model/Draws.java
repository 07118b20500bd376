package org.caseload.core.model;

/**
 * How the model turns a chance into a number: the one place where a sampled replication and
 * the expected-value projection differ. The monthly step ({@link Model}) is written once
 * against this type; {@link SampledDraws} draws binomial, Poisson and negative binomial counts
 * and Bernoulli events from the replication's random sources and keeps every count whole,
 * while {@link ExpectedDraws} returns their expectations ({@code n p}, the mean, a weight
 * {@code w} thinned to {@code w p}) and keeps fractions. Workers are entities with a weight:
 * one worker each when sampled, a cohort of expected workers when projected.
 *
 * @implNote Implementations are mutable and not thread-safe: one per model.
 */
sealed abstract class Draws permits SampledDraws, ExpectedDraws {

  /**
   * Moves to the draws of {@code process} keyed by {@code key} (see {@link Sampler#at}); the
   * draws that follow come from there until the next call.
   *
   * @return this
   */
  abstract Draws at(RandomProcess process, long key);

  /** Successes among {@code n} trials of probability {@code p}. */
  abstract double binomial(double n, double p);

  /**
   * How much of an entity of {@code weight} an event of probability {@code p} takes: the whole
   * worker or nothing when sampled (a uniform below {@code p}), {@code weight p} expected.
   */
  abstract double occurs(double weight, double p);

  /** A Poisson count of mean {@code mean}. */
  abstract double poisson(double mean);

  /** A negative binomial count of mean {@code mean} (variance mean + k mean^2). */
  abstract double negativeBinomial(double mean, double overdispersion);

  /** {@code x} rounded half up to a whole number when counts are whole; else {@code x}. */
  abstract double round(double x);

  /**
   * {@code x} rounded down when counts are whole, allowing 1e-9 for sums of fractional FTE
   * that fall just short of a whole post; else {@code x}.
   */
  abstract double roundDown(double x);

  /** {@code x} rounded down when counts are whole; else {@code x}. */
  abstract double floor(double x);

  /** {@code x} rounded up when counts are whole; else {@code x}. */
  abstract double roundUp(double x);

  /** The weight of the next entity when {@code count} join at once: 1, or all of them. */
  abstract double unit(double count);

  /** Whether counts and workers are whole (sampled) rather than expected fractions. */
  abstract boolean whole();

  /**
   * Holder {@code rank}'s part of {@code total} cases spread evenly over case holders of
   * total weight {@code holders}, this holder weighing {@code weight}: whole shares, the
   * remainder one each to the first holders, or the exact proportion.
   */
  abstract double evenShare(double total, double holders, int rank, double weight);

  /**
   * Shares {@code cases} among {@code m} entities with {@code room[k]} room in all and
   * {@code weight[k]} available workers ({@link Allocator}), into {@code give}.
   *
   * @return the cases given
   */
  abstract double share(double[] room, double[] weight, int m, double cases, double[] give);
}
