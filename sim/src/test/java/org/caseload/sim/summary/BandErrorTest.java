package org.caseload.sim.summary;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.SplittableRandom;
import java.util.function.DoubleSupplier;
import org.junit.jupiter.api.Test;

/**
 * The standard errors of a forecast's p5, median and p95 against the spread those percentiles
 * really have: 4,000 sets of 200 draws, each summarised by a tally as a forecast's
 * replications are, from a normal, a lognormal and a heavy-tailed distribution (Student's t,
 * 5 degrees of freedom). The mean error the formula gives over the sets should be at least
 * the percentile's spread over them (not understate the noise) and at most 35% more. Seeds
 * are fixed; measured, the ratios are 1.07-1.23 (p5, p95) and 1.07-1.11 (median), so with
 * 4,000 sets (the spread itself known to about 1.1%) a false failure is below 1e-6.
 */
class BandErrorTest {

  private static final int SETS = 4_000;
  private static final int DRAWS = 200;

  @Test
  void errors_coverTheSpreadOfThePercentiles_withoutOverstatingIt() {
    SplittableRandom random = new SplittableRandom(2026);
    check("normal", () -> normal(random));
    check("lognormal", () -> Math.exp(0.5 * normal(random)));
    check("t5", () -> {
      double chi = 0;
      for (int k = 0; k < 5; k++) {
        double z = normal(random);
        chi += z * z;
      }
      return normal(random) / Math.sqrt(chi / 5);
    });
  }

  private static void check(String name, DoubleSupplier draw) {
    double[][] percentiles = new double[3][SETS];
    double[] meanError = new double[3];
    for (int set = 0; set < SETS; set++) {
      Tally tally = new Tally(Accuracy.RELATIVE);
      for (int i = 0; i < DRAWS; i++) {
        tally.add(draw.getAsDouble());
      }
      Summary s = tally.summary();
      BandError e = BandError.of(s);
      double[] p = {s.p5(), s.p50(), s.p95()};
      double[] se = {e.p5(), e.p50(), e.p95()};
      for (int k = 0; k < 3; k++) {
        percentiles[k][set] = p[k];
        meanError[k] += se[k] / SETS;
      }
    }
    String[] which = {"p5", "median", "p95"};
    for (int k = 0; k < 3; k++) {
      double ratio = meanError[k] / sd(percentiles[k]);
      assertThat(ratio).as("%s %s: mean standard error over the spread", name, which[k])
          .isBetween(1.0, 1.35);
    }
  }

  private static double sd(double[] x) {
    double mean = 0;
    for (double v : x) {
      mean += v / x.length;
    }
    double sum = 0;
    for (double v : x) {
      sum += (v - mean) * (v - mean);
    }
    return Math.sqrt(sum / (x.length - 1));
  }

  /** A standard normal draw (Box-Muller). */
  private static double normal(SplittableRandom random) {
    return Math.sqrt(-2 * Math.log(1 - random.nextDouble()))
        * Math.cos(2 * Math.PI * random.nextDouble());
  }
}
