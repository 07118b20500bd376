package org.caseload.sim.decide;

import java.util.ArrayList;
import java.util.Arrays;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import org.apache.commons.math3.stat.descriptive.moment.StandardDeviation;
import org.caseload.core.scenario.Scenario;
import org.caseload.sim.engine.Readings;
import org.caseload.sim.engine.ReplicationBatch;
import org.caseload.sim.engine.ReplicationValues;
import org.caseload.sim.summary.Summary;
import org.caseload.sim.summary.Tally;
import org.caseload.sim.summary.Accuracy;
import org.caseload.sim.target.Target;

/**
 * Runs plans on common random numbers and keeps, per plan, each replication's outcome
 * (targets met, total cost), so asking for more replications of a plan only runs the new
 * ones: replication r of every plan uses the streams of (seed, r). The replications run as a
 * {@link ReplicationBatch} on the {@link ReplicationRunner}'s threads or cluster, each
 * replication read as its targets met, their signatures and its total cost.
 *
 * @implNote Mutable, not thread-safe: one goal-seek at a time (each evaluation itself runs
 *     on the runner's threads or nodes). Outcomes are stored by replication index and summed
 *     in that order, so figures do not depend on the thread or node count.
 */
final class PlanEvaluator {

  private final Scenario base;
  private final List<Target> targets;
  private final Readings readings;
  private final ReplicationRunner runner;
  private final int costReplications;
  private final double confidence;
  private final Map<List<Integer>, Samples> byPlan = new HashMap<>();
  private final Samples baseline;
  private long replicationsRun;

  /**
   * @param costReplications replications behind every plan's cost, and the fewest any plan
   *     runs
   * @param confidence of the probabilities' intervals
   */
  PlanEvaluator(Scenario base, List<Target> targets, ReplicationRunner runner,
      int costReplications, double confidence) {
    this.base = base;
    this.confidence = confidence;
    this.targets = List.copyOf(targets);
    this.readings = Readings.targetsAndCost(targets);
    this.runner = runner;
    this.costReplications = costReplications;
    this.baseline = new Samples(null);
  }

  /** The plan's estimate from at least {@code replications} replications. */
  PlanEstimate estimate(Plan plan, int replications) {
    Samples samples = byPlan.computeIfAbsent(plan.steps(), s -> new Samples(plan));
    samples.ensure(Math.max(replications, costReplications));
    return samples.estimate();
  }

  /** The plan's estimate with the replications run so far (at least the cost yardstick's). */
  PlanEstimate estimate(Plan plan) {
    return estimate(plan, 0);
  }

  /**
   * Whether target {@code index} looked at the same values in every replication the two
   * plans share: no lever between them moves it.
   */
  boolean sameTargetValues(Plan a, Plan b, int index) {
    Samples x = byPlan.get(a.steps());
    Samples y = byPlan.get(b.steps());
    int n = Math.min(x.n, y.n);
    for (int r = 0; r < n; r++) {
      if (Double.compare(x.signature[index][r], y.signature[index][r]) != 0) {
        return false;
      }
    }
    return true;
  }

  /** The current estimate of every plan run, in no particular order. */
  List<PlanEstimate> all() {
    return byPlan.values().stream().map(Samples::estimate).toList();
  }

  /** Whether the plan has been run. */
  boolean evaluated(Plan plan) {
    return byPlan.containsKey(plan.steps());
  }

  /** Plans evaluated. */
  int plans() {
    return byPlan.size();
  }

  /** Replications run in all, over every plan and the baseline. */
  long replicationsRun() {
    return replicationsRun;
  }

  /**
   * The plan's total cost over the horizon minus the base scenario's, replication by
   * replication over the plan's replications (the base is run as far).
   */
  Summary extraCost(Plan plan) {
    Samples samples = byPlan.get(plan.steps());
    baseline.ensure(samples.n);
    Tally tally = new Tally(Accuracy.RELATIVE);
    for (int r = 0; r < samples.n; r++) {
      tally.add(samples.cost[r] - baseline.cost[r]);
    }
    return tally.summary();
  }

  /** One scenario's per-replication outcomes. */
  private final class Samples {
    private final Plan plan;
    private final Scenario scenario;
    private boolean[][] met = new boolean[targets.size()][0];
    private double[][] signature = new double[targets.size()][0];
    private double[] cost = new double[0];
    private int n;

    /** A plan's samples, or the base scenario's when {@code plan} is null. */
    Samples(Plan plan) {
      this.plan = plan;
      this.scenario = plan == null ? base : plan.apply(base);
    }

    void ensure(int replications) {
      if (replications <= n) {
        return;
      }
      int from = n;
      cost = Arrays.copyOf(cost, replications);
      for (int i = 0; i < met.length; i++) {
        met[i] = Arrays.copyOf(met[i], replications);
        signature[i] = Arrays.copyOf(signature[i], replications);
      }
      ReplicationValues values = runner.run(List.of(new ReplicationBatch.Span(scenario, from,
          replications)), readings).get(0);
      for (int i = 0; i < replications - from; i++) {
        for (int t = 0; t < met.length; t++) {
          met[t][from + i] = values.flag(t, i);
          signature[t][from + i] = values.value(t, i);
        }
        cost[from + i] = values.value(readings.costIndex(), i);
      }
      replicationsRun += replications - from;
      n = replications;
    }

    PlanEstimate estimate() {
      long all = 0;
      long[] each = new long[met.length];
      for (int r = 0; r < n; r++) {
        boolean every = true;
        for (int i = 0; i < met.length; i++) {
          if (met[i][r]) {
            each[i]++;
          } else {
            every = false;
          }
        }
        if (every) {
          all++;
        }
      }
      List<Proportion> byTarget = new ArrayList<>();
      for (long e : each) {
        byTarget.add(new Proportion(e, n, confidence));
      }
      double[] costs = Arrays.copyOf(cost, costReplications);
      double sum = 0;
      for (double c : costs) {
        sum += c;
      }
      double se = new StandardDeviation().evaluate(costs) / Math.sqrt(costReplications);
      return new PlanEstimate(plan, new Proportion(all, n, confidence), byTarget,
          sum / costReplications, Summary.halfWidth95(costReplications, se), costReplications);
    }
  }
}
