package org.caseload.sim.summary;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.within;

import org.apache.commons.math3.stat.interval.ConfidenceInterval;
import org.apache.commons.math3.stat.interval.WilsonScoreInterval;
import org.junit.jupiter.api.Test;

/**
 * The Wilson interval against commons-math3's implementation of the same formula, over every
 * (successes, trials) with trials 1 to 200 and the ends and middles of a few large trials.
 */
class WilsonTest {

  /**
   * commons-math3 takes z from its own inverse normal and orders the operations differently,
   * so the two differ by rounding only (a few ulps of numbers below 1); it does not clamp to
   * [0, 1], so its bounds are clamped here as ours are.
   */
  private static final double TOLERANCE = 1e-14;

  @Test
  void matchesCommonsMath_overEverySmallCount() {
    for (long n = 1; n <= 200; n++) {
      for (long k = 0; k <= n; k++) {
        check(k, n);
      }
    }
  }

  /**
   * Up to the most replications a run may ask for (10 million); commons-math3 computes
   * {@code 2 * trials} in int arithmetic, so it cannot be the reference from 2^30 trials.
   */
  @Test
  void matchesCommonsMath_atTheEndsAndMiddlesOfLargeCounts() {
    for (long n : new long[] {1_000, 4_096, 10_000, 100_000, 1_000_000, 10_000_000}) {
      for (long k : new long[] {0, 1, 2, 5, n / 100, n / 3, n / 2, n - n / 100, n - 5,
          n - 2, n - 1, n}) {
        check(k, n);
      }
    }
  }

  @Test
  void noTrials_giveNaN() {
    assertThat(Wilson.lower95(0, 0)).isNaN();
    assertThat(Wilson.upper95(0, 0)).isNaN();
  }

  private static void check(long k, long n) {
    ConfidenceInterval exact = new WilsonScoreInterval().createInterval((int) n, (int) k, 0.95);
    double lower = Wilson.lower95(k, n);
    double upper = Wilson.upper95(k, n);
    String what = k + " of " + n;
    assertThat(lower).as(what + " lower").isCloseTo(clamp(exact.getLowerBound()),
        within(TOLERANCE));
    assertThat(upper).as(what + " upper").isCloseTo(clamp(exact.getUpperBound()),
        within(TOLERANCE));
    // The interval holds the estimate and stays within [0, 1]; at none or all of n its end is
    // exactly 0 or 1 (the formula's rounding would leave a few 1e-17).
    double p = (double) k / n;
    assertThat(lower).as(what).isBetween(0.0, p + TOLERANCE);
    assertThat(upper).as(what).isBetween(p - TOLERANCE, 1.0);
    if (k == 0) {
      assertThat(lower).as(what).isZero();
    }
    if (k == n) {
      assertThat(upper).as(what).isEqualTo(1.0);
    }
  }

  private static double clamp(double x) {
    return Math.min(1, Math.max(0, x));
  }
}
