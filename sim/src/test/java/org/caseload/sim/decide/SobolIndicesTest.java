package org.caseload.sim.decide;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.within;

import java.util.Arrays;
import java.util.function.Function;
import org.caseload.sim.random.SplitMix64;
import org.junit.jupiter.api.Test;

/**
 * Sobol indices of functions whose indices are known in closed form. The points are a fixed
 * quasi-random sequence, so these tests are deterministic: they cannot fail by chance; the
 * tolerances are about three times the bootstrap half-widths seen.
 */
class SobolIndicesTest {

  private static Function<double[][], double[]> of(
      java.util.function.ToDoubleFunction<double[]> f) {
    return points -> Arrays.stream(points).mapToDouble(f).toArray();
  }

  @Test
  void ishigami_hasItsKnownIndices() {
    double a = 7;
    double b = 0.1;
    SobolIndices.Result r = SobolIndices.estimate(3, 8192, of(u -> {
      double x1 = Math.PI * (2 * u[0] - 1);
      double x2 = Math.PI * (2 * u[1] - 1);
      double x3 = Math.PI * (2 * u[2] - 1);
      return Math.sin(x1) + a * Math.sin(x2) * Math.sin(x2)
          + b * Math.pow(x3, 4) * Math.sin(x1);
    }), 100, 1);

    // Ishigami and Homma 1990; Saltelli et al. 2008, section 4.6: V = a^2/8 + b pi^4/5
    // + b^2 pi^8/18 + 1/2
    double v = a * a / 8 + b * Math.pow(Math.PI, 4) / 5 + b * b * Math.pow(Math.PI, 8) / 18
        + 0.5;
    double v1 = 0.5 * Math.pow(1 + b * Math.pow(Math.PI, 4) / 5, 2);
    double v2 = a * a / 8;
    double v13 = b * b * Math.pow(Math.PI, 8) * (1.0 / 18 - 1.0 / 50);
    assertThat(r.indices().get(0).first()).isCloseTo(v1 / v, within(0.02));
    assertThat(r.indices().get(1).first()).isCloseTo(v2 / v, within(0.02));
    assertThat(r.indices().get(2).first()).isCloseTo(0, within(0.02));
    assertThat(r.indices().get(0).total()).isCloseTo((v1 + v13) / v, within(0.02));
    assertThat(r.indices().get(1).total()).isCloseTo(v2 / v, within(0.02));
    assertThat(r.indices().get(2).total()).isCloseTo(v13 / v, within(0.02));
    assertThat(r.variance()).isCloseTo(v, within(0.1));
    for (SobolIndices.Index index : r.indices()) {
      assertThat(index.firstCi95()[0]).isLessThanOrEqualTo(index.firstCi95()[1]);
    }
  }

  @Test
  void linearModel_indicesAreTheShareOfSquaredCoefficients() {
    double[] c = {1, 2, 3, 0};
    SobolIndices.Result r = SobolIndices.estimate(4, 4096, of(u -> {
      double sum = 0;
      for (int i = 0; i < c.length; i++) {
        sum += c[i] * u[i];
      }
      return sum;
    }), 0, 1);

    double squares = 1 + 4 + 9;
    for (int i = 0; i < c.length; i++) {
      assertThat(r.indices().get(i).first()).isCloseTo(c[i] * c[i] / squares, within(0.01));
      assertThat(r.indices().get(i).total()).isCloseTo(c[i] * c[i] / squares, within(0.01));
    }
    assertThat(r.evaluations()).isEqualTo(4096 * 6);
  }

  @Test
  void bootstrapPercentiles_areByNearestRank() {
    // ranks ceil(0.025 B) and ceil(0.975 B), as every percentile (docs/monte-carlo.md)
    assertThat(SobolIndices.nearestRank(25, 200)).isEqualTo(5);
    assertThat(SobolIndices.nearestRank(975, 200)).isEqualTo(195);
    assertThat(SobolIndices.nearestRank(25, 10)).isEqualTo(1);
    assertThat(SobolIndices.nearestRank(975, 10)).isEqualTo(10);
    assertThat(SobolIndices.nearestRank(25, 41)).isEqualTo(2);
    assertThat(SobolIndices.nearestRank(975, 41)).isEqualTo(40);
    assertThat(SobolIndices.nearestRank(25, 1)).isEqualTo(1);
    assertThat(SobolIndices.nearestRank(975, 1)).isEqualTo(1);
    double[] values = new double[200];
    for (int i = 0; i < values.length; i++) {
      values[i] = 199 - i;
    }
    assertThat(SobolIndices.percentiles95(values)).containsExactly(4, 194);
    // against commons-math3's nearest-rank estimator
    org.apache.commons.math3.stat.descriptive.rank.Percentile r1 =
        new org.apache.commons.math3.stat.descriptive.rank.Percentile().withEstimationType(
            org.apache.commons.math3.stat.descriptive.rank.Percentile.EstimationType.R_1);
    for (int b : new int[] {1, 7, 10, 39, 40, 41, 199, 200, 1000, 1001}) {
      double[] v = new double[b];
      for (int i = 0; i < b; i++) {
        v[i] = (i * 7919) % b;
      }
      assertThat(SobolIndices.percentiles95(v)).as("B = %d", b)
          .containsExactly(r1.evaluate(v, 2.5), r1.evaluate(v, 97.5));
    }
  }

  /**
   * An output that does not vary (no child waiting in any scenario) has no variance to share
   * out: its indices and their intervals are undefined (NaN), not 0 with an interval [0, 0],
   * which read as "no effect, surely" (an outside trial). A resample in which a varying output
   * happens not to vary is left out of the intervals.
   */
  @Test
  void constantOutput_hasUndefinedIndices() {
    // 0.1 and 18.37 average an ulp off themselves: a variance of about 1e-31, not 0 (a review)
    for (double constant : new double[] {3.0, 0.1, 18.37, 0.15234}) {
      SobolIndices.Result r = SobolIndices.estimate(2, 256, of(u -> constant), 200, 5);
      assertThat(r.variance()).as("%s", constant).isLessThan(1e-20);
      assertThat(r.indices()).as("%s", constant).allSatisfy(index -> {
        assertThat(index.first()).isNaN();
        assertThat(index.total()).isNaN();
        assertThat(index.firstCi95()).containsOnly(Double.NaN);
        assertThat(index.totalCi95()).containsOnly(Double.NaN);
      });
    }
    // few base points vary (those above 0.9): most resamples hold one, some may not
    SobolIndices.Result rare = SobolIndices.estimate(1, 16,
        of(u -> u[0] > 0.9 ? 1.0 : 0.0), 200, 5);
    assertThat(rare.indices().get(0).total()).isFinite();
    assertThat(rare.indices().get(0).totalCi95()).doesNotContain(Double.NaN);
  }

  @Test
  void noResamples_noIntervals() {
    Function<double[][], double[]> f = of(u -> u[0] + 2 * u[1] * u[1]);
    SobolIndices.Result r = SobolIndices.estimate(2, 16, f, 0, 5);
    assertThat(r.indices()).allSatisfy(index -> {
      assertThat(index.firstCi95()).containsOnly(Double.NaN);
      assertThat(index.totalCi95()).containsOnly(Double.NaN);
      assertThat(index.total()).isFinite();
    });
    assertThat(r.meanCi95()).containsOnly(Double.NaN);
    assertThat(r.varianceCi95()).containsOnly(Double.NaN);
  }

  @Test
  void intervals_areTheNearestRankPercentilesOfTheResampledIndicesMeanAndVariance() {
    int n = 16;
    int bootstrap = 40;
    long seed = 5;
    Function<double[][], double[]> f = of(u -> u[0] + 2 * u[1] * u[1]);
    SobolIndices.Result r = SobolIndices.estimate(2, n, f, bootstrap, seed);
    double[] y = f.apply(SobolIndices.points(2, n));
    // the resampling, redone by hand: row j of resample b is floorMod(next long, n)
    SplitMix64 random = new SplitMix64(seed);
    double[] totals = new double[bootstrap];
    double[] means = new double[bootstrap];
    double[] variances = new double[bootstrap];
    for (int b = 0; b < bootstrap; b++) {
      int[] rows = new int[n];
      for (int j = 0; j < n; j++) {
        rows[j] = (int) Math.floorMod(random.nextLong(), (long) n);
      }
      double[] ab = new double[2 * n];
      for (int j = 0; j < n; j++) {
        ab[j] = y[rows[j]];
        ab[n + j] = y[n + rows[j]];
      }
      double mean = Arrays.stream(ab).sum() / ab.length;
      double v = Arrays.stream(ab).map(x -> (x - mean) * (x - mean)).sum() / (ab.length - 1);
      double t = 0;
      for (int row : rows) {
        double diff = y[row] - y[2 * n + row];
        t += diff * diff;
      }
      totals[b] = t / (2.0 * n) / v;
      means[b] = mean;
      variances[b] = v;
    }
    Arrays.sort(totals);
    Arrays.sort(means);
    Arrays.sort(variances);
    // ranks ceil(0.025 x 40) = 1 and ceil(0.975 x 40) = 39
    assertThat(r.indices().get(0).totalCi95()[0]).isCloseTo(totals[0], within(1e-12));
    assertThat(r.indices().get(0).totalCi95()[1]).isCloseTo(totals[38], within(1e-12));
    assertThat(totals[39] - totals[38]).as("the test tells rank 39 from 40")
        .isGreaterThan(1e-9);
    assertThat(r.meanCi95()[0]).isCloseTo(means[0], within(1e-12));
    assertThat(r.meanCi95()[1]).isCloseTo(means[38], within(1e-12));
    assertThat(r.varianceCi95()[0]).isCloseTo(variances[0], within(1e-12));
    assertThat(r.varianceCi95()[1]).isCloseTo(variances[38], within(1e-12));
    assertThat(means[39] - means[38]).isGreaterThan(1e-9);
    assertThat(variances[39] - variances[38]).isGreaterThan(1e-9);
    assertThat(r.noise()).as("an exact function's noise is not known here").isNaN();
  }

  @Test
  void meanAndVarianceIntervals_holdTheExactMomentsAndNarrowWithPoints() {
    // u0 + 2 u1^2 with u uniform: mean 1/2 + 2/3, variance 1/12 + 4 (1/5 - 1/9); the points
    // and resamples are fixed, so this cannot fail by chance
    Function<double[][], double[]> f = of(u -> u[0] + 2 * u[1] * u[1]);
    double mean = 0.5 + 2.0 / 3;
    double variance = 1.0 / 12 + 4 * (1.0 / 5 - 1.0 / 9);
    double[] widths = new double[2];
    int k = 0;
    for (int n : new int[] {64, 1024}) {
      SobolIndices.Result r = SobolIndices.estimate(2, n, f, 200, 3);
      assertThat(r.mean()).isBetween(r.meanCi95()[0], r.meanCi95()[1]);
      assertThat(mean).as("n = %d", n).isBetween(r.meanCi95()[0], r.meanCi95()[1]);
      assertThat(variance).as("n = %d", n).isBetween(r.varianceCi95()[0], r.varianceCi95()[1]);
      widths[k++] = r.meanCi95()[1] - r.meanCi95()[0];
    }
    // 16 times the points: about a quarter of the width (sd / sqrt(2n) resampled)
    assertThat(widths[1] / widths[0]).isBetween(0.15, 0.4);
  }
}
