package org.caseload.sim.output;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.List;
import org.apache.commons.math3.distribution.BetaDistribution;
import org.caseload.sim.decide.Plan;
import org.caseload.sim.decide.PlanEstimate;
import org.caseload.sim.decide.Proportion;
import org.junit.jupiter.api.Test;

/**
 * The one-step-weaker plans of a goal-seek are marked borderline exactly where docs/decide.md
 * step 4 says: an estimate below the goal whose interval reaches it. The interval's upper end
 * is computed here from commons-math3's beta quantile (Clopper-Pearson), so the counts either
 * side of the edge are found independently of the code under test. Deterministic.
 */
class GoalSeekOutputTest {

  private static final double GOAL = 0.8;
  private static final long TRIALS = 4096;
  private static final double CONFIDENCE = 0.95;

  @Test
  void aWeakerPlanBelowTheGoal_isBorderlineExactlyWhenItsIntervalReachesIt() {
    long edge = -1; // the fewest successes whose upper end reaches the goal
    for (long x = 0; x < TRIALS; x++) {
      double upper = new BetaDistribution(null, x + 1, TRIALS - x)
          .inverseCumulativeProbability(1 - (1 - CONFIDENCE) / 2);
      if (upper >= GOAL) {
        edge = x;
        break;
      }
    }
    assertThat(edge).as("an edge below the goal's count").isBetween(3200L, 3276L);
    assertThat(GoalSeekOutput.borderlineWeaker(estimate(edge - 1), GOAL)).isFalse();
    assertThat(GoalSeekOutput.borderlineWeaker(estimate(edge), GOAL)).isTrue();
    // 3,276 of 4,096 is 79.98%, below the goal, its interval well across it
    assertThat(GoalSeekOutput.borderlineWeaker(estimate(3276), GOAL)).isTrue();
    // at or above the goal it was rejected for its cost, not its probability: not borderline
    assertThat(GoalSeekOutput.borderlineWeaker(estimate(3277), GOAL)).isFalse();
    assertThat(GoalSeekOutput.borderlineWeaker(estimate(TRIALS), GOAL)).isFalse();
    assertThat(GoalSeekOutput.borderlineWeaker(estimate(0), GOAL)).isFalse();
  }

  private static PlanEstimate estimate(long successes) {
    Proportion p = new Proportion(successes, TRIALS, CONFIDENCE);
    return new PlanEstimate(new Plan(List.of(), List.of()), p, List.of(p), 1e6, 1e4, 256);
  }
}
