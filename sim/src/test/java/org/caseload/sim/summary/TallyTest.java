package org.caseload.sim.summary;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.assertj.core.api.Assertions.within;

import java.util.Arrays;
import java.util.SplittableRandom;
import java.util.function.DoubleSupplier;
import org.apache.commons.math3.stat.descriptive.DescriptiveStatistics;
import org.apache.commons.math3.stat.descriptive.rank.Percentile;
import org.apache.commons.math3.stat.descriptive.rank.Percentile.EstimationType;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.EnumSource;

/**
 * The accuracy contract of tallies, checked against exact percentiles: commons-math3's
 * {@code R_1} estimator (the inverse of the empirical distribution: nearest rank) on the
 * sorted values. Values come from fixed seeds and the checks are bounds that hold for every
 * value set, not statistical statements: these tests have no false-failure probability.
 */
class TallyTest {

  private static final int[] EVERY_PERCENT = java.util.stream.IntStream.rangeClosed(1, 100)
      .toArray();

  /** Kinds of value a run records, each with the accuracy of its unit. */
  enum Values {
    /** Like unallocated children: 95% zeros and a heavy tail to 10,000. */
    ZERO_INFLATED_COUNTS(Accuracy.WHOLE, r -> () -> r.nextDouble() < 0.95 ? 0
        : Math.min(10_000, Math.floor(Math.exp(r.nextDouble(0, Math.log(10_001)))))),
    /** Staff in post: whole FTE around 200. */
    STAFF(Accuracy.WHOLE, r -> () -> 180 + r.nextInt(40)),
    /** Differences of counts: whole, both signs, around the exact limit. */
    COUNT_DIFFERENCES(Accuracy.WHOLE, r -> () -> r.nextInt(-3_000, 3_000)),
    /** Budget variance: negative and positive money in pounds and pence. */
    MONEY_BOTH_SIGNS(Accuracy.RELATIVE, r -> () -> r.nextDouble(-250_000, 400_000)),
    /** Caseloads, two decimals and more. */
    CASELOADS(Accuracy.RELATIVE, r -> () -> r.nextDouble(12, 48)),
    /** Huge magnitudes: the cost of England over decades. */
    HUGE(Accuracy.RELATIVE, r -> () -> r.nextDouble(1e12, 9e14)),
    /** Tiny magnitudes: rates near zero, both signs. */
    TINY(Accuracy.RELATIVE, r -> () -> r.nextDouble(-3e-9, 7e-9)),
    /** Many magnitudes at once, some negative. */
    SPREAD(Accuracy.RELATIVE, r -> () -> (r.nextInt(5) == 0 ? -1 : 1)
        * Math.exp(r.nextDouble(-20, 30))),
    /** Counts spread over every magnitude to a million. */
    COUNTS_SPREAD(Accuracy.WHOLE, r -> () -> Math.floor(Math.exp(r.nextDouble(0, 14))));

    final Accuracy accuracy;
    final java.util.function.Function<SplittableRandom, DoubleSupplier> source;

    Values(Accuracy accuracy,
        java.util.function.Function<SplittableRandom, DoubleSupplier> source) {
      this.accuracy = accuracy;
      this.source = source;
    }

    double[] draw(long seed, int n) {
      DoubleSupplier s = source.apply(new SplittableRandom(seed));
      double[] values = new double[n];
      for (int i = 0; i < n; i++) {
        values[i] = s.getAsDouble();
      }
      return values;
    }
  }

  @ParameterizedTest
  @EnumSource(Values.class)
  void everyPercentile_isWithinTheAccuracyOfTheExactNearestRank(Values kind) {
    for (int n : new int[] {1, 2, 19, 1_000, 100_003}) {
      double[] values = kind.draw(n, n);
      Tally tally = tallyOf(kind.accuracy, values);
      double[] reported = tally.percentiles(EVERY_PERCENT);
      for (int q = 1; q <= 100; q++) {
        double exact = exactPercentile(values, q);
        assertWithinContract(kind.accuracy, exact, reported[q - 1], kind + " n=" + n + " p" + q);
      }
    }
  }

  @Test
  void zeroInflatedCounts_reportZeroBandsWhereMostValuesAreZero() {
    double[] values = Values.ZERO_INFLATED_COUNTS.draw(42, 10_000);
    Summary s = tallyOf(Accuracy.WHOLE, values).summary();
    assertThat(new double[] {s.p5(), s.p25(), s.p50(), s.p75(), s.p90()})
        .containsOnly(0.0);
    long positive = Arrays.stream(values).filter(v -> v > 0).count();
    assertThat(s.shareAboveZero()).isEqualTo(positive / 10_000.0);
    assertThat(s.p95()).isEqualTo(exactPercentile(values, 95));
  }

  @Test
  void wholeNumbers_areExactUpTo1024_andWithinTheAccuracyAbove() {
    for (int k = -3_000; k <= 3_000; k++) {
      Tally tally = tallyOf(Accuracy.WHOLE, new double[] {k});
      double reported = tally.summary().p50();
      if (Math.abs(k) <= WholeNumberMapping.EXACT_UP_TO) {
        assertThat(reported).as("k=%d", k).isEqualTo(k);
      } else {
        assertThat(reported).as("k=%d", k).isCloseTo(k, within(0.005 * Math.abs(k)));
      }
    }
  }

  @Test
  void constants_reportTheConstant() {
    Summary count = tallyOf(Accuracy.WHOLE, filled(4, 333)).summary();
    assertThat(count.p5()).isEqualTo(4);
    assertThat(count.p95()).isEqualTo(4);
    assertThat(count.sd()).isZero();
    Summary caseload = tallyOf(Accuracy.RELATIVE, filled(18.37, 333)).summary();
    assertThat(new double[] {caseload.p5(), caseload.p50(), caseload.p95()})
        .containsOnly(18.37);
    Summary cost = tallyOf(Accuracy.RELATIVE, new double[] {1_228_275.25}).summary();
    assertThat(cost.p5()).isEqualTo(1_228_275.25);
    assertThat(cost.p95()).isEqualTo(cost.mean());
    Summary zero = tallyOf(Accuracy.RELATIVE, filled(0, 10)).summary();
    assertThat(zero.p5()).isZero();
    assertThat(zero.p95()).isZero();
    assertThat(zero.shareAboveZero()).isZero();
  }

  @Test
  void fractionalValues_areRefusedByAWholeTally() {
    Tally tally = new Tally(Accuracy.WHOLE);
    assertThatThrownBy(() -> tally.add(2.5)).isInstanceOf(IllegalArgumentException.class)
        .hasMessageContaining("2.5");
    assertThat(tally.n()).isZero();
  }

  @Test
  void momentsMatchAReference() {
    double[] values = Values.MONEY_BOTH_SIGNS.draw(3, 1001);
    Summary s = tallyOf(Accuracy.RELATIVE, values).summary();
    DescriptiveStatistics reference = new DescriptiveStatistics(values);
    assertThat(s.n()).isEqualTo(1001);
    assertThat(s.mean()).isCloseTo(reference.getMean(), within(1e-6));
    assertThat(s.sd()).isCloseTo(reference.getStandardDeviation(), within(1e-6));
    assertThat(s.se()).isCloseTo(reference.getStandardDeviation() / Math.sqrt(1001),
        within(1e-6));
  }

  @Test
  void oneValue_hasNoSpread() {
    // no spread known from one value: sd and se undefined (JSON null, CSV empty, as the
    // sensitivity's with one replication), not 0 (an analyst's trial)
    Summary s = tallyOf(Accuracy.WHOLE, new double[] {7}).summary();
    assertThat(s.n()).isEqualTo(1);
    assertThat(s.values()).containsExactly(7, Double.NaN, Double.NaN, 7, 7, 7, 7, 7, 7, 7);
    assertThat(s.shareAboveZero()).isEqualTo(1);
  }

  @Test
  void empty_isNaN_andNonFiniteValuesAreRefused() {
    Tally tally = new Tally(Accuracy.RELATIVE);
    assertThat(tally.summary().p50()).isNaN();
    assertThatThrownBy(() -> tally.add(Double.NaN)).isInstanceOf(IllegalArgumentException.class);
    assertThatThrownBy(() -> tally.add(Double.POSITIVE_INFINITY))
        .isInstanceOf(IllegalArgumentException.class);
    assertThat(tally.n()).isZero();
  }

  /** The same values split into chunks and merged in any order give the same percentiles. */
  @ParameterizedTest
  @EnumSource(Values.class)
  void percentiles_dependOnlyOnTheValues_notOnHowTheyWereSplitOrMerged(Values kind) {
    double[] values = kind.draw(8, 20_000);
    double[] whole = tallyOf(kind.accuracy, values).percentiles(EVERY_PERCENT);
    for (int chunk : new int[] {1, 7, 64, 5_000}) {
      Tally total = new Tally(kind.accuracy);
      Tally part = new Tally(kind.accuracy);
      for (int i = values.length - 1; i >= 0; i--) {
        part.add(values[i]);
        if (i % chunk == 0) {
          total.merge(part);
          part.clear();
        }
      }
      assertThat(total.n()).isEqualTo(values.length);
      assertThat(total.percentiles(EVERY_PERCENT)).as("chunk %d", chunk).containsExactly(whole);
    }
  }

  @Test
  void merging_addsMoments() {
    double[] values = Values.CASELOADS.draw(4, 500);
    Tally whole = tallyOf(Accuracy.RELATIVE, values);
    Tally left = tallyOf(Accuracy.RELATIVE, Arrays.copyOfRange(values, 0, 200));
    left.merge(tallyOf(Accuracy.RELATIVE, Arrays.copyOfRange(values, 200, 500)));
    assertThat(left.summary().mean()).isCloseTo(whole.summary().mean(), within(1e-9));
    assertThat(left.summary().sd()).isCloseTo(whole.summary().sd(), within(1e-9));
  }

  /**
   * Memory follows the span of bins: a million values over nine orders of magnitude span at
   * most ln(1e9) / ln(gamma) bins, gamma = (1 + a) / (1 - a) for accuracy a (with 10% for
   * the interpolated mapping's excess), however many values there are; small whole numbers
   * take a bin each; any spread at all takes at most {@link Accuracy#MAX_BINS} per sign.
   */
  @Test
  void bins_followTheSpreadOfValues_notTheirNumber() {
    SplittableRandom random = new SplittableRandom(6);
    Tally tally = new Tally(Accuracy.RELATIVE);
    for (int i = 0; i < 1_000_000; i++) {
      tally.add(Math.exp(random.nextDouble(0, Math.log(1e9))));
    }
    double gamma = (1 + 0.005) / (1 - 0.005);
    assertThat(tally.binSpan()).isLessThanOrEqualTo(
        (long) Math.ceil(Math.log(1e9) / Math.log(gamma) * 1.1) + 2);
    Tally starters = tallyOf(Accuracy.WHOLE, Values.STAFF.draw(7, 100_000));
    assertThat(starters.binSpan()).isLessThanOrEqualTo(40);
    Tally extreme = new Tally(Accuracy.RELATIVE);
    for (int i = 0; i < 100_000; i++) {
      extreme.add((i % 2 == 0 ? -1 : 1) * Math.exp(random.nextDouble(-690, 690)));
    }
    assertThat(extreme.binSpan()).isLessThanOrEqualTo(2L * Accuracy.MAX_BINS);
    assertThat(extreme.summary().p95()).isPositive();
  }

  private static void assertWithinContract(Accuracy accuracy, double exact, double reported,
      String what) {
    if (accuracy == Accuracy.WHOLE && Math.abs(exact) <= WholeNumberMapping.EXACT_UP_TO) {
      assertThat(reported).as(what).isEqualTo(exact);
    } else {
      assertThat(Math.abs(reported - exact)).as("%s: %s vs exact %s", what, reported, exact)
          .isLessThanOrEqualTo(0.005 * Math.abs(exact));
    }
  }

  private static double exactPercentile(double[] values, int percent) {
    return new Percentile().withEstimationType(EstimationType.R_1).evaluate(values, percent);
  }

  private static Tally tallyOf(Accuracy accuracy, double[] values) {
    Tally tally = new Tally(accuracy);
    for (double v : values) {
      tally.add(v);
    }
    return tally;
  }

  private static double[] filled(double value, int n) {
    double[] values = new double[n];
    Arrays.fill(values, value);
    return values;
  }
}
