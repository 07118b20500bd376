package org.caseload.core.calibration;

import static org.assertj.core.api.Assertions.assertThat;

import org.junit.jupiter.api.Test;

/** The calibration's note on where long-term caseloads settle, in a planner's words. */
class CaseMixSettlingTest {

  @Test
  void theAnchorIsSaidAsWhereCaseloadsSettle() {
    assertThat(CaseMix.settling(0.850)).isEqualTo("with staffing as it is, long-term caseloads"
        + " settle about 15% below today's, as the model moves a council's caseload 70% of the way"
        + " to its own and England's usual levels (caseloads revert so: docs/calibration.md)");
    assertThat(CaseMix.settling(1.12)).contains("settle about 12% above today's");
    assertThat(CaseMix.settling(1.0)).contains("settle near today's");
    assertThat(CaseMix.settling(0.996)).contains("settle near today's");
  }
}
