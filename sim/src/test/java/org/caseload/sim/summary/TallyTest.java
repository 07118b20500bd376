package org.caseload.sim.summary;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.within;

import java.util.Arrays;
import java.util.SplittableRandom;
import org.apache.commons.math3.stat.descriptive.DescriptiveStatistics;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.EnumSource;

class TallyTest {

  @Test
  void counts_giveExactNearestRankPercentiles() {
    SplittableRandom random = new SplittableRandom(3);
    Tally tally = new Tally(Quantizer.EXACT);
    int[] values = new int[1001];
    for (int i = 0; i < values.length; i++) {
      values[i] = random.nextInt(-50, 400);
      tally.add(values[i]);
    }
    Arrays.sort(values);
    Summary s = tally.summary();
    assertThat(s.p5()).isEqualTo(values[(int) Math.ceil(0.05 * 1001) - 1]);
    assertThat(s.p50()).isEqualTo(values[500]);
    assertThat(s.p95()).isEqualTo(values[(int) Math.ceil(0.95 * 1001) - 1]);
    DescriptiveStatistics reference = new DescriptiveStatistics();
    Arrays.stream(values).forEach(reference::addValue);
    assertThat(s.mean()).isCloseTo(reference.getMean(), within(1e-9));
    assertThat(s.sd()).isCloseTo(reference.getStandardDeviation(), within(1e-9));
    assertThat(s.se()).isCloseTo(reference.getStandardDeviation() / Math.sqrt(1001),
        within(1e-9));
  }

  @ParameterizedTest
  @EnumSource(Quantizer.class)
  void merging_equalsAddingEverythingToOneTally(Quantizer quantizer) {
    SplittableRandom random = new SplittableRandom(4);
    Tally whole = new Tally(quantizer);
    Tally left = new Tally(quantizer);
    Tally right = new Tally(quantizer);
    for (int i = 0; i < 500; i++) {
      double v = random.nextDouble(-1000, 200_000);
      whole.add(v);
      (i < 200 ? left : right).add(v);
    }
    left.merge(right);
    Summary a = whole.summary();
    Summary b = left.summary();
    assertThat(b.n()).isEqualTo(a.n());
    assertThat(b.mean()).isCloseTo(a.mean(), within(1e-9 * Math.abs(a.mean())));
    assertThat(b.sd()).isCloseTo(a.sd(), within(1e-9 * a.sd()));
    assertThat(new double[] {b.p5(), b.p25(), b.p50(), b.p75(), b.p95()})
        .containsExactly(a.p5(), a.p25(), a.p50(), a.p75(), a.p95());
  }

  @ParameterizedTest
  @EnumSource(Quantizer.class)
  void quantizer_keepsItsResolution(Quantizer quantizer) {
    SplittableRandom random = new SplittableRandom(5);
    for (int i = 0; i < 10_000; i++) {
      double v = random.nextDouble(-2e6, 2e6);
      double back = quantizer.value(quantizer.key(v));
      double resolution = switch (quantizer) {
        case EXACT, POUNDS -> 1;
        case TENTHS -> 0.1;
        case HUNDREDTHS -> 0.01;
        case THOUSANDTHS -> 0.001;
      };
      // Half a unit of resolution, or 11 significant bits (2^-11 relative) above 2,048 units.
      double allowed = Math.max(0.5 * resolution, Math.abs(v) * 0x1.0p-11);
      assertThat(Math.abs(back - v)).as("%s of %s", quantizer, v)
          .isLessThanOrEqualTo(allowed + 1e-9 * Math.abs(v));
    }
  }

  @Test
  void quantizer_isExactBelow2048Units_andMonotone() {
    for (long u = -3000; u <= 3000; u++) {
      long key = Quantizer.EXACT.key(u);
      if (Math.abs(u) < 2048) {
        assertThat(key).isEqualTo(u);
        assertThat(Quantizer.EXACT.value(key)).isEqualTo(u);
      }
      assertThat(Quantizer.EXACT.key(u + 1)).isGreaterThanOrEqualTo(key);
    }
    long previous = Long.MIN_VALUE;
    for (double v = 1; v < 1e15; v *= 1.0007) {
      long key = Quantizer.POUNDS.key(v);
      assertThat(key).isGreaterThanOrEqualTo(previous);
      previous = key;
    }
  }

  @Test
  void histogramMemory_followsTheSpreadOfValues_notTheirNumber() {
    SplittableRandom random = new SplittableRandom(6);
    Histogram few = new Histogram();
    Histogram many = new Histogram();
    for (int i = 0; i < 1_000_000; i++) {
      long key = Quantizer.POUNDS.key(random.nextDouble(1.1e6, 1.4e6));
      many.add(key);
      if (i < 1_000) {
        few.add(key);
      }
    }
    assertThat(many.total()).isEqualTo(1_000_000);
    // A monthly cost between £1.1m and £1.4m spans about 280 keys at 11 significant bits.
    assertThat(many.capacity()).isLessThan(1_000);
    assertThat(many.capacity()).isLessThanOrEqualTo(2 * few.capacity());
  }

  @Test
  void histogram_growsBothWays_andClears() {
    Histogram h = new Histogram();
    h.add(100);
    h.add(-100);
    h.add(5);
    assertThat(h.quantile(0.34)).isEqualTo(5);
    assertThat(h.quantile(1.0)).isEqualTo(100);
    assertThat(h.quantile(0.1)).isEqualTo(-100);
    h.clear();
    assertThat(h.total()).isZero();
    h.add(1_000_007);
    assertThat(h.quantile(0.5)).isEqualTo(1_000_007);
  }

  @Test
  void histogram_widerThanItsBuckets_coarsensAndStaysNearTheTruth() {
    Histogram h = new Histogram();
    for (long k = -10_000; k <= 10_000; k++) {
      h.add(k);
    }
    assertThat(h.capacity()).isLessThanOrEqualTo(Histogram.MAX_BUCKETS + 16);
    // 20,001 keys in at most 512 buckets: each 64 keys wide.
    assertThat(h.quantile(0.5)).isCloseTo(0, org.assertj.core.data.Offset.offset(64L));
    assertThat(h.quantile(0.05)).isCloseTo(-9_000, org.assertj.core.data.Offset.offset(64L));
  }

  /** The same keys, split into chunks merged in any order, give the same histogram. */
  @Test
  void histogram_dependsOnlyOnTheKeys_notOnHowTheyWereSplitOrMerged() {
    SplittableRandom random = new SplittableRandom(8);
    long[] keys = new long[20_000];
    for (int i = 0; i < keys.length; i++) {
      keys[i] = random.nextBoolean() ? random.nextLong(-50, 50)
          : random.nextLong(-3_000_000, 9_000_000);
    }
    Histogram whole = new Histogram();
    for (long k : keys) {
      whole.add(k);
    }
    for (int chunk : new int[] {1, 7, 64, 5_000}) {
      Histogram total = new Histogram();
      Histogram part = new Histogram();
      for (int i = keys.length - 1; i >= 0; i--) {
        part.add(keys[i]);
        if (i % chunk == 0) {
          total.merge(part);
          part.clear();
        }
      }
      for (double q : new double[] {0.01, 0.05, 0.25, 0.5, 0.75, 0.95, 1.0}) {
        assertThat(total.quantile(q)).as("chunk %d, q %s", chunk, q)
            .isEqualTo(whole.quantile(q));
      }
      assertThat(total.total()).isEqualTo(keys.length);
    }
  }
}
