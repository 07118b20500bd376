package org.caseload.sim.random;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.SplittableRandom;
import java.util.random.RandomGenerator;
import org.junit.jupiter.api.Test;

/**
 * The tabled inversion of {@link FastSampler} returns, for every uniform, the count that the
 * walk of {@link Distributions#binomialFromZero} returns for it: the table is the same
 * recursion stored, so a sampled replication draws the same numbers either way. Deterministic
 * (fixed seeds, exact equality): no false failures.
 */
class BinomialCdfTest {

  @Test
  void tableSearch_equalsTheWalk_forEveryUniform() {
    SplittableRandom random = new SplittableRandom(20261129);
    double[] cdf = new double[128];
    int compared = 0;
    for (int n = 1; n < 128; n++) {
      for (int j = 0; j < 40; j++) {
        double p = j == 0 ? 1e-300 : Math.min(0.5, random.nextDouble() * 10.0 / n);
        double qn = Math.exp(n * Math.log1p(-p));
        // A used table: its ends hold another table's values, as a reused one would.
        java.util.Arrays.fill(cdf, random.nextDouble());
        FastSampler.fillTable(n, p, qn, cdf);
        for (int i = 0; i < 60; i++) {
          double u = random.nextDouble();
          assertThat(search(cdf, u)).as("n %d p %s u %s", n, p, u)
              .isEqualTo(Distributions.binomialFromZero(fixed(u), n, p, qn));
          compared++;
        }
        // Uniforms at and next to every cumulative probability, where rounding would show.
        for (int k = 0; k < n && Double.isFinite(cdf[k]); k++) {
          for (double u : new double[] {cdf[k], Math.nextDown(cdf[k]), Math.nextUp(cdf[k])}) {
            if (u >= 0 && u < 1) {
              assertThat(search(cdf, u)).as("n %d p %s u %s", n, p, u)
                  .isEqualTo(Distributions.binomialFromZero(fixed(u), n, p, qn));
              compared++;
            }
          }
        }
      }
    }
    assertThat(compared).isGreaterThan(280_000);
  }

  @Test
  void fastSampler_drawsWhatTheWalkDraws() {
    FastSampler sampler = new FastSampler(42);
    SplitMix64 reference = new SplitMix64(0);
    double[] ps = {0.03, 0.11, 0.3, 0.5, 0.7, 0.97};
    for (long key = 0; key < 2_000; key++) {
      sampler.at(key);
      reference.reseed(SeedMixer.substream(42, key));
      for (double p : ps) {
        int n = (int) (key % 19) + 1; // n p < 10: the inversion regime
        double small = Math.min(p, 1 - p);
        int walked = Distributions.binomialFromZero(reference, n, small,
            Math.exp(n * Math.log1p(-small)));
        assertThat(sampler.binomial(n, p)).isEqualTo(p > 0.5 ? n - walked : walked);
      }
    }
  }

  private static int search(double[] cdf, double u) {
    return FastSampler.firstAtLeast(cdf, u);
  }

  /** A generator whose next double is {@code u}. */
  private static RandomGenerator fixed(double u) {
    return new RandomGenerator() {
      @Override
      public long nextLong() {
        throw new UnsupportedOperationException();
      }

      @Override
      public double nextDouble() {
        return u;
      }
    };
  }
}
