package org.caseload.sim.engine;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.within;

import org.apache.commons.math3.distribution.BinomialDistribution;
import org.caseload.sim.target.TargetParser;
import org.junit.jupiter.api.Test;

/**
 * The paired difference of target probabilities and its interval (Tango's score interval):
 * its ends against the score computed here from the likelihood maximised numerically, and its
 * coverage summed exactly over every outcome. No randomness: nothing here fails by chance.
 */
class TargetDifferenceTest {

  private static final double Z = 1.959963984540054;

  private static ComparisonResult.TargetDifference of(long onlyVariant, long onlyBaseline,
      long n) {
    return new ComparisonResult.TargetDifference(TargetParser.parse("caseload <= 18 at month 1"),
        onlyVariant, onlyBaseline, n);
  }

  /**
   * The score at d with the nuisance probability q (only the baseline meets the target) at
   * its maximum likelihood under d, found by golden-section search of the log-likelihood
   * b log(q + d) + c log q + (n - b - c) log(1 - 2q - d) rather than by Tango's quadratic.
   */
  private static double score(long b, long c, long n, double d) {
    double low = Math.max(0, -d);
    double high = (1 - d) / 2;
    double g = (Math.sqrt(5) - 1) / 2;
    for (int i = 0; i < 200; i++) {
      double x1 = high - g * (high - low);
      double x2 = low + g * (high - low);
      if (logLikelihood(b, c, n, d, x1) < logLikelihood(b, c, n, d, x2)) {
        low = x1;
      } else {
        high = x2;
      }
    }
    double q = (low + high) / 2;
    return (b - c - n * d) / Math.sqrt(n * (2 * q + d * (1 - d)));
  }

  private static double logLikelihood(long b, long c, long n, double d, double q) {
    double sum = 0;
    sum += b == 0 ? 0 : b * Math.log(q + d);
    sum += c == 0 ? 0 : c * Math.log(q);
    sum += n - b - c == 0 ? 0 : (n - b - c) * Math.log(1 - 2 * q - d);
    return sum;
  }

  @Test
  void ends_areWhereTheScoreReachesTheNormalQuantile() {
    long[][] cases = {{30, 10, 100}, {0, 4, 200}, {7, 0, 256}, {1, 1, 50}, {120, 3, 400}};
    for (long[] k : cases) {
      ComparisonResult.TargetDifference d = of(k[0], k[1], k[2]);
      String what = k[0] + " only variant, " + k[1] + " only baseline of " + k[2];
      assertThat(d.lower95()).as(what).isLessThan(d.difference());
      assertThat(d.upper95()).as(what).isGreaterThan(d.difference());
      assertThat(score(k[0], k[1], k[2], d.lower95())).as(what + " lower").isCloseTo(Z,
          within(1e-6));
      assertThat(score(k[0], k[1], k[2], d.upper95())).as(what + " upper").isCloseTo(-Z,
          within(1e-6));
    }
  }

  @Test
  void noReplicationDiffering_stillHasAWidth() {
    ComparisonResult.TargetDifference d = of(0, 0, 200);
    assertThat(d.difference()).isZero();
    assertThat(d.lower95()).isNegative().isGreaterThan(-0.02);
    assertThat(d.upper95()).isPositive().isLessThan(0.02);
  }

  /**
   * Coverage, summed exactly over every outcome (the replications that differ, binomial;
   * which side they fall on, binomial again), is at least 93% where replications differ often
   * or rarely, on both sides or only one; Agresti and Min's interval, used before, covers 87%
   * where only one side differs about twice in a run (it is checked here too, so the test can
   * tell the two apart).
   */
  @Test
  void coverage_isAtLeast93Percent_whereAgrestiMinsFellTo87() {
    double[][] grid = {{0, 0.01}, {0, 0.02}, {0.01, 0}, {0.002, 0.01}, {0.03, 0.01},
        {0.05, 0}, {0.1, 0.05}, {0.2, 0.01}, {0.005, 0.02}, {0.01, 0.05}};
    for (int n : new int[] {50, 200, 1000}) {
      for (double[] p : grid) {
        double tango = coverage(n, p[0], p[1], false);
        assertThat(tango).as("n %d, only variant %s, only baseline %s", n, p[0], p[1])
            .isGreaterThanOrEqualTo(0.93);
      }
    }
    assertThat(coverage(200, 0, 0.01, true)).isLessThan(0.9);
  }

  private static double coverage(int n, double onlyVariant, double onlyBaseline,
      boolean agrestiMin) {
    double truth = onlyVariant - onlyBaseline;
    BinomialDistribution differ = new BinomialDistribution(null, n, onlyVariant + onlyBaseline);
    double sum = 0;
    for (int k = 0; k <= n; k++) {
      double pk = differ.probability(k);
      if (pk < 1e-13) {
        continue;
      }
      BinomialDistribution side = new BinomialDistribution(null, k,
          onlyVariant / (onlyVariant + onlyBaseline));
      for (int b = 0; b <= k; b++) {
        double pb = side.probability(b);
        if (pb < 1e-13) {
          continue;
        }
        double[] interval = agrestiMin ? agrestiMin(b, k - b, n)
            : new double[] {of(b, k - b, n).lower95(), of(b, k - b, n).upper95()};
        sum += interval[0] <= truth && truth <= interval[1] ? pk * pb : 0;
      }
    }
    return sum;
  }

  /** Agresti and Min (2005): the Wald interval after adding half a replication to each cell. */
  private static double[] agrestiMin(long b, long c, long n) {
    double m = n + 2.0;
    double x = b + 0.5;
    double y = c + 0.5;
    double centre = (b - c) / m;
    double half = Z * Math.sqrt(((x + y) - (x - y) * (x - y) / m) / (m * m));
    return new double[] {Math.max(-1, centre - half), Math.min(1, centre + half)};
  }
}
