package org.caseload.sim.decide;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.List;
import org.caseload.core.scenario.FundedPosts;
import org.caseload.core.scenario.Scenario;
import org.caseload.sim.presets.Presets;
import org.caseload.sim.target.TargetParser;
import org.junit.jupiter.api.Test;

/**
 * How much a goal-seek may refine and stay within a work limit: England's search at the
 * defaults (the planners' page's levers for it, 256 and 4,096 replications) plans twice the
 * API's default limit of 25 billion worker-months, and its refusal had said only "fewer
 * replications a plan"; it now names the maxReplications that fits.
 */
class GoalSeekWorkTest {

  /** The API's default --max-work (org.caseload.api.Limits.DEFAULT_WORKER_MONTHS). */
  private static final double LIMIT = 25e9;

  private static GoalSeekRequest england(int screen, int max) {
    Scenario england = Presets.load("england-2022").orElseThrow();
    List<Lever> levers = LeverParser.parseAll(
        List.of("posts:longTerm=0..12000/1200", "campaign=1..3/1"), england);
    return new GoalSeekRequest(england, List.of(TargetParser.parse(
        "caseload <= 18 at month 24")), 0.8, levers, Objective.COST, 1, 1, screen, max,
        () -> false);
  }

  private static double work(GoalSeekRequest request) {
    return request.replicationsPlanned() * each(request);
  }

  /** The worker-months of a replication of the strongest plan, which the API costs by. */
  private static double each(GoalSeekRequest request) {
    return FundedPosts.workerMonths(Plan.uniform(request.levers(), Integer.MAX_VALUE)
        .apply(request.base()));
  }

  @Test
  void englandAtTheDefaults_isBeyondTheLimit_andTheMostThatFitsIsNamed() {
    GoalSeekRequest defaults = england(256, 4096);
    assertThat(work(defaults)).isGreaterThan(LIMIT);
    int fits = defaults.maxReplicationsWithin(LIMIT / each(defaults));
    assertThat(fits).isBetween(256, 4096 - 64).isEqualTo(fits / 64 * 64);
    assertThat(work(england(256, fits))).isLessThanOrEqualTo(LIMIT);
    assertThat(work(england(256, fits + 64))).isGreaterThan(LIMIT);
  }

  @Test
  void aSearchWithinTheLimit_keepsItsMaxReplications_andOneBeyondItAtAnyIsNone() {
    GoalSeekRequest small = england(64, 128);
    assertThat(small.maxReplicationsWithin(LIMIT / each(small))).isEqualTo(128);
    GoalSeekRequest screenTooLarge = england(100_032, 100_032);
    assertThat(screenTooLarge.maxReplicationsWithin(LIMIT / each(screenTooLarge))).isZero();
  }
}
