package org.caseload.sim.decide;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import org.junit.jupiter.api.Test;

/** A lever's values: weakest first, in steps, always ending at the strongest value asked for. */
class GridTest {

  @Test
  void aRangeOfWholeSteps_endsOnItsLastStep() {
    assertThat(Grid.of(0, 100, 4).values()).hasSize(26).startsWith(0.0, 4.0).endsWith(100.0);
    assertThat(Grid.of(1, 0.8, 0.05).values()).containsExactly(1.0, 0.95, 0.9, 0.85, 0.8);
    assertThat(Grid.of(0, 0.3, 0.1).values()).containsExactly(0.0, 0.1, 0.2, 0.3);
  }

  /** 0..8/3 searched 0, 3 and 6 and never said that 8 was dropped. */
  @Test
  void aRangeThatIsNotWholeSteps_stillEndsAtItsEnd() {
    assertThat(Grid.of(0, 8, 3).values()).containsExactly(0.0, 3.0, 6.0, 8.0);
    assertThat(Grid.of(25, 18, 2).values()).containsExactly(25.0, 23.0, 21.0, 19.0, 18.0);
    assertThat(Grid.of(0, 8, 3).size()).isEqualTo(4);
    // an end a rounding error past the last step is that step
    assertThat(Grid.of(0, 1.0 / 3, 1.0 / 30).size()).isEqualTo(11);
  }

  /**
   * A step longer than the range gives its two ends, as the rule that a range ends at its end
   * says: retention=1..0.8 (the default step, 1) had been refused as an empty range, though
   * 1..0.8/0.15 was 1, 0.85 and 0.8.
   */
  @Test
  void aStepLongerThanTheRange_givesItsTwoEnds() {
    assertThat(Grid.of(1, 0.8, 1).values()).containsExactly(1.0, 0.8);
    assertThat(Grid.of(1, 1.5, 1).values()).containsExactly(1.0, 1.5);
    assertThat(Grid.of(0, 3, 5).values()).containsExactly(0.0, 3.0);
  }

  @Test
  void aRangeThatCannotMove_isRefused() {
    assertThatThrownBy(() -> Grid.of(8, 8, 1)).hasMessage("range 8..8 has one value; a lever"
        + " must be able to move");
  }
}
