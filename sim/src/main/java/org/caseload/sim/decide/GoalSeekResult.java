package org.caseload.sim.decide;

import java.util.ArrayList;
import java.util.List;
import org.caseload.sim.engine.CostTotals;
import org.caseload.sim.summary.Summary;
import org.caseload.sim.target.Target;

/**
 * A goal-seek's answer, and every plan it looked at.
 *
 * @param request what was asked
 * @param answer the plan found, or why none was
 * @param evaluated every plan run, cheapest first (by the request's objective)
 * @param searched the index of the lever searched by bisection (the others are enumerated)
 * @param replicationsRun replications run in all, over every plan and the base scenario
 * @implNote Immutable and thread-safe.
 */
public record GoalSeekResult(GoalSeekRequest request, Answer answer,
    List<PlanEstimate> evaluated, int searched, long replicationsRun) {

  public GoalSeekResult {
    evaluated = List.copyOf(evaluated);
  }

  /** The outcome: a plan, or none within the levers' ranges. */
  public sealed interface Answer {}

  /**
   * The cheapest plan found that meets the targets with at least the required probability.
   *
   * @param plan its estimate, refined near the boundary
   * @param extraCost total cost over the horizon minus the base scenario's, paired by
   *     replication
   * @param sure whether the 95% interval of the probability lies wholly above the required
   *     probability (if not, the plan was refined to the maximum replications and its
   *     estimate is at or above it)
   * @param weaker each one-step-weaker plan (one lever one step down), refined: each misses
   *     the goal or costs more
   */
  public record Found(PlanEstimate plan, Summary extraCost, boolean sure,
      List<PlanEstimate> weaker) implements Answer {
    public Found {
      weaker = List.copyOf(weaker);
    }

    /** The mean extra cost a year: the horizon's mean difference x 12 / months. */
    public double extraCostPerYear(int months) {
      return CostTotals.perYear(extraCost.mean(), months);
    }

    /** The 95% interval of the extra cost a year. */
    public double[] extraCostPerYear95(int months) {
      return CostTotals.perYear(extraCost.ci95(), months);
    }
  }

  /**
   * No plan within the ranges reaches the required probability.
   *
   * @param best the strongest plan, unless a plan run had a higher probability of meeting
   *     every target: then the most probable (the cheapest of equals)
   * @param binding the target it meets least often
   */
  public record Infeasible(PlanEstimate best, Target binding) implements Answer {}

  /**
   * The cost-probability frontier: the evaluated plans that no cheaper plan matches or beats
   * in probability, cheapest first.
   */
  public List<PlanEstimate> frontier() {
    List<PlanEstimate> list = new ArrayList<>();
    double best = -1;
    for (PlanEstimate e : evaluated) {
      if (e.probability() > best) {
        list.add(e);
        best = e.probability();
      }
    }
    return List.copyOf(list);
  }
}
