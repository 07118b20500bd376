package org.caseload.sim.output;

import static org.assertj.core.api.Assertions.assertThat;

import org.junit.jupiter.api.Test;

/** How the sensitivity table rounds its indices. */
class SensitivityOutputTest {

  @Test
  void anIndexThatIsNotZeroButRoundsToZero_isShownAsBelowOneThousandth() {
    assertThat(SensitivityOutput.fixed(0.0004)).isEqualTo("<0.001");
    assertThat(SensitivityOutput.fixed(1e-12)).isEqualTo("<0.001");
    assertThat(SensitivityOutput.fixed(-0.0004)).isEqualTo(">-0.001");
    assertThat(SensitivityOutput.fixed(0)).isEqualTo("0.000");
    assertThat(SensitivityOutput.fixed(-0.0)).isEqualTo("0.000");
    assertThat(SensitivityOutput.fixed(0.0006)).isEqualTo("0.001");
    assertThat(SensitivityOutput.fixed(0.6667)).isEqualTo("0.667");
    assertThat(SensitivityOutput.fixed(Double.NaN)).isEqualTo("-");
  }

  /** A cost's tornado is in pounds, as every other table's money (it had read 1,256,911). */
  @Test
  void aCostsTornado_isInPounds() {
    assertThat(SensitivityOutput.pounds(1_256_911.4)).isEqualTo("£1,256,911");
    assertThat(SensitivityOutput.pounds(-24_312)).isEqualTo("-£24,312");
    assertThat(SensitivityOutput.pounds(Double.NaN)).isEqualTo("-");
  }
}
