package org.caseload.sim.decide;

import java.util.List;

/**
 * What the replications run so far say about a plan.
 *
 * @param plan the plan
 * @param meetsAll replications meeting every target, of those run
 * @param byTarget replications meeting each target, in the targets' order
 * @param cost mean total cost over the horizon in the first {@code costReplications}
 *     replications, which every plan of a goal-seek shares: the plans' common yardstick
 * @param costHalfWidth95 the half-width of {@code cost}'s 95% interval (Student's t times its
 *     standard error; NaN from one replication): its Monte Carlo error alone, for the plans'
 *     costs are paired (the same replications), so their differences are known more closely
 * @param costReplications replications behind {@code cost}
 * @implNote Immutable and thread-safe.
 */
public record PlanEstimate(Plan plan, Proportion meetsAll, List<Proportion> byTarget,
    double cost, double costHalfWidth95, long costReplications) {

  public PlanEstimate {
    byTarget = List.copyOf(byTarget);
  }

  /** Replications run. */
  public long replications() {
    return meetsAll.trials();
  }

  /** The probability of meeting every target. */
  public double probability() {
    return meetsAll.estimate();
  }

  /** The index of the target met least often (the one that binds). */
  public int binding() {
    int worst = 0;
    for (int i = 1; i < byTarget.size(); i++) {
      if (byTarget.get(i).successes() < byTarget.get(worst).successes()) {
        worst = i;
      }
    }
    return worst;
  }
}
