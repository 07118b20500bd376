package org.caseload.sim.decide;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.within;

import java.util.Arrays;
import java.util.function.Function;
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
}
