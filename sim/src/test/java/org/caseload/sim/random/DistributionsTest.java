package org.caseload.sim.random;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.ArrayList;
import java.util.List;
import java.util.function.IntSupplier;
import java.util.random.RandomGenerator;

import org.apache.commons.math3.distribution.BinomialDistribution;
import org.apache.commons.math3.distribution.IntegerDistribution;
import org.apache.commons.math3.distribution.PascalDistribution;
import org.apache.commons.math3.distribution.PoissonDistribution;
import org.apache.commons.math3.stat.inference.ChiSquareTest;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

/**
 * The allocation-free samplers against commons-math3's pmf and cdf, by chi-square goodness
 * of fit over a grid of parameters covering both algorithms of each distribution and the
 * switch between them. Each parameterised case has a false-failure probability of 0.001
 * (alpha) with 40,000 draws; there are 27, so about 2.7% for the whole class if the seeds were
 * random. The seeds are fixed, so a result never changes between runs.
 */
class DistributionsTest {

  private static final int DRAWS = 40_000;
  private static final double ALPHA = 0.001;

  private static RandomGenerator rng(long seed) {
    return new SplitMix64(seed);
  }

  @ParameterizedTest(name = "poisson({0})")
  @CsvSource({"0.05", "1", "5.5", "9.99", "10", "10.5", "33", "150", "4000", "1000000"})
  void poisson_matchesCommonsMath(double mean) {
    RandomGenerator rng = rng(Double.doubleToLongBits(mean));
    assertFits(new PoissonDistribution(mean), () -> Distributions.poisson(rng, mean));
  }

  @ParameterizedTest(name = "binomial({0}, {1})")
  @CsvSource({"1, 0.5", "7, 0.3", "19, 0.5", "20, 0.5", "21, 0.5", "100, 0.05", "100, 0.11",
      "300, 0.3", "1000, 0.7", "2000, 0.5", "50000, 0.02", "1000000, 0.45", "40, 0.97"})
  void binomial_matchesCommonsMath(int n, double p) {
    RandomGenerator rng = rng(31L * n + Double.doubleToLongBits(p));
    assertFits(new BinomialDistribution(n, p), () -> Distributions.binomial(rng, n, p));
  }

  @ParameterizedTest(name = "negativeBinomial(mean {0}, k {1})")
  @CsvSource({"3, 1", "20, 5", "287, 100", "300, 10"})
  void negativeBinomial_matchesPascal(double mean, int k) {
    RandomGenerator rng = rng(97L * k + Double.doubleToLongBits(mean));
    // Pascal(k, p) counts failures before the k-th success, with mean k(1-p)/p.
    double p = k / (k + mean);
    assertFits(new PascalDistribution(k, p),
        () -> Distributions.negativeBinomial(rng, mean, 1.0 / k));
  }

  @Test
  void edges_areExact() {
    RandomGenerator rng = rng(5);
    for (int i = 0; i < 1000; i++) {
      assertThat(Distributions.poisson(rng, 0)).isZero();
      assertThat(Distributions.poisson(rng, -1)).isZero();
      assertThat(Distributions.binomial(rng, 0, 0.5)).isZero();
      assertThat(Distributions.binomial(rng, 17, 0)).isZero();
      assertThat(Distributions.binomial(rng, 17, 1)).isEqualTo(17);
      assertThat(Distributions.binomial(rng, 1_000_000, 1)).isEqualTo(1_000_000);
      assertThat(Distributions.negativeBinomial(rng, 0, 0.5)).isZero();
      int k = Distributions.binomial(rng, 30, 0.999);
      assertThat(k).isBetween(0, 30);
    }
  }

  @Test
  void negativeBinomial_withoutOverdispersion_isPoisson() {
    RandomGenerator a = rng(8);
    RandomGenerator b = rng(8);
    for (int i = 0; i < 1000; i++) {
      assertThat(Distributions.negativeBinomial(a, 42.5, 0))
          .isEqualTo(Distributions.poisson(b, 42.5));
    }
  }

  /**
   * An overdispersion so small that the gamma adds nothing (1e-307, 1e-310, inside the
   * scenario's range 0-10) draws Poisson, the limit, as 0 does: it had drawn from an infinite
   * mean and crashed the run (an outside trial), or, at 1e-305 and a mean of 54,000, drawn
   * 2^31 - 1 referrals (a review).
   */
  @Test
  void negativeBinomial_withASubnormalOverdispersion_isPoisson() {
    for (double tiny : new double[] {1e-310, 4.9e-324, 1e-307, 1e-305, 1e-16}) {
      for (double mean : new double[] {42.5, 54_000}) {
        RandomGenerator a = rng(9);
        RandomGenerator b = rng(9);
        for (int i = 0; i < 1000; i++) {
          assertThat(Distributions.negativeBinomial(a, mean, tiny)).as("%s, %s", tiny, mean)
              .isEqualTo(Distributions.poisson(b, mean));
        }
      }
    }
  }

  /** The most trials an int holds: n + 1 had overflowed, and the draw read a table at -2^31. */
  @Test
  void binomial_ofTheMostTrials_isInRange() {
    RandomGenerator rng = rng(10);
    for (int i = 0; i < 100; i++) {
      int k = Distributions.binomial(rng, Integer.MAX_VALUE, 0.5);
      assertThat(k).isBetween(0, Integer.MAX_VALUE);
      assertThat(Math.abs(k - Integer.MAX_VALUE / 2.0)).isLessThan(10 * Math.sqrt(Integer.MAX_VALUE / 4.0));
    }
  }

  @Test
  void logFactorial_matchesCommonsMath() {
    for (long k : new long[] {0, 1, 2, 10, 1023, 1024, 1025, 5000, 123_456, 10_000_000}) {
      double expected = org.apache.commons.math3.special.Gamma.logGamma(k + 1.0);
      assertThat(LogFactorial.of(k)).as("ln %d!", k)
          .isCloseTo(expected, org.assertj.core.data.Offset.offset(1e-9 * Math.max(1, expected)));
    }
  }

  static void assertFits(IntegerDistribution distribution, IntSupplier draw) {
    int lo = distribution.inverseCumulativeProbability(1e-4);
    int hi = distribution.inverseCumulativeProbability(1 - 1e-4);
    long[] counts = new long[hi - lo + 3];
    for (int i = 0; i < DRAWS; i++) {
      int k = draw.getAsInt();
      counts[k < lo ? 0 : k > hi ? counts.length - 1 : k - lo + 1]++;
    }
    double[] probabilities = new double[counts.length];
    probabilities[0] = lo <= distribution.getSupportLowerBound() ? 0
        : distribution.cumulativeProbability(lo - 1);
    for (int k = lo; k <= hi; k++) {
      probabilities[k - lo + 1] = distribution.probability(k);
    }
    probabilities[counts.length - 1] = 1 - distribution.cumulativeProbability(hi);
    // Pool neighbouring cells until each expects at least 5 draws. For very wide
    // distributions this also groups values, which keeps the test valid.
    int wanted = Math.max(5, DRAWS / 400);
    List<double[]> cells = new ArrayList<>();
    double e = 0;
    long o = 0;
    for (int c = 0; c < counts.length; c++) {
      e += probabilities[c] * DRAWS;
      o += counts[c];
      if (e >= wanted) {
        cells.add(new double[] {e, o});
        e = 0;
        o = 0;
      }
    }
    if (cells.isEmpty()) {
      assertThat(o).isEqualTo(DRAWS);
      return;
    }
    double[] last = cells.get(cells.size() - 1);
    last[0] += e;
    last[1] += o;
    if (cells.size() < 2) {
      return;
    }
    double[] expected = cells.stream().mapToDouble(x -> x[0]).toArray();
    long[] observed = cells.stream().mapToLong(x -> (long) x[1]).toArray();
    double pValue = new ChiSquareTest().chiSquareTest(expected, observed);
    assertThat(pValue).as("chi-square p-value over %d cells", expected.length)
        .isGreaterThan(ALPHA);
  }
}
