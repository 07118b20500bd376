package org.caseload.sim.summary;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.within;

import java.util.SplittableRandom;
import org.apache.commons.math3.distribution.TDistribution;
import org.apache.commons.math3.stat.descriptive.SummaryStatistics;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

/**
 * The 95% interval of a mean against its textbook form: Student's t quantile with n - 1
 * degrees of freedom (commons-math3's TDistribution, an independent implementation) times the
 * standard error from commons-math3's SummaryStatistics. Fixed seeds and deterministic
 * bounds: no false-failure probability.
 */
class SummaryTest {

  @ParameterizedTest(name = "n = {0}")
  @ValueSource(ints = {2, 3, 10, 30, 100, 4_096})
  void halfWidth95_isStudentsTTimesTheStandardError(int n) {
    SplittableRandom random = new SplittableRandom(n);
    Tally tally = new Tally(Accuracy.RELATIVE);
    SummaryStatistics reference = new SummaryStatistics();
    for (int i = 0; i < n; i++) {
      double value = random.nextDouble(-5_000, 20_000);
      tally.add(value);
      reference.addValue(value);
    }
    double t = new TDistribution(n - 1).inverseCumulativeProbability(0.975);
    double expected = t * reference.getStandardDeviation() / Math.sqrt(n);
    assertThat(tally.summary().halfWidth95()).isCloseTo(expected, within(1e-9 * expected));
  }

  @ParameterizedTest(name = "n = {0}")
  @ValueSource(ints = {0, 1})
  void halfWidth95_isUndefinedWithFewerThanTwoReplications(int n) {
    Tally tally = new Tally(Accuracy.RELATIVE);
    for (int i = 0; i < n; i++) {
      tally.add(42.5);
    }
    assertThat(tally.summary().halfWidth95()).isNaN();
  }

  @ParameterizedTest(name = "n = {0}")
  @ValueSource(ints = {10, 4_096})
  void theTQuantile_isWiderThanTheNormalForFewReplicationsAndAlikeForMany(int n) {
    Tally tally = new Tally(Accuracy.RELATIVE);
    for (int i = 0; i < n; i++) {
      tally.add(i % 2);
    }
    Summary s = tally.summary();
    double ratio = s.halfWidth95() / (1.959963984540054 * s.se());
    assertThat(ratio).isCloseTo(n == 10 ? 2.262157 / 1.959964 : 1.0, within(1e-3));
  }

  /**
   * A metric's values all equal (no child waiting in any of 400 replications) say nothing of
   * how far their mean is from the endless one: its half-width is undefined where the values
   * are summarised, not 0 (an analyst's trial: 8,000 replications gave 0.019); a paired
   * difference all 0, the same random numbers through both scenarios, keeps its exact 0.
   */
  @Test
  void allValuesEqual_theMeansHalfWidthIsUndefined_butADifferencesIsZero() {
    Tally zeros = new Tally(Accuracy.WHOLE);
    for (int i = 0; i < 400; i++) {
      zeros.add(0);
    }
    Summary s = zeros.summary();
    assertThat(s.halfWidth95()).isZero();
    assertThat(HalfWidths95.ofValues(s).mean()).isNaN();
    assertThat(HalfWidths95.of(s).mean()).isZero();
    // the share above zero keeps its reach: at most about 0.92% (Clopper-Pearson, 0 of 400)
    assertThat(HalfWidths95.ofValues(s).shareAboveZero()).isCloseTo(0.00918, within(1e-4));
    Tally varied = new Tally(Accuracy.WHOLE);
    for (int i = 0; i < 400; i++) {
      varied.add(i % 50 == 0 ? 1 : 0);
    }
    assertThat(HalfWidths95.ofValues(varied.summary()).mean())
        .isEqualTo(varied.summary().halfWidth95()).isPositive();
  }
}
