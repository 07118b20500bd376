package org.caseload.sim.engine;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.within;

import java.util.SplittableRandom;
import org.caseload.sim.target.TargetParser;
import org.junit.jupiter.api.Test;

/** The paired difference of target probabilities and its Agresti-Min interval. */
class TargetDifferenceTest {

  private static ComparisonResult.TargetDifference of(long onlyVariant, long onlyBaseline,
      long n) {
    return new ComparisonResult.TargetDifference(TargetParser.parse("caseload <= 18 at month 1"),
        onlyVariant, onlyBaseline, n);
  }

  /** Computed by hand: a = 30.5, b = 10.5, n = 102 (Agresti and Min's half-cell rule). */
  @Test
  void interval_isAgrestiMin() {
    ComparisonResult.TargetDifference d = of(30, 10, 100);
    assertThat(d.difference()).isEqualTo(0.2);
    double centre = 20 / 102.0;
    double half = 1.959963984540054 * Math.sqrt((41 - 400 / 102.0) / (102.0 * 102.0));
    assertThat(d.lower95()).isCloseTo(centre - half, within(1e-12));
    assertThat(d.upper95()).isCloseTo(centre + half, within(1e-12));
  }

  @Test
  void noReplicationDiffering_stillHasAWidth() {
    ComparisonResult.TargetDifference d = of(0, 0, 200);
    assertThat(d.difference()).isZero();
    assertThat(d.lower95()).isNegative();
    assertThat(d.upper95()).isPositive().isLessThan(0.02);
  }

  /**
   * Coverage: 2,000 simulated comparisons of 200 replications where the variant alone meets
   * the target with probability 0.03 and the baseline alone with 0.01 (true difference 0.02).
   * The interval should cover it about 95% of the time; the test asks for at least 93%.
   * If the true coverage is 95%, the observed share falls below 93% with probability about
   * 3e-5 (binomial standard error 0.49 points); the seed is fixed.
   */
  @Test
  void coverage_isNearNinetyFivePercent() {
    SplittableRandom random = new SplittableRandom(11);
    int covered = 0;
    int trials = 2_000;
    for (int trial = 0; trial < trials; trial++) {
      long onlyVariant = 0;
      long onlyBaseline = 0;
      for (int r = 0; r < 200; r++) {
        double u = random.nextDouble();
        onlyVariant += u < 0.03 ? 1 : 0;
        onlyBaseline += u >= 0.03 && u < 0.04 ? 1 : 0;
      }
      ComparisonResult.TargetDifference d = of(onlyVariant, onlyBaseline, 200);
      covered += d.lower95() <= 0.02 && 0.02 <= d.upper95() ? 1 : 0;
    }
    assertThat(covered / (double) trials).isGreaterThanOrEqualTo(0.93);
  }
}
