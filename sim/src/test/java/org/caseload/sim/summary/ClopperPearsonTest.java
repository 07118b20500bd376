package org.caseload.sim.summary;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.assertj.core.api.Assertions.within;

import java.math.BigDecimal;
import java.math.MathContext;
import org.apache.commons.math3.distribution.BinomialDistribution;
import org.junit.jupiter.api.Test;

/**
 * The Clopper-Pearson interval against exact binomial tails (sums of the probabilities in
 * 60-digit decimal arithmetic), and its coverage, summed exactly over every count, against
 * the confidence it states. No randomness: nothing here can fail by chance.
 */
class ClopperPearsonTest {

  private static final MathContext DIGITS = new MathContext(60);

  /** P(X >= k) and P(X <= k) for X ~ Binomial(n, p), p exactly the double given. */
  private static double[] tails(long k, long n, double p) {
    BigDecimal q = BigDecimal.ONE.subtract(new BigDecimal(p));
    BigDecimal ratio = new BigDecimal(p).divide(q, DIGITS);
    BigDecimal term = q.pow((int) n, DIGITS); // P(X = 0)
    BigDecimal below = BigDecimal.ZERO;
    BigDecimal total = BigDecimal.ZERO;
    for (long j = 0; j <= n; j++) {
      if (j <= k) {
        below = below.add(term, DIGITS);
      }
      total = total.add(term, DIGITS);
      term = term.multiply(ratio, DIGITS).multiply(BigDecimal.valueOf(n - j), DIGITS)
          .divide(BigDecimal.valueOf(j + 1), DIGITS);
    }
    BigDecimal atLeast = total.subtract(below, DIGITS).add(exactly(k, n, p), DIGITS);
    return new double[] {atLeast.doubleValue(), below.doubleValue()};
  }

  private static BigDecimal exactly(long k, long n, double p) {
    BigDecimal q = BigDecimal.ONE.subtract(new BigDecimal(p));
    BigDecimal term = q.pow((int) n, DIGITS);
    BigDecimal ratio = new BigDecimal(p).divide(q, DIGITS);
    for (long j = 0; j < k; j++) {
      term = term.multiply(ratio, DIGITS).multiply(BigDecimal.valueOf(n - j), DIGITS)
          .divide(BigDecimal.valueOf(j + 1), DIGITS);
    }
    return term;
  }

  /**
   * Each end leaves the stated chance outside: under the lower end k or more successes have
   * chance 2.5%, under the upper end k or fewer; to 1e-9, every k of n up to 40 and the ends
   * and middles of 1,000 and 4,096 trials, at 95% and at the 99% of a goal-seek's looks.
   */
  @Test
  void eachEnd_leavesExactlyHalfTheRestInItsTail() {
    for (double confidence : new double[] {0.95, 0.99}) {
      double tail = (1 - confidence) / 2;
      for (long n = 1; n <= 40; n++) {
        for (long k = 0; k <= n; k++) {
          checkTails(k, n, confidence, tail);
        }
      }
      for (long n : new long[] {1_000, 4_096}) {
        for (long k : new long[] {0, 1, 2, 3, n / 5, n / 2, 4 * n / 5, n - 3, n - 1, n}) {
          checkTails(k, n, confidence, tail);
        }
      }
    }
  }

  private static void checkTails(long k, long n, double confidence, double tail) {
    String what = k + " of " + n + " at " + confidence;
    double lower = ClopperPearson.lower(k, n, confidence);
    double upper = ClopperPearson.upper(k, n, confidence);
    if (k == 0) {
      assertThat(lower).as(what).isZero();
    } else {
      assertThat(tails(k, n, lower)[0]).as(what + ": P(X >= k) at the lower end")
          .isCloseTo(tail, within(1e-9));
    }
    if (k == n) {
      assertThat(upper).as(what).isEqualTo(1);
    } else {
      assertThat(tails(k, n, upper)[1]).as(what + ": P(X <= k) at the upper end")
          .isCloseTo(tail, within(1e-9));
    }
    assertThat(lower).as(what).isLessThanOrEqualTo((double) k / n);
    assertThat(upper).as(what).isGreaterThanOrEqualTo((double) k / n);
  }

  /**
   * Coverage, the chance that the interval holds p summed over every count, is at least 95%
   * at every p of a grid from 1e-6 to 1 - 1e-6, including n p = 0.18, where the Wilson
   * interval's was 83.8% for every n (it is checked to be so here, so the test can tell).
   */
  @Test
  void coverage_isAtLeast95Percent_whereWilsonsFellTo84() {
    for (int n : new int[] {10, 100, 1_000, 4_096}) {
      double[] lower = new double[n + 1];
      double[] upper = new double[n + 1];
      double[] wilsonLower = new double[n + 1];
      double[] wilsonUpper = new double[n + 1];
      for (int k = 0; k <= n; k++) {
        lower[k] = ClopperPearson.lower95(k, n);
        upper[k] = ClopperPearson.upper95(k, n);
        double[] w = wilson(k, n);
        wilsonLower[k] = w[0];
        wilsonUpper[k] = w[1];
      }
      double worstWilson = 1;
      for (int i = 0; i <= 240; i++) {
        double p = Math.pow(10, -6 + 6 * i / 240.0) * (i % 2 == 0 ? 1 : 0.5);
        for (double q : new double[] {p, 0.18 / n, 1 - p, 1 - 0.18 / n}) {
          if (!(q > 0 && q < 1)) {
            continue;
          }
          assertThat(coverage(n, q, lower, upper)).as("coverage at n %d, p %s", n, q)
              .isGreaterThanOrEqualTo(0.95 - 1e-12);
          worstWilson = Math.min(worstWilson, coverage(n, q, wilsonLower, wilsonUpper));
        }
      }
      assertThat(worstWilson).as("Wilson's at n " + n).isLessThan(0.85);
    }
  }

  private static double coverage(int n, double p, double[] lower, double[] upper) {
    BinomialDistribution x = new BinomialDistribution(null, n, p);
    double sum = 0;
    for (int k = 0; k <= n; k++) {
      if (lower[k] <= p && p <= upper[k]) {
        sum += x.probability(k);
      }
    }
    return sum;
  }

  /** The 95% Wilson score interval (Wilson 1927), the interval this one replaced. */
  private static double[] wilson(int k, int n) {
    double z = 1.959963984540054;
    double p = (double) k / n;
    double centre = p + z * z / (2 * n);
    double spread = z * Math.sqrt(p * (1 - p) / n + z * z / (4.0 * n * n));
    double d = 1 + z * z / n;
    return new double[] {Math.max(0, (centre - spread) / d), Math.min(1, (centre + spread) / d)};
  }

  @Test
  void noTrials_giveNaN_andImpossibleCountsAreRefused() {
    assertThat(ClopperPearson.lower95(0, 0)).isNaN();
    assertThat(ClopperPearson.upper95(0, 0)).isNaN();
    assertThatThrownBy(() -> ClopperPearson.lower95(3, 2))
        .isInstanceOf(IllegalArgumentException.class);
    assertThatThrownBy(() -> ClopperPearson.upper(1, 2, 1.0))
        .isInstanceOf(IllegalArgumentException.class);
  }

  /** Up to the most replications a run may ask for: finite, ordered, around the estimate. */
  @Test
  void largeCounts_giveOrderedBoundsAroundTheEstimate() {
    for (long n : new long[] {100_000, 1_000_000, 10_000_000}) {
      for (long k : new long[] {1, 5, n / 100, n / 2, n - 5, n - 1}) {
        double lower = ClopperPearson.lower95(k, n);
        double upper = ClopperPearson.upper95(k, n);
        double p = (double) k / n;
        assertThat(lower).as(k + " of " + n).isLessThan(p).isGreaterThan(0);
        assertThat(upper).as(k + " of " + n).isGreaterThan(p).isLessThan(1);
        // about 1.96 standard errors either side where the normal approximation holds
        if (k >= n / 100 && n - k >= n / 100) {
          double se = Math.sqrt(p * (1 - p) / n);
          assertThat((upper - lower) / (2 * se)).as(k + " of " + n).isCloseTo(1.96, within(0.02));
        }
      }
    }
  }

  /**
   * The stated bound on how far any share's 95% interval reaches, against the widest exact
   * interval over every count of n trials (commons-math3's beta quantiles, as the page's test
   * has them from scipy: 35.61 points for 10, 3.149 for 1,000): never below it, and less than
   * half a point above.
   */
  @Test
  void reachBound_holdsForEveryCount() {
    // one trial: the formula's 148 points, more than a share can be off; the exact reach 97.5
    assertThat(ClopperPearson.reachBound95Points(1)).isEqualTo(100);
    for (int n : new int[] {10, 100, 256, 1000, 4096}) {
      double widest = 0;
      for (int x = 0; x <= n; x++) {
        double p = (double) x / n;
        double lower = x == 0 ? 0 : new org.apache.commons.math3.distribution.BetaDistribution(
            null, x, n - x + 1, 1e-15).inverseCumulativeProbability(0.025);
        double upper = x == n ? 1 : new org.apache.commons.math3.distribution.BetaDistribution(
            null, x + 1, n - x, 1e-15).inverseCumulativeProbability(0.975);
        widest = Math.max(widest, Math.max(p - lower, upper - p));
      }
      double bound = ClopperPearson.reachBound95Points(n);
      assertThat(bound).as("n = %d", n).isGreaterThanOrEqualTo(100 * widest)
          .isLessThan(100 * widest + 0.5);
      if (n == 10) {
        assertThat(100 * widest).isCloseTo(35.60954623076415, within(1e-6));
      }
      if (n == 1000) {
        assertThat(100 * widest).isCloseTo(3.148603238970532, within(1e-6));
        assertThat(bound).isEqualTo(3.2);
      }
    }
  }
}
