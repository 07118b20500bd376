package org.caseload.sim.summary;

import java.util.Arrays;
import org.apache.commons.math3.distribution.BinomialDistribution;

/**
 * Which values of n replications, sorted, a summary reads: each printed percentile's, and the
 * ends of that percentile's distribution-free 95% interval (the one place of their formula).
 *
 * <p>The qth percentile is the value of nearest rank ceil(q n). Its interval is the values of
 * ranks {@code lower} and {@code upper}, the order-statistic (binomial) interval of the
 * q-quantile (as in Conover, "Practical nonparametric statistics", 3rd ed., section 3.2;
 * Hahn and Meeker, "Statistical intervals", 1991, chapter 5): with B binomial (n, q),
 * {@code lower} is the largest rank with P(B < lower) <= 2.5% and {@code upper} the smallest
 * with P(B >= upper) <= 2.5%. The q-quantile x of whatever the model gives lies below the
 * value of rank {@code lower} only if fewer than {@code lower} replications fell at or below
 * it, and above the value of rank {@code upper} only if {@code upper} or more fell below it;
 * each has chance at most 2.5% because at least a share q of the model's values is at or
 * below x and at most q below it. So the interval holds x at least 95% of the time for any
 * distribution: smooth (where it is about sqrt(q (1 - q) / n) / f either side) and, which the
 * density estimate it replaced could not say, whole numbers whose percentile sits on a jump
 * (an inPostFte p95 of 28 in some seeds and 29 in others, read as +-0.5 from its neighbours).
 *
 * <p>The ranks depend on n alone, not on the values or how they were merged, so summaries
 * stay exact however the replications were split; they are computed once per n (exact
 * binomial quantiles, a few microseconds), sorted so that a summary reads all 21 in one pass
 * over the sketch's bins, and reused by every summary of that n.
 *
 * @implNote Immutable and thread-safe.
 */
final class PercentileRanks {

  /** The printed percentiles, in percent, in the order of {@link BandError#FIELDS}. */
  static final int[] PERCENTS = {5, 10, 25, 50, 75, 90, 95};

  /** The chance each end of an interval leaves outside it: 95% in all. */
  private static final double TAIL = 0.025;

  /** The ranks of the last n asked for: a run's summaries all have the same n. */
  private static volatile PercentileRanks last;

  private final long n;
  /** The ranks read, ascending: 0 for an end that n replications cannot give. */
  private final long[] ascending;
  /** Where each percentile's rank, and its interval's lower and upper ends', is in it. */
  private final int[] printed;
  private final int[] lower;
  private final int[] upper;

  private PercentileRanks(long n) {
    this.n = n;
    int k = PERCENTS.length;
    long[] ranks = new long[3 * k];
    for (int i = 0; i < k; i++) {
      ranks[i] = nearest(PERCENTS[i], n);
      BinomialDistribution b = new BinomialDistribution(null, Math.toIntExact(n),
          PERCENTS[i] / 100.0);
      int below = b.inverseCumulativeProbability(TAIL);
      long low = b.cumulativeProbability(below) <= TAIL ? below + 1 : below;
      long high = b.inverseCumulativeProbability(1 - TAIL) + 1L;
      ranks[k + i] = low >= 1 ? low : 0;
      ranks[2 * k + i] = high <= n ? high : 0;
    }
    ascending = ranks.clone();
    Arrays.sort(ascending);
    printed = new int[k];
    lower = new int[k];
    upper = new int[k];
    for (int i = 0; i < k; i++) {
      printed[i] = Arrays.binarySearch(ascending, ranks[i]);
      lower[i] = Arrays.binarySearch(ascending, ranks[k + i]);
      upper[i] = Arrays.binarySearch(ascending, ranks[2 * k + i]);
    }
  }

  /** The ranks for {@code n} replications (n >= 1). */
  static PercentileRanks of(long n) {
    PercentileRanks r = last;
    if (r == null || r.n != n) {
      r = new PercentileRanks(n);
      last = r;
    }
    return r;
  }

  /**
   * The ranks to read, in 1..n, ascending, so that one pass over the sketch reads them all; 0
   * for an end that n replications cannot give (too few to bound a tail: p5's lower end
   * needs 72). Shared by every summary of n: not to be changed.
   */
  long[] ascending() {
    return ascending;
  }

  /** Where in {@link #ascending} the ith printed percentile's rank is. */
  int printed(int i) {
    return printed[i];
  }

  /** Where in {@link #ascending} the lower end of the ith percentile's interval is. */
  int lower(int i) {
    return lower[i];
  }

  /** Where in {@link #ascending} the upper end of the ith percentile's interval is. */
  int upper(int i) {
    return upper[i];
  }

  /** The nearest rank of the {@code percent}th percentile of n values: ceil(percent n / 100). */
  static long nearest(int percent, long n) {
    return Math.max(1, (percent * n + 99) / 100);
  }
}
