package org.caseload.sim.summary;

import org.apache.commons.math3.distribution.BetaDistribution;

/**
 * The Clopper-Pearson interval of a proportion, {@code successes} of {@code trials} (Clopper
 * and Pearson 1934): the one place of its formula, for targets' probabilities and goal-seeks'
 * plans. Its coverage is at least the confidence asked for, whatever the probability and the
 * trials; the Wilson interval it replaced covered 84% where about 0.2 successes were expected
 * (a target met in 1 replication of 1,000, say), however many trials.
 *
 * <p>With x successes of n and {@code a = 1 - confidence}, the lower end is the probability
 * under which x or more successes have chance a/2, the a/2 quantile of Beta(x, n - x + 1),
 * and the upper end the one under which x or fewer have chance a/2, the 1 - a/2 quantile of
 * Beta(x + 1, n - x) (commons-math3's beta distribution); at the ends, in closed form: 0 and
 * 1 - (a/2)^(1/n) for no success, (a/2)^(1/n) and 1 for all.
 *
 * @implNote Stateless and thread-safe.
 */
public final class ClopperPearson {

  /** How closely a bound is solved for: far below the 0.1 percentage point printed. */
  private static final double ACCURACY = 1e-15;

  private ClopperPearson() {}

  /** Lower end of the 95% interval; NaN with no trials. */
  public static double lower95(long successes, long trials) {
    return lower(successes, trials, 0.95);
  }

  /** Upper end of the 95% interval; NaN with no trials. */
  public static double upper95(long successes, long trials) {
    return upper(successes, trials, 0.95);
  }

  /** Lower end of the interval of {@code confidence}, in (0, 1); NaN with no trials. */
  public static double lower(long successes, long trials, double confidence) {
    double tail = check(successes, trials, confidence);
    if (trials == 0) {
      return Double.NaN;
    }
    if (successes == 0) {
      return 0;
    }
    if (successes == trials) {
      return Math.pow(tail, 1.0 / trials);
    }
    return new BetaDistribution(null, successes, trials - successes + 1, ACCURACY)
        .inverseCumulativeProbability(tail);
  }

  /** Upper end of the interval of {@code confidence}, in (0, 1); NaN with no trials. */
  public static double upper(long successes, long trials, double confidence) {
    double tail = check(successes, trials, confidence);
    if (trials == 0) {
      return Double.NaN;
    }
    if (successes == trials) {
      return 1;
    }
    if (successes == 0) {
      return -Math.expm1(Math.log(tail) / trials);
    }
    return new BetaDistribution(null, successes + 1, trials - successes, ACCURACY)
        .inverseCumulativeProbability(1 - tail);
  }

  /**
   * How far, at most, the 95% interval of any share of {@code trials} reaches from it, in
   * percentage points rounded up to a tenth: 1.96 sqrt(1 / 4n) + 1 / (2n), the normal
   * half-width at a share of one half with half a trial more. The exact intervals reach no
   * further ({@code ClopperPearsonTest} takes the widest over every count for several n); the
   * planners' page states the same bound (web/src/wording.js). A share and its limit both lie
   * in 0 to 1, so it is at most 100 points (the formula gives 148 for one trial, whose exact
   * interval reaches 97.5).
   */
  public static double reachBound95Points(long trials) {
    return Math.min(100, Math.ceil(1000 * (1.959963984540054 * Math.sqrt(0.25 / trials)
        + 0.5 / trials)) / 10);
  }

  /** The chance each end leaves outside, (1 - confidence) / 2. */
  private static double check(long successes, long trials, double confidence) {
    if (trials < 0 || successes < 0 || successes > trials
        || !(confidence > 0 && confidence < 1)) {
      throw new IllegalArgumentException("need 0 <= successes <= trials and a confidence in"
          + " (0, 1); was " + successes + " of " + trials + " at " + confidence);
    }
    return (1 - confidence) / 2;
  }
}
